import type { Actor } from '../actor.ts';
import {
  canDirect,
  canFollowCase,
  canManageCase,
  canSeeEvaluation,
  invitedOrganisationIds,
  knewDeletedCase,
} from '../access/case-access.ts';
import { assertCan } from '../access/policy.ts';
import { listActionsOfCases, type ActionView } from '../actions/action.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findCaseGlances, findDiscussionFacts } from '../cases/case.repository.ts';
import type { Clock } from '../clock.ts';
import { isOnAgenda } from '../conferences/agenda.repository.ts';
import { addToAgenda, firstBookableFrom, planAndFindFirstFreeSession } from '../conferences/planning.ts';
import { localParts, zonedToUtc } from '../conferences/schedule.ts';
import { lateInvitations } from '../conferences/sessions.ts';
import { findTableById, lockTableForBooking, type TableView } from '../conferences/table.repository.ts';
import type { CaseVisibilityFacts } from '../access/case-access.ts';
import type { Db, Tx } from '../db/client.ts';
import { findCurrentDecision } from '../decisions/decision.repository.ts';
import { DomainError, ErrorCode, conflict, forbidden } from '../errors.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import { listOrganisations } from '../organisations/organisation.repository.ts';
import type { MemberView } from '../members/member.types.ts';
import { tell } from '../notify/queue.ts';
import type { Notification } from '../notify/notification.ts';
import { closeCaseInTx } from './closure.ts';
import {
  findCaseIdByReference,
  findCaseState,
  lockCase,
  setDirector,
  type CaseState,
} from './case-state.repository.ts';
import { listEvaluations, type EvaluationView } from './evaluation.repository.ts';
import { listFollowedCases, type FollowedCase } from './followed-case.repository.ts';
import { findInforming } from './informing.repository.ts';
import {
  createProposal,
  decideProposalIfOpen,
  findOpenProposal,
  findProposal,
  withdrawOpenProposals,
  type ProposalView,
} from './proposal.repository.ts';
import {
  addRegieUpdate,
  listRegieUpdates,
  regieUpdateExists,
  type RegieUpdateView,
} from './regie-update.repository.ts';
import { parseBackOnAgenda, parseProgress, parseProposal } from './lifecycle.rules.ts';
import type { CaseOutcome, ProposalKind } from './lifecycle.types.ts';
import { putOnShadowList } from './shadow-list.ts';
import { isUuid } from '../validation.ts';
import { deletedNotice } from '../retention/deleted.ts';

export interface RegieDeps {
  db: Db;
  clock: Clock;
  informWithinDays: number;
}

type Facts = CaseVisibilityFacts & { chairMemberId?: string };

/** A followed case for someone who may see its discussion; anyone else hears "not found". */
async function loadFollowed(tx: Tx, actor: Actor, caseId: string): Promise<{ c: CaseState; facts: Facts }> {
  const facts = await findDiscussionFacts(tx, caseId);
  const c = facts && (await findCaseState(tx, caseId));
  if (!facts || !c || !canFollowCase(actor, facts, facts))
    throw new DomainError(ErrorCode.NotFound, 'Case not found', { caseId });
  return { c, facts };
}

/** One more than a list card shows, so it can say there are more. */
const listLimit = 26;

/** `mijn casussen`: the cases I am casusregisseur of, with their goal, actions and next meeting. */
export async function myCases(deps: RegieDeps, actor: Actor): Promise<FollowedCase[]> {
  const now = deps.clock.now();
  return listFollowedCases(deps.db, {
    directorMemberId: actor.memberId,
    statuses: ['accepted', 'shadowList'],
    now,
    take: listLimit,
  });
}

/** `schaduwlijst`: all of it for the procesmanager; for anyone else, the cases they direct. */
export async function shadowListFor(deps: RegieDeps, actor: Actor): Promise<FollowedCase[]> {
  assertCan(actor, 'shadowList.view');
  const now = deps.clock.now();
  return listFollowedCases(deps.db, {
    ...(canManageCase(actor) ? {} : { directorMemberId: actor.memberId }),
    statuses: ['shadowList'],
    now,
    take: listLimit,
  });
}

