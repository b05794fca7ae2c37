import type { TurnContext } from 'botbuilder';
import type { Clock } from '../src/clock.ts';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import type { JobRunner } from '../src/jobs/runner.ts';
import type { Logger } from '../src/logger.ts';
import type { Notification } from '../src/notify/notification.ts';
import type { Notifier } from '../src/notify/notifier.ts';
import type { BackgroundWork } from './shared/background.ts';
import type { OutboxDelivery } from './shared/outbox.ts';

/** The people in the conversation a turn came from (Teams roster), to pick from in forms. */
export interface Roster {
  membersOf(context: TurnContext): Promise<{ aadObjectId: string; name: string }[]>;
}

/** The settings the features and jobs read, resolved once by loadConfig: no feature has a default of its own. */
export type Settings = Pick<
  Config,
  'informWithinDays' | 'figuresTimeZone' | 'retention' | 'links' | 'allowedTenantIds' | 'jobLeaseMs'
>;

/** What the outside world gives the bot: the composition (bot/compose.ts) builds everything else from it. */
export interface Infrastructure {
  db: Db;
  log: Logger;
  clock: Clock;
  /** Sends to Teams on the bot's own initiative (BotNotifier in production, a recording fake in tests). */
  notifier: Notifier;
  roster: Roster;
}

/** Everything a feature handler may use. Every field is set: the composition resolves all of it. */
export interface BotDeps extends Infrastructure, Settings {
  background: BackgroundWork;
  /** Due work (agenda posts, reminders, retention): also run at once when a person asks (publish now). */
  jobs: JobRunner;
  /** Sends what a use case asked to tell people, after its transaction committed, without holding up the turn. */
  notify(notifications: Notification[]): void;
  /** Delivers the outbox: what the bot sends on its own. */
  outbox: OutboxDelivery;
}
