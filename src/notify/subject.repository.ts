import type { Tx } from '../db/client.ts';

/** What a pushed message may say about its subject: the case's reference, nothing of its content. */
export interface PushedSubject {
  caseId: string;
  reference: string;
}

type CaseRow = { id: string; reference: string | null } | null | undefined;
const withReference = { select: { id: true, reference: true } } as const;

/** Each record a notification can name, and how to get from it to its case: one query each. */
const lookups = {
  case: (tx: Tx, id: string): Promise<CaseRow> => tx.case.findUnique({ where: { id }, ...withReference }),
  action: async (tx: Tx, id: string): Promise<CaseRow> =>
    (await tx.caseAction.findUnique({ where: { id }, select: { case: withReference } }))?.case,
  agendaItem: async (tx: Tx, id: string): Promise<CaseRow> =>
    (await tx.agendaItem.findUnique({ where: { id }, select: { case: withReference } }))?.case,
  proposal: async (tx: Tx, id: string): Promise<CaseRow> =>
    (await tx.caseProposal.findUnique({ where: { id }, select: { case: withReference } }))?.case,
  consent: async (tx: Tx, id: string): Promise<CaseRow> =>
    (
      await tx.contributionConsent.findUnique({
        where: { id },
        select: { contribution: { select: { case: withReference } } },
      })
    )?.contribution.case,
  handover: async (tx: Tx, id: string): Promise<CaseRow> =>
    (await tx.handover.findUnique({ where: { id }, select: { case: withReference } }))?.case,
};
export type SubjectKind = keyof typeof lookups;

/**
 * The case a notification is about, read when the message is sent: undefined once the case (or the record) is
 * gone, or while it has no reference.
 */
export async function subjectOf(tx: Tx, kind: SubjectKind, id: string): Promise<PushedSubject | undefined> {
  const found = await lookups[kind](tx, id);
  return found?.reference ? { caseId: found.id, reference: found.reference } : undefined;
}