export interface CaseOverview {
  case: CaseState & {
    firstPersonName?: string;
    tableName: string;
    timeZone: string;
    goal?: string;
    plan?: string;
    director?: { memberId: string; name: string };
  };
  nextSessionAt?: Date;
  actions: ActionView[];
  updates: RegieUpdateView[];
  openProposal?: ProposalView;
  /** Only the answers this person may read (canSeeEvaluation). */
  evaluations: EvaluationView[];
  /** For the procesmanager: the involved organisations whose evaluation is missing. */
  missingEvaluations: string[];
  /** Who informs the person(s), and whether it happened (or why not yet); overdue after the configured days. */
  informing: { informerName?: string; informedOn?: string; reason?: string; overdue: boolean };
  /** Members who may become casusregisseur (the procesmanager's choice). */
  directorCandidates: MemberView[];
  may: { direct: boolean; manage: boolean; pullBack: boolean; evaluate: boolean; remind: boolean; inform: boolean };
}

/**
 * One followed case as this person may see it: goal, regisseur, actions, regie updates, proposals and
 * evaluations, with what they may do. Every look is audited.
 */
export async function caseOverview(deps: RegieDeps, actor: Actor, caseId: string): Promise<CaseOverview> {
  const { c, facts } = await loadFollowed(deps.db, actor, caseId);
  const table = (await findTableById(deps.db, c.tableId))!;
  const now = deps.clock.now();
  const [decision, glance, actions, updates, openProposal, evaluations, members, followed, organisations, informing] =
    await Promise.all([
      findCurrentDecision(deps.db, c.id),
      findCaseGlances(deps.db, [c.id]),
      listActionsOfCases(deps.db, [c.id]),
      listRegieUpdates(deps.db, c.id),
      findOpenProposal(deps.db, c.id),
      listEvaluations(deps.db, c.id),
      listActiveMembers(deps.db),
      listFollowedCases(deps.db, {
        statuses: [c.status],
        now,
        ids: [c.id],
      }),
      listOrganisations(deps.db),
      findInforming(deps.db, c.id),
    ]);
  const informer = informing?.informerMemberId ? members.find((m) => m.id === informing.informerMemberId) : undefined;
  const informDeadline =
    informing?.acceptedAt && new Date(informing.acceptedAt.getTime() + deps.informWithinDays * 86_400_000);
  const invited = invitedOrganisationIds(facts);
  const director = c.directorMemberId ? members.find((m) => m.id === c.directorMemberId) : undefined;
  const manage = canManageCase(actor);
  const answered = new Set(evaluations.map((e) => e.organisationId));
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  await recordAudit(deps.db, actor, { action: 'case.viewed', recordType: 'case', recordId: c.id, purpose: 'regie' });
  return {
    case: {
      ...c,
      tableName: table.name,
      timeZone: table.schedule.timeZone,
      ...(glance.get(c.id)?.firstPersonName ? { firstPersonName: glance.get(c.id)!.firstPersonName } : {}),
      ...(decision ? { goal: decision.goal, plan: decision.plan } : {}),
      ...(director ? { director: { memberId: director.id, name: director.displayName } } : {}),
    },
    ...(followed[0]?.nextSessionAt ? { nextSessionAt: followed[0].nextSessionAt } : {}),
    actions: actions.filter((a) => a.state !== 'cancelled'),
    updates,
    ...(openProposal ? { openProposal } : {}),
    evaluations: evaluations.filter((e) => canSeeEvaluation(actor, e)),
    missingEvaluations:
      manage && c.status === 'closed' ? invited.filter((id) => !answered.has(id)).map((id) => names.get(id) ?? '') : [],
    directorCandidates: manage ? members.filter((m) => invited.includes(m.organisationId)) : [],
    informing: {
      ...(informer ? { informerName: informer.displayName } : {}),
      ...(informing?.informedOn ? { informedOn: informing.informedOn } : {}),
      ...(informing?.notInformedReason ? { reason: informing.notInformedReason } : {}),
      overdue: !informing?.informedOn && c.status !== 'closed' && Boolean(informDeadline && informDeadline < now),
    },
    may: {
      direct: c.status !== 'closed' && canDirect(actor, c),
      manage: c.status !== 'closed' && manage,
      pullBack: c.status === 'shadowList',
      evaluate: c.status === 'closed' && invited.includes(actor.organisationId) && !answered.has(actor.organisationId),
      remind: c.status === 'closed' && manage && !c.evaluationRemindedAt && invited.some((id) => !answered.has(id)),
      inform: c.status !== 'closed' && (manage || informing?.informerMemberId === actor.memberId),
    },
  };
}

