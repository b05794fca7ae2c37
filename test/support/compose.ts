import type { TeamsAdapter } from '../../bot/teams/testing.ts';
import { composeBot } from '../../bot/compose.ts';
import type { Roster } from '../../bot/deps.ts';
import type { Clock } from '../../src/clock.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import type { Logger } from '../../src/logger.ts';
import type { Notifier } from '../../src/notify/notifier.ts';
import { FixedClock, RecordingNotifier } from './fakes.ts';
import { capturingLogger } from './logs.ts';

export interface TestComposition {
  clock?: Clock;
  notifier?: Notifier;
  log?: Logger;
  roster?: Roster;
  /** The job runner's instance name (two instances in one test need two). */
  owner?: string;
  /** Environment for loadConfig beyond its defaults, e.g. `{ INFORM_WITHIN_DAYS: '7' }`. */
  env?: Record<string, string>;
  adapter?: TeamsAdapter;
  /** Link settings beyond the environment's (real Teams' file-consent offer, which needs an app id otherwise). */
  links?: Partial<Config['links']>;
}

/**
 * The bot as bot/main.ts composes it (composeBot), on the test database, with a fixed clock, a recording notifier
 * and a captured log unless given others. Tests and production share the one composition, so they cannot drift.
 */
export function composeForTest(db: Db, options: TestComposition = {}) {
  const logs = capturingLogger();
  // A given logger is the test's own; `logs` then holds nothing.
  const notifier = options.notifier ?? new RecordingNotifier();
  const clock = options.clock ?? new FixedClock(new Date('2026-11-23T09:00:00Z'));
  const loaded = loadConfig({ LOG_LEVEL: 'silent', ...options.env });
  const config: Config = { ...loaded, links: { ...loaded.links, ...options.links } };
  const infrastructure = {
    db,
    log: options.log ?? logs.log,
    clock,
    notifier,
    roster: options.roster ?? { membersOf: async () => [] },
  };
  const composed = composeBot(config, infrastructure, { adapter: options.adapter, jobOwner: options.owner });
  return { ...composed, config, logs, notifier, clock };
}
