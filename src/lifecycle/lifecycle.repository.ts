import type { Tx } from '../db/client.ts';
import { isUuid } from '../validation.ts';
import type { CaseOutcome, GoalAnswer, ProposalKind, RegieKind } from './lifecycle.types.ts';

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

export interface ProposalView {
  id: string;
  caseId: string;
  kind: ProposalKind;
  outcome?: CaseOutcome;
  note?: string;
  proposedBy: { memberId: string; aadObjectId: string; name: string };
  approved?: boolean;
  decidedBy?: { name: string };
  decidedAt?: Date;
  createdAt: Date;
}

const proposalSelect = {
  id: true,
  caseId: true,
  kind: true,
  outcome: true,
  note: true,
  approved: true,
  decidedAt: true,
  createdAt: true,
  proposedBy: { select: { id: true, aadObjectId: true, displayName: true } },
  decidedBy: { select: { displayName: true } },
} as const;

function toProposal(r: {
  id: string;
  caseId: string;
  kind: ProposalKind;
  outcome: CaseOutcome | null;
  note: string | null;
  approved: boolean | null;
  decidedAt: Date | null;
  createdAt: Date;
  proposedBy: { id: string; aadObjectId: string; displayName: string };
  decidedBy: { displayName: string } | null;
}): ProposalView {
  return {
    id: r.id,
    caseId: r.caseId,
    kind: r.kind,
    ...(r.outcome ? { outcome: r.outcome } : {}),
    ...(r.note ? { note: r.note } : {}),
    proposedBy: { memberId: r.proposedBy.id, aadObjectId: r.proposedBy.aadObjectId, name: r.proposedBy.displayName },
    ...(r.approved !== null ? { approved: r.approved } : {}),
    ...(r.decidedBy ? { decidedBy: { name: r.decidedBy.displayName } } : {}),
    ...(r.decidedAt ? { decidedAt: r.decidedAt } : {}),
    createdAt: r.createdAt,
  };
}