/** The schaduwlijst is for a case under regie; closure for one under regie or on the schaduwlijst. */
const applicable = (kind: ProposalKind, c: CaseState) =>
  kind === 'shadowList' ? c.status === 'accepted' : c.status !== 'closed';

function assertDirects(actor: Actor, c: CaseState): void {
  if (!canDirect(actor, c)) throw forbidden('regie.direct', 'Only the casusregisseur or the procesmanager');
  if (c.status === 'closed') throw conflict('caseClosed', 'Case is closed');
}

export type RegieResult = { ok: true; notifications: Notification[] } | { ok: false; errors: Record<string, string> };

/** A short progress update, for the organisations involved. A repeated click adds nothing. */
export async function recordProgress(
  deps: RegieDeps,
  actor: Actor,
  caseId: string,
  values: Record<string, string | undefined>,
  submissionId?: string,
): Promise<RegieResult> {
  const { c } = await loadFollowed(deps.db, actor, caseId);
  assertDirects(actor, c);
  const parsed = parseProgress(values);
  if (!parsed.ok) return parsed;
  const submission = submissionId && isUuid(submissionId) ? submissionId : undefined;
  await deps.db
    .$transaction(async (tx) => {
      if (submission && (await regieUpdateExists(tx, submission))) return;
      await addRegieUpdate(tx, {
        caseId,
        kind: 'progress',
        at: deps.clock.now(),
        authorMemberId: actor.memberId,
        organisationId: actor.organisationId,
        text: parsed.text,
        ...(submission ? { submissionId: submission } : {}),
      });
      await recordAudit(tx, actor, {
        action: 'regie.progress',
        recordType: 'case',
        recordId: caseId,
        purpose: 'regie',
      });
    })
    .catch((error: unknown) => {
      // Two copies of one click at once: the unique submission id let the other one in.
      if ((error as { code?: string }).code !== 'P2002' || !submission) throw error;
    });
  return { ok: true, notifications: [] };
}

/** Back on the agenda: the first meeting with room from the date, or from tomorrow, with the reason for the table. */
export async function putBackOnAgenda(
  deps: RegieDeps,
  actor: Actor,
  caseId: string,
  values: Record<string, string | undefined>,
): Promise<RegieResult & { sessionId?: string }> {
  const { c } = await loadFollowed(deps.db, actor, caseId);
  assertDirects(actor, c);
  if (c.status !== 'accepted') throw conflict('onShadowList', 'Case is on the shadow list');
  const table = (await findTableById(deps.db, c.tableId))!;
  const now = deps.clock.now();
  const parsed = parseBackOnAgenda(values, localParts(now, table.schedule.timeZone).date);
  if (!parsed.ok) return parsed;
  const from = parsed.date
    ? new Date(
        Math.max(zonedToUtc(parsed.date, '00:00', table.schedule.timeZone).getTime(), firstBookableFrom(now).getTime()),
      )
    : firstBookableFrom(now);
  return deps.db.$transaction(async (tx) => {
    // Case first, then table: the order every change of a case's phase takes, so they cannot deadlock.
    await lockCase(tx, caseId);
    const { c: current } = await loadFollowed(tx, actor, caseId);
    assertDirects(actor, current);
    if (current.status !== 'accepted') throw conflict('onShadowList', 'Case is on the shadow list');
    await lockTableForBooking(tx, table.id);
    const session = table.closedAt ? undefined : await planAndFindFirstFreeSession(tx, table, from);
    if (!session)
      return {
        ok: false as const,
        errors: { date: 'Er is geen overleg met ruimte na die datum. Neem contact op met de procesmanager.' },
      };
    const already = await isOnAgenda(tx, session.id, c.id);
    if (already) return { ok: true as const, sessionId: session.id, notifications: [] };
    await addToAgenda(tx, session.id, c.id, 'backOnAgenda');
    await addRegieUpdate(tx, {
      caseId,
      kind: 'backOnAgenda',
      at: now,
      authorMemberId: actor.memberId,
      organisationId: actor.organisationId,
      text: parsed.reason,
    });
    await recordAudit(tx, actor, {
      action: 'case.backOnAgenda',
      recordType: 'case',
      recordId: caseId,
      purpose: 'regie',
    });
    return {
      ok: true as const,
      sessionId: session.id,
      notifications: await tell(tx, now, [
        { kind: 'agendaChanged' as const, sessionId: session.id },
        ...(await lateInvitations(tx, session.id, [c.id])),
      ]),
    };
  });
}

