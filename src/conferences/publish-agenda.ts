import type { Actor } from '../actor.ts';
import { assertCan } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { confirmUncertainJob } from '../jobs/job.repository.ts';
import type { JobHandler, JobOutcome } from '../jobs/runner.ts';
import type { Logger } from '../logger.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import { tell } from '../notify/queue.ts';
import { publicAgenda, settleOverflow, type AgendaView } from './agenda.ts';
import { listAgendaItems } from './agenda.repository.ts';
import { addOverdueActionItems, agendaPostJob } from './planning.ts';
import { activeSessionStatuses, findSessionById, recordAgendaPost } from './session.repository.ts';
import { recipientsOf } from './sessions.ts';
import { findTableById, lockTableForBooking } from './table.repository.ts';

/** How the agenda reaches a channel; the bot renders the card and posts it. */
export interface AgendaPoster {
  /** Posts the agenda as a new message in the channel; returns its id, to edit it later. */
  post(conversationId: string, agenda: AgendaView): Promise<string | undefined>;
}

export interface PublishDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  poster: AgendaPoster;
  /** Starts delivering what the job queued in the outbox (in the background). */
  wake(): void;
}

/**
 * Tells the procesmanagers about a problem with the post, in the outbox; keyed by the job and the problem, so a
 * job that runs again tells nobody twice.
 */
async function tellProcessManagers(
  deps: Pick<PublishDeps, 'db' | 'clock' | 'wake'>,
  job: { id: string },
  sessionId: string,
  problem: 'missed' | 'uncertain' | 'noChannel',
): Promise<void> {
  const told = (await listActiveMembers(deps.db, { role: 'processManager' })).map((pm) => ({
    kind: 'agendaProblem' as const,
    to: pm.aadObjectId,
    sessionId,
    problem,
  }));
  await tell(deps.db, deps.clock.now(), told, { dedupeKey: `job:${job.id}:${problem}` });
  deps.wake();
}

/**
 * The job that posts a session's agenda to its table's channel, once. It runs at the lead time, at
 * start-up when it was missed (still useful until the meeting begins), or when the procesmanager
 * publishes at once; the jobs table makes sure only one of these ever posts.
 */
export function agendaPostHandler(deps: PublishDeps): JobHandler {
  const { db, log } = deps;
  return {
    kind: agendaPostJob,
    async run(job, context): Promise<JobOutcome> {
      const session = await findSessionById(db, job.subjectId);
      const table = session && (await findTableById(db, session.tableId));
      if (!session || !table || !activeSessionStatuses.includes(session.status))
        return { state: 'failed', reason: 'SESSION_NOT_ACTIVE' };
      if (session.agendaPublishedAt) return { state: 'done' };
      if (session.startsAt.getTime() <= context.now.getTime()) {
        log.warn({ jobId: job.id, sessionId: session.id }, 'agenda missed: the session already began');
        await tellProcessManagers(deps, job, session.id, 'missed');
        return { state: 'missed', reason: 'SESSION_BEGAN' };
      }
      if (!table.channelConversationId) {
        await tellProcessManagers(deps, job, session.id, 'noChannel');
        return { state: 'failed', reason: 'NO_CHANNEL' };
      }
      await db.$transaction(async (tx) => {
        await lockTableForBooking(tx, table.id);
        await addOverdueActionItems(tx, table, session);
        await tell(tx, context.now, await settleOverflow(tx, table, session.id, context.now));
      });
      const agenda = await publicAgenda(db, session.id);
      await context.markSending();
      const activityId = await deps.poster.post(table.channelConversationId, agenda);
      await db.$transaction(async (tx) => {
        await recordAgendaPost(tx, session.id, {
          publishedAt: context.now,
          conversationId: table.channelConversationId!,
          activityId,
        });
        await recordAudit(tx, 'system', {
          action: 'agenda.published',
          recordType: 'session',
          recordId: session.id,
          purpose: 'casusoverleg',
        });
        // Everyone invited hears it with the post: queued in the outbox as the post is recorded, one row each.
        const recipients = await recipientsOf(tx, await listAgendaItems(tx, [session.id]));
        await tell(
          tx,
          context.now,
          recipients.map((r) => ({ kind: 'agendaPublished' as const, to: r.aadObjectId, sessionId: session.id })),
        );
        await context.finishIn(tx);
      });
      log.info({ jobId: job.id, sessionId: session.id, items: agenda.items.length }, 'agenda posted to the channel');
      // A change that committed while the card was on its way found no post to edit: edit it now.
      if (fingerprint(await publicAgenda(db, session.id)) !== fingerprint(agenda))
        await tell(db, deps.clock.now(), [{ kind: 'agendaChanged', sessionId: session.id }]);
      deps.wake();
      return { state: 'done' };
    },
    async onUncertain(job) {
      // The post was recorded after all (the lease ran out on a slow instance): nothing to check.
      if ((await findSessionById(db, job.subjectId))?.agendaPublishedAt) {
        await confirmUncertainJob(db, agendaPostJob, job.subjectId, deps.clock.now());
        return;
      }
      await tellProcessManagers(deps, job, job.subjectId, 'uncertain');
    },
  };
}

/** What the channel card shows: when, whether it takes place, and which item has which slot. */
function fingerprint(a: AgendaView): string {
  return JSON.stringify([
    a.session.startsAt,
    a.session.status,
    a.items.map((i) => [i.id, i.slot?.start]),
    a.items.map((i) => i.invitedOrganisations.length),
  ]);
}

/** "Staat er al": the procesmanager looked in the channel after a crash and saw the agenda. */
export async function confirmAgendaPosted(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  sessionId: string,
): Promise<boolean> {
  assertCan(actor, 'agenda.manage');
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    if (!(await confirmUncertainJob(tx, agendaPostJob, sessionId, now))) return false;
    const session = await findSessionById(tx, sessionId);
    const table = session && (await findTableById(tx, session.tableId));
    // The message id is unknown, so later changes cannot edit that card; the draft card says so.
    if (table?.channelConversationId)
      await recordAgendaPost(tx, sessionId, { publishedAt: now, conversationId: table.channelConversationId });
    await recordAudit(tx, actor, {
      action: 'agenda.postConfirmed',
      recordType: 'session',
      recordId: sessionId,
      purpose: 'casusoverleg',
    });
    return true;
  });
}
