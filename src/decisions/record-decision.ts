import type { UseCaseDeps } from '../use-case.ts';
import type { Actor } from '../actor.ts';
import { canChair, canSeeDiscussion, invitedOrganisationIds } from '../access/case-access.ts';
import { cancelOpenActionsOf, createActions, linkTakeHome } from '../actions/action.repository.ts';
import { recordAttendance } from '../meetings/discussion.repository.ts';
import { scheduleReminders } from '../actions/reminders.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findCaseById, visibilityFacts } from '../cases/case.repository.ts';
import type { CaseRecord } from '../cases/case.types.ts';
import { findAgendaItemRef, isOnAgenda, setItemState } from '../conferences/agenda.repository.ts';
import { addToAgenda, planAndFindFirstFreeSession } from '../conferences/planning.ts';
import { localParts, zonedToUtc } from '../conferences/schedule.ts';
import { findTableById, lockTableForBooking, type TableView } from '../conferences/table.repository.ts';
import { lateInvitations } from '../conferences/sessions.ts';
import type { Db, Tx } from '../db/client.ts';
import { DomainError, ErrorCode, conflict, forbidden } from '../errors.ts';
import { isUuid } from '../validation.ts';
import { closeCaseInTx } from '../lifecycle/closure.ts';
import {
  findCaseState,
  leaveShadowList,
  lockCase,
  reopenCase,
  setDirector,
} from '../lifecycle/case-state.repository.ts';
import { cancelShadowReturn, putOnShadowList } from '../lifecycle/shadow-list.ts';
import { startReassessment } from '../meetings/reassessment.ts';
import { askForTakeHome } from '../meetings/consent.ts';
import { listContributions } from '../meetings/discussion.repository.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import type { MemberView } from '../members/member.types.ts';
import { tell } from '../notify/queue.ts';
import type { Notification } from '../notify/notification.ts';
import {
  countDecisionsOfItem,
  createDecision,
  findCurrentDecision,
  findDecisionBySubmission,
  isSuperseded,
  lockDecision,
} from './decision.repository.ts';
import { parseDecision, type DecisionContext } from './decision.rules.ts';

export type RecordDecisionResult =
  | { ok: true; decisionId: string; notifications: Notification[] }
  | { ok: false; errors: Record<string, string> }
  /** A correction of a decision someone else corrected first. */
  | { ok: false; superseded: true };

/** The case, its table and the people a decision may name, for someone allowed to decide at that table. */
export async function loadDecisionContext(db: Db, actor: Actor, caseId: string, now: Date) {
  const found = await findCaseById(db, caseId);
  const table = found?.table && (await findTableById(db, found.table.id));
  if (!found || !table) throw new DomainError(ErrorCode.NotFound, 'Case not found');
  const facts = visibilityFacts(found);
  if (!canSeeDiscussion(actor, facts, { chairMemberId: table.chair?.memberId }))
    throw new DomainError(ErrorCode.NotFound, 'Case not found', { caseId });
  if (!canChair(actor, { chairMemberId: table.chair?.memberId })) {
    throw forbidden('decisions.record', 'Only the chair records decisions');
  }
  const invited = invitedOrganisationIds(facts);
  const candidates = (await listActiveMembers(db)).filter((m) => invited.includes(m.organisationId));
  return { case: found, table, invited, candidates, today: localParts(now, table.schedule.timeZone).date };
}

/**
 * The chair records the besluit of a case: goal, plan, casusregisseur, actions and the next step. A
 * correction is a new decision that supersedes the one in force, with the reason; the old one stays.
 * "Back on the agenda" books the case on the first meeting with room from that date. The organisations
 * that own an action hear of it, so one of them can take it on.
 */
