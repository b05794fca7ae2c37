import type { Tx } from '../db/client.ts';
import { isUuid } from '../validation.ts';
import type { CaseOutcome } from './lifecycle.types.ts';

/** Where a followed case stands: the facts its regie screens and rules need, nothing of the person. */
export interface CaseState {
  id: string;
  reference: string;
  status: 'accepted' | 'shadowList' | 'closed';
  tableId: string;
  directorMemberId?: string;
  shadowListedAt?: Date;
  shadowReturnDate?: string;
  closedAt?: Date;
  outcome?: CaseOutcome;
  evaluationRemindedAt?: Date;
}

const stateSelect = {
  id: true,
  reference: true,
  status: true,
  tableId: true,
  directorMemberId: true,
  shadowListedAt: true,
  shadowReturnDate: true,
  closedAt: true,
  outcome: true,
  evaluationRemindedAt: true,
} as const;

type StateRow = {
  id: string;
  reference: string | null;
  status: string;
  tableId: string | null;
  directorMemberId: string | null;
  shadowListedAt: Date | null;
  shadowReturnDate: Date | null;
  closedAt: Date | null;
  outcome: CaseOutcome | null;
  evaluationRemindedAt: Date | null;
};

function toState(r: StateRow): CaseState | undefined {
  if (!r.tableId || !r.reference || !['accepted', 'shadowList', 'closed'].includes(r.status)) return undefined;
  return {
    id: r.id,
    reference: r.reference,
    status: r.status as CaseState['status'],
    tableId: r.tableId,
    ...(r.directorMemberId ? { directorMemberId: r.directorMemberId } : {}),
    ...(r.shadowListedAt ? { shadowListedAt: r.shadowListedAt } : {}),
    ...(r.shadowReturnDate ? { shadowReturnDate: r.shadowReturnDate.toISOString().slice(0, 10) } : {}),
    ...(r.closedAt ? { closedAt: r.closedAt } : {}),
    ...(r.outcome ? { outcome: r.outcome } : {}),
    ...(r.evaluationRemindedAt ? { evaluationRemindedAt: r.evaluationRemindedAt } : {}),
  };
}

/** A case that is on a table (accepted, on the schaduwlijst or closed); undefined for any other id. */
export async function findCaseState(tx: Tx, id: string): Promise<CaseState | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await tx.case.findUnique({ where: { id }, select: stateSelect });
  return r ? toState(r) : undefined;
}

export async function findCaseIdByReference(tx: Tx, reference: string): Promise<string | undefined> {
  return (await tx.case.findUnique({ where: { reference }, select: { id: true } }))?.id;
}

/** Locks the case row: changes of one case's phase take turns. */
export async function lockCase(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM case_record WHERE id = ${id}::uuid FOR UPDATE`;
}

export async function setDirector(tx: Tx, caseId: string, memberId: string): Promise<void> {
  await tx.case.update({ where: { id: caseId }, data: { directorMemberId: memberId } });
}

/** Only from `from`: a stale click or a second instance changes nothing and gets false. */
export async function setShadowList(
  tx: Tx,
  caseId: string,
  at: Date,
  returnDate: string,
  from: CaseState['status'][],
): Promise<boolean> {
  const { count } = await tx.case.updateMany({
    where: { id: caseId, status: { in: from } },
    data: { status: 'shadowList', shadowListedAt: at, shadowReturnDate: new Date(`${returnDate}T00:00:00Z`) },
  });
  return count === 1;
}

/** Back under regie; shadowListedAt stays, so the figures know it was on the list. */
export async function leaveShadowList(tx: Tx, caseId: string): Promise<boolean> {
  const { count } = await tx.case.updateMany({
    where: { id: caseId, status: 'shadowList' },
    data: { status: 'accepted', shadowReturnDate: null },
  });
  return count === 1;
}

export async function setClosed(
  tx: Tx,
  caseId: string,
  input: { at: Date; outcome: CaseOutcome; note?: string },
): Promise<boolean> {
  const { count } = await tx.case.updateMany({
    where: { id: caseId, status: { in: ['accepted', 'shadowList'] } },
    data: {
      status: 'closed',
      closedAt: input.at,
      outcome: input.outcome,
      closureNote: input.note ?? null,
      shadowReturnDate: null,
    },
  });
  return count === 1;
}

/** A closing decision corrected into another step: the case is under regie again. */
export async function reopenCase(tx: Tx, caseId: string): Promise<boolean> {
  const { count } = await tx.case.updateMany({
    where: { id: caseId, status: 'closed' },
    data: { status: 'accepted', closedAt: null, outcome: null, closureNote: null, evaluationRemindedAt: null },
  });
  return count === 1;
}

export async function markEvaluationReminded(tx: Tx, caseId: string, at: Date): Promise<boolean> {
  const { count } = await tx.case.updateMany({
    where: { id: caseId, status: 'closed', evaluationRemindedAt: null },
    data: { evaluationRemindedAt: at },
  });
  return count === 1;
}

/** The timezone of the table a case is at, if it is at one: where its times are shown. */
export async function findCaseTimeZone(tx: Tx, caseId: string): Promise<string | undefined> {
  const r = await tx.case.findUnique({ where: { id: caseId }, select: { table: { select: { timeZone: true } } } });
  return r?.table?.timeZone ?? undefined;
}
