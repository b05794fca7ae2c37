import { logbookSealHandler } from '../../src/audit/chain.jobs.ts';
import { figuresCard } from '../../cards/figures.card.ts';
import { actionReminderHandlers } from '../../src/actions/reminders.ts';
import { agendaPostHandler } from '../../src/conferences/publish-agenda.ts';
import { quarterlyFiguresHandler } from '../../src/figures/figures.ts';
import { JobRunner } from '../../src/jobs/runner.ts';
import { informReminderHandler } from '../../src/lifecycle/informing.ts';
import { shadowReturnHandler } from '../../src/lifecycle/shadow-list.ts';
import { downloadExpiryHandler, type DownloadDeps } from '../../src/privacy/downloads.ts';
import { retentionSweepHandler } from '../../src/retention/delete-due.ts';
import type { BotDeps } from '../deps.ts';
import { channelCardFor } from './notifications.ts';

export type JobDeps = Omit<BotDeps, 'jobs' | 'roster'>;

/** The due work this bot knows, with the channel posting and notifications it needs. */
export function createJobRunner(deps: JobDeps, options: { owner?: string } = {}): JobRunner {
  /** Job handlers queue in the outbox themselves; this starts delivery. */
  const wake = () => deps.outbox.wake();
  /** A channel post: the job records its outcome, so a conversation the bot does not know is a failure. */
  const postToChannel = async (conversationId: string, card: object) => {
    const result = await deps.notifier.toConversation(conversationId, { card });
    if (!result.delivered) throw new Error('channel conversation unknown');
    return result.activityId;
  };
  const handlers = [
    agendaPostHandler({
      ...deps,
      poster: {
        post: async (conversationId, agenda) =>
          postToChannel(conversationId, await channelCardFor(deps, agenda.session.id)),
      },
      wake,
    }),
    ...actionReminderHandlers({ db: deps.db, wake }),
    retentionSweepHandler(deps),
    downloadExpiryHandler(deps),
    logbookSealHandler(deps),
    shadowReturnHandler({ db: deps.db, wake }),
    informReminderHandler({ db: deps.db, wake }),
    quarterlyFiguresHandler({
      ...figuresDepsOf(deps),
      log: deps.log,
      async post(conversationId, view) {
        const options = { informWithinDays: deps.informWithinDays, timeZone: deps.figuresTimeZone, shared: true };
        await postToChannel(conversationId, figuresCard(view, options));
      },
    }),
  ];
  return new JobRunner({
    db: deps.db,
    clock: deps.clock,
    log: deps.log,
    handlers,
    leaseMs: deps.jobLeaseMs,
    ...options,
  });
}

/** What the figures use cases need, from the bot's settings. */
export function figuresDepsOf(deps: Pick<BotDeps, 'db' | 'clock' | 'informWithinDays' | 'figuresTimeZone'>) {
  return { db: deps.db, clock: deps.clock, informWithinDays: deps.informWithinDays, timeZone: deps.figuresTimeZone };
}

/** What offering a download needs (a signed one-time link): the bot's link secret and public address. */
export function downloadDepsOf(deps: Pick<BotDeps, 'db' | 'clock' | 'links'>): DownloadDeps {
  return { db: deps.db, clock: deps.clock, linkSecret: deps.links.secret, publicUrl: deps.links.publicUrl };
}