export async function recordDecision(
  deps: UseCaseDeps,
  actor: Actor,
  input: {
    caseId: string;
    agendaItemId?: string;
    supersedesId?: string;
    values: Record<string, string | undefined>;
    submissionId?: string;
  },
): Promise<RecordDecisionResult> {
  const now = deps.clock.now();
  const submissionId = input.submissionId && isUuid(input.submissionId) ? input.submissionId : undefined;
  // A repeated click or a retried invoke of the same card: the decision is there already.
  const earlier = submissionId ? await findDecisionBySubmission(deps.db, submissionId) : undefined;
  if (earlier) return { ok: true, decisionId: earlier, notifications: [] };
  const loaded = await loadDecisionContext(deps.db, actor, input.caseId, now);
  // A closed case takes no new decision; only the decision that closed it can be corrected (checked again below).
  if (loaded.case.status === 'closed' && !input.supersedesId) throw conflict('caseClosed', 'Case is closed');
  const ctx: DecisionContext = {
    contributionIds: new Set((await listContributions(deps.db, loaded.case.id)).map((c) => c.id)),
    directorCandidates: new Set(loaded.candidates.map((m) => m.id)),
    actionOrganisations: new Set(loaded.invited),
    today: loaded.today,
    correcting: Boolean(input.supersedesId),
  };
  const parsed = parseDecision(input.values, ctx);
  if (!parsed.ok) return parsed;
  const decision = parsed.decision;

  const run = () =>
    deps.db.$transaction(async (tx) => {
      // The case row first, then the table (the order of every change of a case's phase): decisions of one table
      // take turns with the moves of its meeting (next, skip, close) and its bookings.
      await lockCase(tx, loaded.case.id);
      await lockTableForBooking(tx, loaded.table.id);
      if (submissionId && (await findDecisionBySubmission(tx, submissionId))) return { duplicate: true as const };
      // A second new decision on the same agenda item (two chairs, two open cards): the first counts.
      if (!input.supersedesId && input.agendaItemId && (await countDecisionsOfItem(tx, input.agendaItemId)))
        return { superseded: true as const };
      const current = input.supersedesId ? await findCurrentDecision(tx, loaded.case.id) : undefined;
      if (input.supersedesId) {
        if (
          current?.id !== input.supersedesId ||
          !(await lockDecision(tx, input.supersedesId)) ||
          (await isSuperseded(tx, input.supersedesId))
        ) {
          return { superseded: true as const };
        }
      }
      const before = await findCaseState(tx, loaded.case.id);
      if (before?.status === 'closed') {
        // Closed meanwhile, or closed by another decision than the one corrected: nothing more to decide.
        if (current?.nextStep !== 'closure') throw conflict('caseClosed', 'Case is closed');
        await reopenCase(tx, loaded.case.id);
      }
      // A correction of the decision that put the case on the schaduwlijst into another step takes it off again.
      if (before?.status === 'shadowList' && decision.nextStep !== 'shadowList') {
        await leaveShadowList(tx, loaded.case.id);
        await cancelShadowReturn(tx, before);
      }
      // The corrected decision's unfinished actions stop (and with them their reminders and the overdue feed).
      if (input.supersedesId) await cancelOpenActionsOf(tx, input.supersedesId);
      const previous = current ?? (await findCurrentDecision(tx, loaded.case.id));
      const decisionId = await createDecision(tx, {
        ...decision,
        caseId: loaded.case.id,
        agendaItemId: input.agendaItemId,
        decidedByMemberId: actor.memberId,
        supersedesId: input.supersedesId,
        submissionId,
        decidedAt: now,
      });
      const actionIds = await createActions(tx, loaded.case.id, decisionId, decision.actions);
      // "Mee naar huis": each action's organisation gets what it needs once the contributor consents.
      await linkTakeHome(
        tx,
        decision.actions.flatMap((a, i) =>
          a.takeHome.map((contributionId) => ({ actionId: actionIds[i]!, contributionId })),
        ),
      );
      const takeHomeAsked = await askForTakeHome(
        tx,
        decision.actions.flatMap((a) =>
          a.takeHome.map((contributionId) => ({ contributionId, organisationId: a.organisationId })),
        ),
        actor.memberId,
        now,
      );
      await scheduleReminders(
        tx,
        decision.actions.map((a, i) => ({ id: actionIds[i]!, dueDate: a.dueDate })),
        loaded.table.schedule.timeZone,
      );
      // The decision shows on the channel's live card of the meeting it was taken in.
      const meeting = input.agendaItemId ? await markDecided(tx, input.agendaItemId, loaded.case.id, now) : undefined;
      if (input.agendaItemId) {
        for (const organisationId of decision.attendance)
          await recordAttendance(tx, input.agendaItemId, organisationId);
      }
      const booked =
        decision.nextStep === 'backOnAgenda' && decision.nextDate
          ? await bookReturn(tx, loaded.table, loaded.case, decision.nextDate)
          : [];
      // The regisseur the decision names directs the case from now on; the schaduwlijst and closure take effect at once.
      const state = await findCaseState(tx, loaded.case.id);
      const previousDirector =
        state?.directorMemberId !== decision.directorMemberId ? state?.directorMemberId : undefined;
      const newDirector = state?.directorMemberId !== decision.directorMemberId;
      await setDirector(tx, loaded.case.id, decision.directorMemberId);
      const lifecycle = !state
        ? []
        : decision.nextStep === 'shadowList'
          ? ((await putOnShadowList(tx, state, loaded.table, now, actor)) ?? [])
          : decision.nextStep === 'closure'
            ? ((await closeCaseInTx(tx, state, visibilityFacts(loaded.case), {
                at: now,
                outcome: decision.outcome!,
                by: actor,
              })) ?? [])
            : [];
      // Another goal than the one in force: every earlier contribution is re-assessed by its organisation.
      const goalChanged =
        previous !== undefined && previous.goal.trim() !== decision.goal.trim() && decision.nextStep !== 'closure';
      if (goalChanged) lifecycle.push(...(await startReassessment(tx, loaded.case.id, decisionId)));
      await recordAudit(tx, actor, {
        action: input.supersedesId ? 'decision.corrected' : 'decision.recorded',
        recordType: 'case',
        recordId: loaded.case.id,
        purpose: 'casusoverleg',
      });
      // A newly named regisseur hears it in their own chat, with the case card and its regie buttons.
      const director =
        newDirector && decision.nextStep !== 'closure'
          ? loaded.candidates.find((m) => m.id === decision.directorMemberId && m.id !== actor.memberId)
          : undefined;
      const replaced = previousDirector
        ? loaded.candidates.find((m) => m.id === previousDirector && m.id !== actor.memberId)
        : undefined;
      const told = [
        ...(director
          ? [
              {
                kind: 'directorChanged' as const,
                to: director.aadObjectId,
                caseId: loaded.case.id,
                role: 'new' as const,
              },
            ]
          : []),
        ...(replaced && decision.nextStep !== 'closure'
          ? [
              {
                kind: 'directorChanged' as const,
                to: replaced.aadObjectId,
                caseId: loaded.case.id,
                role: 'old' as const,
              },
            ]
          : []),
      ];
      const notifications = await tell(tx, now, [
        ...(meeting ? [{ kind: 'agendaChanged' as const, sessionId: meeting }] : []),
        ...booked,
        ...lifecycle,
        ...told,
        ...takeHomeAsked,
        ...assigned(loaded.candidates, decision.actions, actionIds),
      ]);
      return { decisionId, notifications };
    });
  // Two copies of one click at the same moment: the unique submission id lets one in, the other finds it.
  const result = await run().catch(async (error: unknown) => {
    if ((error as { code?: string }).code === 'P2002' && submissionId) return { duplicate: true as const };
    throw error;
  });
  if ('superseded' in result) return { ok: false, superseded: true };
  if ('duplicate' in result)
    return { ok: true, decisionId: (await findDecisionBySubmission(deps.db, submissionId!))!, notifications: [] };
  return { ok: true, decisionId: result.decisionId, notifications: result.notifications };
}

