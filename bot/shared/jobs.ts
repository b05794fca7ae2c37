import { informReminderHandler } from '../../src/lifecycle/informing.ts';
import { shadowReturnHandler } from '../../src/lifecycle/shadow-list.ts';
import { actionReminderHandlers } from '../../src/actions/reminders.ts';
import { agendaPostHandler } from '../../src/conferences/publish-agenda.ts';
import { JobRunner } from '../../src/jobs/runner.ts';
import { retentionSweepHandler } from '../../src/retention/delete-due.ts';
import { defaultRetention } from '../../src/retention/retention.rules.ts';
import type { BotDeps } from '../deps.ts';
import { figuresCard } from '../../cards/figures.card.ts';
import { quarterlyFiguresHandler } from '../../src/figures/figures.ts';
import { figuresDeps } from '../features/figures.ts';
import { channelCardFor, deliverNotifications } from './notifications.ts';

/** The due work this bot knows, with the channel posting and notifications it needs. */
export function createJobRunner(
  deps: Pick<
    BotDeps,
    'db' | 'clock' | 'log' | 'notifier' | 'background' | 'retention' | 'informWithinDays' | 'figuresTimeZone'
  >,
  options: { owner?: string; leaseMs?: number } = {},
): JobRunner {
  const agendaPost = agendaPostHandler({
    db: deps.db,
    clock: deps.clock,
    log: deps.log,
    poster: {
      async post(conversationId, agenda) {
        const result = await deps.notifier.toConversation(conversationId, {
          card: await channelCardFor(deps, agenda.session.id),
        });
        if (!result.delivered) throw new Error('channel conversation unknown');
        return result.activityId;
      },
    },
    // Personal messages can wait out throttling; the post itself is what the job records.
    notify: async (notifications) =>
      deps.background.run('agenda notifications', () => deliverNotifications(deps, notifications)),
  });
  const reminders = actionReminderHandlers({
    db: deps.db,
    notify: async (notifications) => deps.background.run('reminders', () => deliverNotifications(deps, notifications)),
  });
  const retentionSweep = retentionSweepHandler({
    db: deps.db,
    clock: deps.clock,
    log: deps.log,
    retention: deps.retention ?? defaultRetention,
  });
  const shadowReturn = shadowReturnHandler({
    db: deps.db,
    notify: async (notifications) =>
      deps.background.run('schaduwlijst notifications', () => deliverNotifications(deps, notifications)),
  });
  const informReminder = informReminderHandler({
    db: deps.db,
    notify: async (notifications) =>
      deps.background.run('informing reminder', () => deliverNotifications(deps, notifications)),
  });
  const fdeps = figuresDeps(deps);
  const quarterlyFigures = quarterlyFiguresHandler({
    ...fdeps,
    log: deps.log,
    async post(conversationId, view) {
      const card = figuresCard(view, {
        informWithinDays: fdeps.informWithinDays,
        timeZone: fdeps.timeZone,
        shared: true,
      });
      if (!(await deps.notifier.toConversation(conversationId, { card })).delivered)
        throw new Error('channel conversation unknown');
    },
  });
  return new JobRunner({
    db: deps.db,
    clock: deps.clock,
    log: deps.log,
    handlers: [agendaPost, ...reminders, retentionSweep, shadowReturn, informReminder, quarterlyFigures],
    ...options,
  });
}
