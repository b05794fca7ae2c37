import { DateTime } from 'luxon';
import type { Tx } from '../db/client.ts';
import type { Db } from '../db/client.ts';
import { ensureJobs } from '../jobs/job.repository.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import { tell } from '../notify/queue.ts';
import { zonedToUtc } from '../conferences/schedule.ts';
import { findActionById } from './action.repository.ts';

export const reminderBeforeJob = 'action.remindBefore';
export const reminderAfterJob = 'action.remindAfter';

/** At 09:00 in the table's timezone, the day before the due date and the day after it. */
export async function scheduleReminders(
  tx: Tx,
  actions: { id: string; dueDate: string }[],
  timeZone: string,
): Promise<void> {
  const at = (date: string, days: number) =>
    zonedToUtc(DateTime.fromISO(date).plus({ days }).toISODate()!, '09:00', timeZone);
  await ensureJobs(
    tx,
    actions.flatMap((a) => [
      { kind: reminderBeforeJob, subjectId: a.id, dueAt: at(a.dueDate, -1) },
      { kind: reminderAfterJob, subjectId: a.id, dueAt: at(a.dueDate, 1) },
    ]),
  );
}

/**
 * One personal reminder the day before an action is due and one the day after if it is still open: to
 * whoever has it then, or, while nobody took it, to the members of its organisation. A done (or closed) action gets none.
 */
export function actionReminderHandlers(deps: { db: Db; wake(): void }): JobHandler[] {
  const handler = (kind: string, when: 'before' | 'after'): JobHandler => ({
    kind,
    async run(job, context) {
      const action = await findActionById(deps.db, job.subjectId);
      if (!action || (action.state !== 'open' && action.state !== 'claimed')) return { state: 'done' };
      const to = action.claimedBy
        ? (await listActiveMembers(deps.db, { organisationId: action.organisation.id })).filter(
            (m) => m.id === action.claimedBy!.memberId,
          )
        : await listActiveMembers(deps.db, { organisationId: action.organisation.id });
      // Queued once, whatever happens to the job after: keyed by the job. A system event in the case's logbook.
      await deps.db.$transaction(async (tx) => {
        await tell(
          tx,
          context.now,
          to.map((m) => ({ kind: 'actionReminder' as const, to: m.aadObjectId, actionId: action.id, when })),
          { dedupeKey: `job:${job.id}` },
        );
        if (to.length)
          await recordAudit(tx, 'system', {
            action: 'action.reminded',
            recordType: 'action',
            recordId: action.id,
            caseId: action.caseId,
            purpose: 'regie',
          });
      });
      deps.wake();
      return { state: 'done' };
    },
  });
  return [handler(reminderBeforeJob, 'before'), handler(reminderAfterJob, 'after')];
}
