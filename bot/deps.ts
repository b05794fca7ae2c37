import type { TurnContext } from 'botbuilder';
import type { Clock } from '../src/clock.ts';
import type { Db } from '../src/db/client.ts';
import type { Logger } from '../src/logger.ts';
import type { Notifier } from '../src/notify/notifier.ts';
import type { JobRunner } from '../src/jobs/runner.ts';
import type { Retention } from '../src/retention/retention.rules.ts';
import type { BackgroundWork } from './shared/background.ts';

/** The people in the conversation a turn came from (Teams roster), to pick from in forms. */
export interface Roster {
  membersOf(context: TurnContext): Promise<{ aadObjectId: string; name: string }[]>;
}

export interface BotDeps {
  db: Db;
  log: Logger;
  notifier: Notifier;
  clock: Clock;
  roster: Roster;
  allowedTenantIds: string[];
  background: BackgroundWork;
  /** Due work (agenda posts): also run at once when a person asks (publish now). */
  jobs: JobRunner;
  /** Days after acceptance by which the person must be informed (INFORM_WITHIN_DAYS; default 14). */
  informWithinDays?: number;
  /** Signed one-time links to documents: the bot's public address and the signing secret. */
  links?: {
    publicUrl: string;
    secret: string;
    /** Real Teams: also offer the document through the file-consent flow. */ fileConsent?: boolean;
  };
  /** FIGURES_TIME_ZONE: where quarters begin and end, and when the quarter's figures are posted. */
  figuresTimeZone?: string;
  /** How long personal data are kept (config); defaultRetention when not given. */
  retention?: Retention;
}
