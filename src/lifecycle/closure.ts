import type { Actor } from '../actor.ts';
import { canFollowCase, canManageCase, invitedOrganisationIds, readsCaseContent } from '../access/case-access.ts';
import { cancelOpenActionsOfCase } from '../actions/action.repository.ts';
import { reminderAfterJob, reminderBeforeJob } from '../actions/reminders.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findDiscussionFacts } from '../cases/case.repository.ts';
import type { CaseVisibilityFacts } from '../access/case-access.ts';
import type { Clock } from '../clock.ts';
import type { Db, Tx } from '../db/client.ts';
import { DomainError, ErrorCode, conflict, forbidden } from '../errors.ts';
import { cancelJob } from '../jobs/job.repository.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import { speakersFor } from '../members/member.types.ts';
import { tell } from '../notify/queue.ts';
import type { Notification } from '../notify/notification.ts';
import { takeOffComingAgendas } from '../conferences/agenda.repository.ts';
import { findCaseState, lockCase, markEvaluationReminded, setClosed, type CaseState } from './case-state.repository.ts';
import { listEvaluations, saveEvaluation } from './evaluation.repository.ts';
import { withdrawOpenProposals } from './proposal.repository.ts';
import { addRegieUpdate } from './regie-update.repository.ts';
import { parseEvaluation } from './lifecycle.rules.ts';
import type { CaseOutcome } from './lifecycle.types.ts';
import { cancelShadowReturn } from './shadow-list.ts';

/**
 * Who is asked to evaluate for an organisation: its contactpersonen, or, where it has none, its members.
 * One answer per organisation counts.
 */
async function evaluators(tx: Tx, organisationIds: string[], except: Set<string> = new Set()): Promise<string[]> {
  return speakersFor(
    await listActiveMembers(tx),
    organisationIds.filter((id) => !except.has(id)),
  );
}

/**
 * Closes a case (by a decision, by the procesmanager, or by an approved proposal): reason and outcome are
 * recorded, what was still open stops (actions and their reminders, coming agendas, the schaduwlijst
 * return, open proposals), and each involved organisation is asked for its evaluation. Undefined when the
 * case was closed already.
 */
export async function closeCaseInTx(
  tx: Tx,
  c: CaseState,
  facts: CaseVisibilityFacts,
  input: { at: Date; outcome: CaseOutcome; note?: string; by?: Pick<Actor, 'memberId' | 'organisationId'> },
): Promise<Notification[] | undefined> {
  if (!(await setClosed(tx, c.id, input))) return undefined;
  for (const actionId of await cancelOpenActionsOfCase(tx, c.id)) {
    await cancelJob(tx, reminderBeforeJob, actionId);
    await cancelJob(tx, reminderAfterJob, actionId);
  }
  await cancelShadowReturn(tx, c);
  await withdrawOpenProposals(tx, c.id, input.at);
  const changed = await takeOffComingAgendas(tx, c.id, input.at);
  await addRegieUpdate(tx, {
    caseId: c.id,
    kind: 'closed',
    at: input.at,
    ...(input.by ? { authorMemberId: input.by.memberId, organisationId: input.by.organisationId } : {}),
  });
  const asked = await evaluators(tx, invitedOrganisationIds(facts));
  return [
    ...changed.map((sessionId) => ({ kind: 'agendaChanged' as const, sessionId })),
    ...asked.map((to) => ({ kind: 'evaluationRequested' as const, to, caseId: c.id, reminder: false })),
  ];
}

export type EvaluationResult =
  | { ok: true; notifications: Notification[] }
  | { ok: false; errors: Record<string, string> }
  /** Someone else of the organisation answered first. */
  | { ok: false; answeredBy: string };

/**
 * An involved organisation evaluates a closed case: fixed questions, and free text that must hold no personal
 * data (the card says so; it is deleted with the case all the same). The first answer of an organisation counts.
 */
export async function submitEvaluation(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  caseId: string,
  values: Record<string, string | undefined>,
): Promise<EvaluationResult> {
  const facts = await findDiscussionFacts(deps.db, caseId);
  if (!facts || !readsCaseContent(actor) || !invitedOrganisationIds(facts).includes(actor.organisationId))
    throw new DomainError(ErrorCode.NotFound, 'Case not found', { caseId });
  const c = await findCaseState(deps.db, caseId);
  if (c?.status !== 'closed') throw conflict('notClosed', 'Case is not closed');
  const parsed = parseEvaluation(values);
  if (!parsed.ok) return parsed;
  const saved = await deps.db.$transaction(async (tx) => {
    const created = await saveEvaluation(tx, {
      caseId,
      organisationId: actor.organisationId,
      memberId: actor.memberId,
      ...parsed.evaluation,
      at: deps.clock.now(),
    });
    if (created)
      await recordAudit(tx, actor, {
        action: 'evaluation.recorded',
        recordType: 'case',
        recordId: caseId,
        purpose: 'evaluatie',
      });
    return created;
  });
  if (saved) return { ok: true, notifications: [] };
  const first = (await listEvaluations(deps.db, caseId)).find((e) => e.organisationId === actor.organisationId);
  return { ok: false, answeredBy: first?.member.name ?? '' };
}

/** The procesmanager's one reminder to the organisations whose evaluation is missing. */
export async function remindEvaluations(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  caseId: string,
): Promise<{ notifications: Notification[]; reminded: boolean }> {
  if (!canManageCase(actor)) throw forbidden('evaluations.remind', 'Only the procesmanager reminds');
  const facts = await findDiscussionFacts(deps.db, caseId);
  if (!facts || !canFollowCase(actor, facts, facts))
    throw new DomainError(ErrorCode.NotFound, 'Case not found', { caseId });
  return deps.db.$transaction(async (tx) => {
    await lockCase(tx, caseId);
    if ((await findCaseState(tx, caseId))?.status !== 'closed') throw conflict('notClosed', 'Case is not closed');
    if (!(await markEvaluationReminded(tx, caseId, deps.clock.now()))) return { notifications: [], reminded: false };
    const answered = new Set((await listEvaluations(tx, caseId)).map((e) => e.organisationId));
    const to = await evaluators(tx, invitedOrganisationIds(facts), answered);
    await recordAudit(tx, actor, {
      action: 'evaluation.reminded',
      recordType: 'case',
      recordId: caseId,
      purpose: 'evaluatie',
    });
    return {
      notifications: await tell(
        tx,
        deps.clock.now(),
        to.map((aad) => ({ kind: 'evaluationRequested' as const, to: aad, caseId, reminder: true })),
      ),
      reminded: true,
    };
  });
}