/** Moves a case to the schaduwlijst or closes it; shared by the procesmanager's own step and an approved proposal. */
async function applyTransition(
  tx: Tx,
  actor: Actor,
  c: CaseState,
  facts: Facts,
  table: TableView,
  step: { kind: ProposalKind; outcome?: CaseOutcome; note?: string },
  at: Date,
): Promise<Notification[] | undefined> {
  if (step.kind === 'shadowList') return putOnShadowList(tx, c, table, at, actor);
  return closeCaseInTx(tx, c, facts, {
    at,
    outcome: step.outcome!,
    ...(step.note ? { note: step.note } : {}),
    by: actor,
  });
}

export type ProposeResult = RegieResult & { applied?: boolean };

/**
 * The regisseur proposes the schaduwlijst or closure; the procesmanagers decide. The procesmanager's own
 * proposal needs no approval and is applied at once. One open proposal per case.
 */
export async function propose(
  deps: RegieDeps,
  actor: Actor,
  caseId: string,
  values: Record<string, string | undefined>,
): Promise<ProposeResult> {
  const { c } = await loadFollowed(deps.db, actor, caseId);
  assertDirects(actor, c);
  const parsed = parseProposal(values);
  if (!parsed.ok) return parsed;
  if (parsed.kind === 'shadowList' && c.status !== 'accepted')
    throw conflict('onShadowList', 'Already on the shadow list');
  const now = deps.clock.now();
  const step = {
    kind: parsed.kind,
    ...(parsed.outcome ? { outcome: parsed.outcome } : {}),
    ...(parsed.note ? { note: parsed.note } : {}),
  };
  return deps.db.$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const { c: current, facts } = await loadFollowed(tx, actor, caseId);
    assertDirects(actor, current);
    if (!applicable(step.kind, current)) throw conflict('onShadowList', 'Already on the shadow list');
    if (canManageCase(actor)) {
      await lockTableForBooking(tx, current.tableId);
      const table = (await findTableById(tx, current.tableId))!;
      const notifications = await applyTransition(tx, actor, current, facts, table, step, now);
      if (!notifications) throw conflict('caseChanged', 'Case changed meanwhile');
      await recordAudit(tx, actor, {
        action: step.kind === 'closure' ? 'case.closed' : 'case.shadowListed',
        recordType: 'case',
        recordId: caseId,
        purpose: 'regie',
      });
      return { ok: true as const, applied: true, notifications: await tell(tx, now, notifications) };
    }
    const proposalId = await createProposal(tx, { caseId, ...step, proposedByMemberId: actor.memberId });
    if (!proposalId) throw conflict('proposalOpen', 'A proposal is open');
    await recordAudit(tx, actor, { action: 'proposal.made', recordType: 'case', recordId: caseId, purpose: 'regie' });
    const processManagers = await listActiveMembers(tx, { role: 'processManager' });
    return {
      ok: true as const,
      applied: false,
      notifications: await tell(
        tx,
        now,
        processManagers.map((m) => ({ kind: 'proposalMade' as const, to: m.aadObjectId, proposalId })),
      ),
    };
  });
}

export type ProposalDecision =
  { decided: true; proposal: ProposalView; notifications: Notification[] } | { decided: false; proposal: ProposalView };

/** The procesmanager approves or declines a proposal; of two procesmanagers at once, one decides and the other sees how. */
export async function decideProposal(
  deps: RegieDeps,
  actor: Actor,
  proposalId: string,
  approve: boolean,
): Promise<ProposalDecision> {
  if (!canManageCase(actor)) throw forbidden('proposals.decide', 'Only the procesmanager decides proposals');
  const proposal = await findProposal(deps.db, proposalId);
  if (!proposal) throw new DomainError(ErrorCode.NotFound, 'Proposal not found');
  const now = deps.clock.now();
  const result = await deps.db.$transaction(async (tx) => {
    await lockCase(tx, proposal.caseId);
    const { c, facts } = await loadFollowed(tx, actor, proposal.caseId);
    // The case moved on meanwhile (closed, or already on the schaduwlijst): the proposal lapses instead.
    if (approve && !applicable(proposal.kind, c)) {
      await withdrawOpenProposals(tx, c.id, now);
      return undefined;
    }
    if (
      !(await decideProposalIfOpen(tx, proposalId, { approved: approve, decidedByMemberId: actor.memberId, at: now }))
    )
      return undefined;
    let notifications: Notification[] = [];
    if (approve) {
      await lockTableForBooking(tx, c.tableId);
      const table = (await findTableById(tx, c.tableId))!;
      notifications = (await applyTransition(tx, actor, c, facts, table, proposal, now)) ?? [];
    }
    await recordAudit(tx, actor, {
      action: approve ? 'proposal.approved' : 'proposal.declined',
      recordType: 'case',
      recordId: c.id,
      purpose: 'regie',
    });
    return tell(tx, now, [
      ...notifications,
      { kind: 'proposalDecided' as const, to: proposal.proposedBy.aadObjectId, proposalId },
    ]);
  });
  const after = (await findProposal(deps.db, proposalId))!;
  return result ? { decided: true, proposal: after, notifications: result } : { decided: false, proposal: after };
}