/** Marks the case's agenda item decided; returns the item's session (undefined when it is not this case's). */
async function markDecided(tx: Tx, agendaItemId: string, caseId: string, now: Date): Promise<string | undefined> {
  const item = await findAgendaItemRef(tx, agendaItemId);
  if (item?.caseId !== caseId) return undefined;
  await setItemState(tx, item.id, 'decided', now, ['waiting', 'active']);
  return item.sessionId;
}

/** "Back on the agenda on a date": the first meeting of the case's table with room from that date. */
async function bookReturn(tx: Tx, table: TableView, c: CaseRecord, nextDate: string): Promise<Notification[]> {
  const session = await planAndFindFirstFreeSession(tx, table, zonedToUtc(nextDate, '00:00', table.schedule.timeZone));
  if (!session) return [];
  if (!(await isOnAgenda(tx, session.id, c.id))) await addToAgenda(tx, session.id, c.id, 'backOnAgenda');
  return [{ kind: 'agendaChanged', sessionId: session.id }, ...(await lateInvitations(tx, session.id, [c.id]))];
}

function assigned(members: MemberView[], actions: { organisationId: string }[], ids: string[]): Notification[] {
  return actions.flatMap((a, i) =>
    members
      .filter((m) => m.organisationId === a.organisationId)
      .map((m) => ({ kind: 'actionAssigned' as const, to: m.aadObjectId, actionId: ids[i]! })),
  );
}
