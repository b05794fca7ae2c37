import type { Tx } from '../db/client.ts';
import type { RegieKind } from './lifecycle.types.ts';

export interface RegieUpdateView {
  id: string;
  kind: RegieKind;
  text?: string;
  author?: { name: string; organisationName: string };
  at: Date;
}

/** `at` comes from the injected clock, like every time the bot records. */
export async function addRegieUpdate(
  tx: Tx,
  input: {
    caseId: string;
    kind: RegieKind;
    at: Date;
    authorMemberId?: string;
    organisationId?: string;
    text?: string;
    submissionId?: string;
  },
): Promise<void> {
  const { at, ...data } = input;
  await tx.regieUpdate.create({ data: { ...data, createdAt: at } });
}

export async function regieUpdateExists(tx: Tx, submissionId: string): Promise<boolean> {
  return (await tx.regieUpdate.count({ where: { submissionId } })) > 0;
}

export async function listRegieUpdates(tx: Tx, caseId: string, take = 8): Promise<RegieUpdateView[]> {
  const rows = await tx.regieUpdate.findMany({
    where: { caseId },
    orderBy: { createdAt: 'desc' },
    take,
    select: {
      id: true,
      kind: true,
      text: true,
      createdAt: true,
      author: { select: { displayName: true } },
      organisation: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    ...(r.text ? { text: r.text } : {}),
    ...(r.author ? { author: { name: r.author.displayName, organisationName: r.organisation?.name ?? '' } } : {}),
    at: r.createdAt,
  }));
}