/** The procesmanager names another casusregisseur (a member of an involved organisation); both hear it. */
export async function changeDirector(
  deps: RegieDeps,
  actor: Actor,
  caseId: string,
  values: Record<string, string | undefined>,
): Promise<RegieResult & { changed?: boolean }> {
  if (!canManageCase(actor)) throw forbidden('regie.changeDirector', 'Only the procesmanager changes the regisseur');
  const { c, facts } = await loadFollowed(deps.db, actor, caseId);
  if (c.status === 'closed') throw conflict('caseClosed', 'Case is closed');
  const members = await listActiveMembers(deps.db);
  const next = members.find(
    (m) => m.id === values.directorMemberId && invitedOrganisationIds(facts).includes(m.organisationId),
  );
  if (!next)
    return { ok: false, errors: { directorMemberId: 'Kies een casusregisseur van een betrokken organisatie.' } };
  if (next.id === c.directorMemberId) return { ok: true, changed: false, notifications: [] };
  const previous = members.find((m) => m.id === c.directorMemberId);
  const notifications = await deps.db.$transaction(async (tx) => {
    await setDirector(tx, caseId, next.id);
    await addRegieUpdate(tx, {
      caseId,
      kind: 'directorChanged',
      at: deps.clock.now(),
      authorMemberId: actor.memberId,
      organisationId: actor.organisationId,
    });
    await recordAudit(tx, actor, {
      action: 'case.directorChanged',
      recordType: 'case',
      recordId: caseId,
      purpose: 'regie',
    });
    return tell(tx, deps.clock.now(), [
      { kind: 'directorChanged' as const, to: next.aadObjectId, caseId, role: 'new' as const },
      ...(previous
        ? [{ kind: 'directorChanged' as const, to: previous.aadObjectId, caseId, role: 'old' as const }]
        : []),
    ]);
  });
  return { ok: true, changed: true, notifications };
}

/** A proposal as the procesmanager or its proposer reads it; others hear "not found". */
export async function openProposal(
  deps: RegieDeps,
  actor: Actor,
  proposalId: string,
): Promise<{ proposal: ProposalView; reference: string; timeZone?: string }> {
  const proposal = await findProposal(deps.db, proposalId);
  if (!proposal || !(canManageCase(actor) || proposal.proposedBy.memberId === actor.memberId))
    throw new DomainError(ErrorCode.NotFound, 'Proposal not found');
  const { c } = await loadFollowed(deps.db, actor, proposal.caseId);
  const table = await findTableById(deps.db, c.tableId);
  return { proposal, reference: c.reference, ...(table ? { timeZone: table.schedule.timeZone } : {}) };
}

/**
 * `casus ZVH-…`: the case, for someone who may see it; a deleted case says when it was deleted (the reference
 * is all that is left, and it is not personal); anything else is "not found".
 */
export async function caseByReference(
  deps: RegieDeps,
  actor: Actor,
  reference: string,
): Promise<{ kind: 'case'; caseId: string } | { kind: 'deleted'; deletedAt: Date }> {
  const caseId = await findCaseIdByReference(deps.db, reference);
  if (caseId) {
    await loadFollowed(deps.db, actor, caseId);
    return { kind: 'case', caseId };
  }
  // A deleted case is "verwijderd op …" only to those who were involved, and to the procesmanager; to anyone else
  // exactly what a reference that never existed gets, so deletion does not reveal that it existed.
  const deleted = await deletedNotice(deps.db, reference);
  if (deleted && knewDeletedCase(actor, deleted)) return { kind: 'deleted', deletedAt: deleted.deletedAt };
  throw new DomainError(ErrorCode.NotFound, 'Case not found');
}
