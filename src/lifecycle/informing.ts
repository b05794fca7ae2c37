import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { canFollowCase, canManageCase, canRecordInforming, invitedOrganisationIds } from '../access/case-access.ts';
import { recordAudit, recordAudits } from '../audit/audit.repository.ts';
import { findDiscussionFacts } from '../cases/case.repository.ts';
import type { Clock } from '../clock.ts';
import type { Db, Tx } from '../db/client.ts';
import { DomainError, ErrorCode, forbidden } from '../errors.ts';
import { ensureJob } from '../jobs/job.repository.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import { tell } from '../notify/queue.ts';
import type { Notification } from '../notify/notification.ts';
import { fieldErrors, parseDutchDate } from '../validation.ts';
import { localParts } from '../conferences/schedule.ts';
import {
  findInforming,
  listInformingDue,
  setInformed,
  setInformer,
  type InformingDue,
  type InformingState,
} from './informing.repository.ts';

export const informReminderJob = 'case.informReminder';

/** The calendar day of a moment where it is read: the case's table's timezone, or the network's. */
const dayOf = (at: Date, timeZone: string) => localParts(at, timeZone).date;

/**
 * At acceptance: the referrer informs the person (the overleg may agree on someone else). If the intake says it
 * happened, that is recorded; otherwise one reminder is due when the period runs out.
 */
export async function startInforming(
  tx: Tx,
  c: { id: string; referrerMemberId: string; informedAtIntake: boolean; submittedAt?: Date },
  acceptedAt: Date,
  withinDays: number,
  /** The timezone of the table the case was accepted on: the day the intake's "informed" is recorded for. */
  timeZone: string,
): Promise<void> {
  await setInformer(tx, c.id, c.referrerMemberId);
  if (c.informedAtIntake) await setInformed(tx, c.id, { informedOn: dayOf(c.submittedAt ?? acceptedAt, timeZone) });
  else
    await ensureJob(tx, {
      kind: informReminderJob,
      subjectId: c.id,
      dueAt: DateTime.fromJSDate(acceptedAt).plus({ days: withinDays }).toJSDate(),
    });
}

const informingForm = z.object({
  informedOn: z.string().trim().optional(),
  reason: z.string().trim().max(500, 'Maximaal 500 tekens.').optional(),
  informerMemberId: z.string().trim().optional(),
});

export type InformingResult =
  { ok: true; notifications: Notification[] } | { ok: false; errors: Record<string, string> };

/**
 * Who informs, when it happened, or why not yet: the one who informs, or the procesmanager (who may also name
 * someone else of an involved organisation). A date lies not in the future: not after today in the case's table's
 * timezone (the network's for a case without a table).
 */
export async function recordInforming(
  deps: { db: Db; clock: Clock; figuresTimeZone: string },
  actor: Actor,
  caseId: string,
  values: Record<string, string | undefined>,
): Promise<InformingResult> {
  const facts = await findDiscussionFacts(deps.db, caseId);
  const state = facts && (await findInforming(deps.db, caseId));
  // The one who informs may record it even when their organisation does not follow the case (a referrer from elsewhere).
  if (!facts || !state || !(canFollowCase(actor, facts, facts) || state.informerMemberId === actor.memberId))
    throw new DomainError(ErrorCode.NotFound, 'Case not found', { caseId });
  const manager = canManageCase(actor);
  if (!canRecordInforming(actor, state)) throw forbidden('informing.record', 'Only the one who informs');
  const parsed = informingForm.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { informedOn: typed, reason, informerMemberId } = parsed.data;
  const errors: Record<string, string> = {};
  const informedOn = typed ? parseDutchDate(typed) : undefined;
  const today = dayOf(deps.clock.now(), facts.timeZone ?? deps.figuresTimeZone);
  if (typed && !informedOn) errors.informedOn = 'Geen geldige datum. Schrijf hem als dd-mm-jjjj.';
  else if (informedOn && informedOn > today) errors.informedOn = 'Die datum ligt in de toekomst.';
  const members = manager && informerMemberId ? await listActiveMembers(deps.db) : [];
  const informer =
    informerMemberId && manager
      ? members.find(
          (m) =>
            m.id === informerMemberId &&
            (invitedOrganisationIds(facts).includes(m.organisationId) || m.id === facts.referrerMemberId),
        )
      : undefined;
  if (informerMemberId && manager && !informer)
    errors.informerMemberId = 'Kies iemand van een betrokken organisatie, of de aanmelder.';
  if (!typed && !reason && !informer)
    errors.informedOn =
      'Vul de datum in waarop de betrokkene is geïnformeerd, of schrijf waarom dat nog niet is gebeurd.';
  if (Object.keys(errors).length) return { ok: false, errors };
  const told = await deps.db.$transaction(async (tx) => {
    if (informer) await setInformer(tx, caseId, informer.id);
    if (informedOn || reason) await setInformed(tx, caseId, informedOn ? { informedOn } : { reason: reason! });
    await recordAudit(tx, actor, {
      action: informedOn ? 'informing.recorded' : 'informing.updated',
      recordType: 'case',
      recordId: caseId,
      purpose: 'informeren',
    });
    const named = informer && informer.id !== actor.memberId && informer.id !== state.informerMemberId;
    return tell(
      tx,
      deps.clock.now(),
      named ? [{ kind: 'informerNamed' as const, to: informer.aadObjectId, caseId }] : [],
    );
  });
  return { ok: true, notifications: told };
}

/** `informeren`: for the procesmanager the cases where informing is overdue; for anyone else, the ones they must still inform. */
export async function informingDue(
  deps: { db: Db; clock: Clock; informWithinDays: number },
  actor: Actor,
): Promise<{ overdueOnly: boolean; cases: InformingDue[] }> {
  const now = deps.clock.now();
  const acceptedBefore = DateTime.fromJSDate(now).minus({ days: deps.informWithinDays }).toJSDate();
  const manager = canManageCase(actor);
  const cases = await listInformingDue(deps.db, manager ? { acceptedBefore } : { informerMemberId: actor.memberId });
  // Reading the list reads each case's reason: one logbook event per case.
  if (cases.length)
    await recordAudits(
      deps.db,
      actor,
      cases.map((c) => ({
        action: 'informing.listed',
        recordType: 'case',
        recordId: c.id,
        purpose: 'informeren' as const,
      })),
    );
  return { overdueOnly: manager, cases };
}

/** The one reminder when the period ran out and nobody recorded that the person was informed. */
export function informReminderHandler(deps: { db: Db; wake(): void }): JobHandler {
  return {
    kind: informReminderJob,
    async run(job, context) {
      const state = await findInforming(deps.db, job.subjectId);
      if (!state || state.informedOn || !['accepted', 'shadowList'].includes(state.status) || !state.informerMemberId)
        return { state: 'done' };
      const informer = (await listActiveMembers(deps.db)).find((m) => m.id === state.informerMemberId);
      // Queued once, whatever happens to the job after: keyed by the job.
      if (informer)
        await deps.db.$transaction(async (tx) => {
          await tell(tx, context.now, [{ kind: 'informingReminder', to: informer.aadObjectId, caseId: state.id }], {
            dedupeKey: `job:${job.id}`,
          });
          // A system event in the case's logbook: the bot reminded the one who informs.
          await recordAudit(tx, 'system', {
            action: 'informing.reminded',
            recordType: 'case',
            recordId: state.id,
            purpose: 'informeren',
          });
        });
      deps.wake();
      return { state: 'done' };
    },
  };
}

export type { InformingState };