/** Creates the proposal unless one is open for the case already (a partial unique index keeps it to one). */
export async function createProposal(
  tx: Tx,
  input: { caseId: string; kind: ProposalKind; outcome?: CaseOutcome; note?: string; proposedByMemberId: string },
): Promise<string | undefined> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO case_proposal (id, "caseId", kind, outcome, note, "proposedByMemberId")
    VALUES (gen_random_uuid(), ${input.caseId}::uuid, ${input.kind}::"ProposalKind", ${input.outcome ?? null}::"CaseOutcome", ${input.note ?? null}, ${input.proposedByMemberId}::uuid)
    ON CONFLICT ("caseId") WHERE "decidedAt" IS NULL DO NOTHING
    RETURNING id`;
  return rows[0]?.id;
}

export async function findProposal(tx: Tx, id: string): Promise<ProposalView | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await tx.caseProposal.findUnique({ where: { id }, select: proposalSelect });
  return r ? toProposal(r) : undefined;
}

export async function findOpenProposal(tx: Tx, caseId: string): Promise<ProposalView | undefined> {
  const r = await tx.caseProposal.findFirst({ where: { caseId, decidedAt: null }, select: proposalSelect });
  return r ? toProposal(r) : undefined;
}

/** Of two procesmanagers deciding at once, exactly one gets true. */
export async function decideProposalIfOpen(
  tx: Tx,
  id: string,
  input: { approved: boolean; decidedByMemberId: string; at: Date },
): Promise<boolean> {
  const { count } = await tx.caseProposal.updateMany({
    where: { id, decidedAt: null },
    data: { approved: input.approved, decidedByMemberId: input.decidedByMemberId, decidedAt: input.at },
  });
  return count === 1;
}

/** A proposal overtaken by events (the case was closed or pulled back some other way). */
export async function withdrawOpenProposals(tx: Tx, caseId: string, at: Date): Promise<void> {
  await tx.caseProposal.updateMany({ where: { caseId, decidedAt: null }, data: { decidedAt: at } });
}

export interface EvaluationView {
  organisationId: string;
  organisationName: string;
  member: { name: string };
  goalReached: GoalAnswer;
  cooperation: number;
  wentWell?: string;
  couldBeBetter?: string;
  at: Date;
}

/** The first answer of an organisation counts; a second returns false. */
export async function saveEvaluation(
  tx: Tx,
  input: {
    caseId: string;
    organisationId: string;
    memberId: string;
    goalReached: GoalAnswer;
    cooperation: number;
    wentWell?: string;
    couldBeBetter?: string;
    at: Date;
  },
): Promise<boolean> {
  const { at, ...data } = input;
  const { count } = await tx.evaluation.createMany({ data: [{ ...data, createdAt: at }], skipDuplicates: true });
  return count === 1;
}

export async function listEvaluations(tx: Tx, caseId: string): Promise<EvaluationView[]> {
  const rows = await tx.evaluation.findMany({
    where: { caseId },
    orderBy: { createdAt: 'asc' },
    select: {
      organisationId: true,
      goalReached: true,
      cooperation: true,
      wentWell: true,
      couldBeBetter: true,
      createdAt: true,
      organisation: { select: { name: true } },
      member: { select: { displayName: true } },
    },
  });
  return rows.map((r) => ({
    organisationId: r.organisationId,
    organisationName: r.organisation.name,
    member: { name: r.member.displayName },
    goalReached: r.goalReached,
    cooperation: r.cooperation,
    ...(r.wentWell ? { wentWell: r.wentWell } : {}),
    ...(r.couldBeBetter ? { couldBeBetter: r.couldBeBetter } : {}),
    at: r.createdAt,
  }));
}

/** A followed case in a list: what a regisseur or the procesmanager reads at a glance. */
export interface FollowedCase {
  id: string;
  reference: string;
  status: CaseState['status'];
  table: { id: string; name: string; timeZone: string };
  goal?: string;
  directorName?: string;
  openActions: number;
  overdueActions: number;
  nextSessionAt?: Date;
  shadowReturnDate?: string;
  shadowListedAt?: Date;
}

/** Cases in a phase, optionally only those one member directs, with their counts, in two queries. */
export async function listFollowedCases(
  tx: Tx,
  where: {
    directorMemberId?: string;
    ids?: string[];
    statuses: CaseState['status'][];
    today: Date;
    now: Date;
    take?: number;
  },
): Promise<FollowedCase[]> {
  const rows = await tx.case.findMany({
    where: {
      status: { in: where.statuses },
      tableId: { not: null },
      ...(where.directorMemberId ? { directorMemberId: where.directorMemberId } : {}),
      ...(where.ids ? { id: { in: where.ids } } : {}),
    },
    orderBy: [{ shadowReturnDate: 'asc' }, { reference: 'asc' }],
    take: where.take ?? 30,
    select: {
      id: true,
      reference: true,
      status: true,
      shadowReturnDate: true,
      shadowListedAt: true,
      table: { select: { id: true, name: true, timeZone: true } },
      director: { select: { displayName: true } },
      decisions: { where: { supersededBy: null }, orderBy: { createdAt: 'desc' }, take: 1, select: { goal: true } },
      agendaItems: {
        where: { session: { startsAt: { gte: where.now } }, state: 'waiting' },
        orderBy: { session: { startsAt: 'asc' } },
        take: 1,
        select: { session: { select: { startsAt: true } } },
      },
    },
  });
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await tx.caseAction.groupBy({
        by: ['caseId'],
        where: { caseId: { in: ids }, state: { in: ['open', 'claimed'] } },
        _count: { _all: true },
      })
    : [];
  const overdue = ids.length
    ? await tx.caseAction.groupBy({
        by: ['caseId'],
        where: { caseId: { in: ids }, state: { in: ['open', 'claimed'] }, dueDate: { lt: where.today } },
        _count: { _all: true },
      })
    : [];
  const open = new Map(counts.map((c) => [c.caseId, c._count._all]));
  const late = new Map(overdue.map((c) => [c.caseId, c._count._all]));
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference ?? '',
    status: r.status as CaseState['status'],
    table: r.table!,
    ...(r.decisions[0] ? { goal: r.decisions[0].goal } : {}),
    ...(r.director ? { directorName: r.director.displayName } : {}),
    openActions: open.get(r.id) ?? 0,
    overdueActions: late.get(r.id) ?? 0,
    ...(r.agendaItems[0] ? { nextSessionAt: r.agendaItems[0].session.startsAt } : {}),
    ...(r.shadowReturnDate ? { shadowReturnDate: r.shadowReturnDate.toISOString().slice(0, 10) } : {}),
    ...(r.shadowListedAt ? { shadowListedAt: r.shadowListedAt } : {}),
  }));
}

/** Takes a case off the agendas of meetings that have not begun (it closed, or it went on the schaduwlijst). */
export async function takeOffComingAgendas(tx: Tx, caseId: string, now: Date): Promise<string[]> {
  const items = await tx.agendaItem.findMany({
    where: { caseId, state: 'waiting', session: { startsAt: { gt: now }, openedAt: null } },
    select: { id: true, sessionId: true },
  });
  if (items.length) await tx.agendaItem.deleteMany({ where: { id: { in: items.map((i) => i.id) } } });
  return [...new Set(items.map((i) => i.sessionId))];
}

/** Who informs the person(s), and whether it happened. */
export interface InformingState {
  id: string;
  status: string;
  informerMemberId?: string;
  informedOn?: string;
  notInformedReason?: string;
  acceptedAt?: Date;
}

export async function findInforming(tx: Tx, caseId: string): Promise<InformingState | undefined> {
  if (!isUuid(caseId)) return undefined;
  const r = await tx.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      status: true,
      informerMemberId: true,
      informedOn: true,
      notInformedReason: true,
      decidedAt: true,
    },
  });
  if (!r) return undefined;
  return {
    id: r.id,
    status: r.status,
    ...(r.informerMemberId ? { informerMemberId: r.informerMemberId } : {}),
    ...(r.informedOn ? { informedOn: r.informedOn.toISOString().slice(0, 10) } : {}),
    ...(r.notInformedReason ? { notInformedReason: r.notInformedReason } : {}),
    ...(r.decidedAt ? { acceptedAt: r.decidedAt } : {}),
  };
}

export async function setInformer(tx: Tx, caseId: string, memberId: string): Promise<void> {
  await tx.case.update({ where: { id: caseId }, data: { informerMemberId: memberId } });
}

export async function setInformed(
  tx: Tx,
  caseId: string,
  input: { informedOn: string } | { reason: string },
): Promise<void> {
  await tx.case.update({
    where: { id: caseId },
    data:
      'informedOn' in input
        ? { informedOn: new Date(`${input.informedOn}T00:00:00Z`), notInformedReason: null }
        : { notInformedReason: input.reason },
  });
}

export interface InformingDue {
  id: string;
  reference: string;
  acceptedAt?: Date;
  informerName?: string;
  reason?: string;
}

/** Followed cases whose person is not informed yet: accepted before a moment, or with one informer. */
export async function listInformingDue(
  tx: Tx,
  where: { acceptedBefore?: Date; informerMemberId?: string },
): Promise<InformingDue[]> {
  const rows = await tx.case.findMany({
    where: {
      status: { in: ['accepted', 'shadowList'] },
      informedOn: null,
      ...(where.acceptedBefore ? { decidedAt: { lte: where.acceptedBefore } } : {}),
      ...(where.informerMemberId ? { informerMemberId: where.informerMemberId } : {}),
    },
    orderBy: { decidedAt: 'asc' },
    take: 26,
    select: {
      id: true,
      reference: true,
      decidedAt: true,
      notInformedReason: true,
      informer: { select: { displayName: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference ?? '',
    ...(r.decidedAt ? { acceptedAt: r.decidedAt } : {}),
    ...(r.informer ? { informerName: r.informer.displayName } : {}),
    ...(r.notInformedReason ? { reason: r.notInformedReason } : {}),
  }));
}
