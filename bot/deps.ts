import type { TurnContext } from 'botbuilder';
import type { Clock } from '../src/clock.ts';
import type { Config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import type { JobRunner } from '../src/jobs/runner.ts';
import type { Logger } from '../src/logger.ts';
import type { Notification } from '../src/notify/notification.ts';
import type { Notifier } from '../src/notify/notifier.ts';
import type { BackgroundWork } from './shared/background.ts';

/** The people in the conversation a turn came from (Teams roster), to pick from in forms. */
export interface Roster {
  membersOf(context: TurnContext): Promise<{ aadObjectId: string; name: string }[]>;
}

/** The settings the features and jobs read, resolved once by loadConfig: no feature has a default of its own. */
export type Settings = Pick<
  Config,
  'informWithinDays' | 'figuresTimeZone' | 'retention' | 'logbook' | 'links' | 'allowedTenantIds' | 'jobLeaseMs'
> & {
  /** The network's own tenant (MicrosoftAppTenantId): a turn from another tenant is a guest's. */
  networkTenantId?: string;
};

/** What the outside world gives the bot: the composition (bot/compose.ts) builds everything else from it. */
export interface Infrastructure {
  db: Db;
  log: Logger;
  clock: Clock;
  /** Sends to Teams on the bot's own initiative (BotNotifier in production, a recording fake in tests). */
  notifier: Notifier;
  roster: Roster;
}

/** The outbox's delivery (bot/shared/outbox.ts): what the bot sends on its own. */
export interface Outbox {
  /** Delivers what is due, in the background: a turn that queued messages only wakes it. */
  wake(): void;
  /** Delivers every message due now; returns how many were tried. */
  deliverDue(): Promise<number>;
  nextDueAt(): Promise<Date | undefined>;
  /** Stopping: gives back the messages this instance took but did not send yet. */
  releaseLeases(): Promise<number>;
}

/** Everything a feature handler may use. Every field is set: the composition resolves all of it. */
export interface BotDeps extends Infrastructure, Settings {
  background: BackgroundWork;
  /** Due work (agenda posts, reminders, retention): also run at once when a person asks (publish now). */
  jobs: JobRunner;
  /**
   * After a use case told people (it queued them in the outbox in its own transaction): starts delivering them in
   * the background, so the turn answers without waiting on Teams for other people's messages.
   */
  deliver(told: readonly Notification[]): void;
  /** Delivers the outbox: what the bot sends on its own. */
  outbox: Outbox;
}
