import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../src/config.ts';
import type { Notification } from '../src/notify/notification.ts';
import { createBot } from './app.ts';
import type { BotDeps, Infrastructure } from './deps.ts';
import { BackgroundWork } from './shared/background.ts';
import { createJobRunner } from './shared/jobs.ts';
import { OutboxDelivery } from './shared/outbox.ts';

/**
 * The one composition of the bot, used by bot/main.ts, the tests and the bench alike: from the configuration and
 * what the outside world gives (database, log, clock, the Teams sender and roster) to the teams-ai Application with
 * its features, turn-error handler and the job runner. `adapter` is absent where a test drives `app.run` itself.
 */
export function composeBot(
  config: Config,
  infrastructure: Infrastructure,
  options: { adapter?: TeamsAdapter; jobOwner?: string } = {},
) {
  const background = new BackgroundWork(infrastructure.log);
  const settings = {
    informWithinDays: config.informWithinDays,
    figuresTimeZone: config.figuresTimeZone,
    retention: config.retention,
    logbook: config.logbook,
    links: config.links,
    allowedTenantIds: config.allowedTenantIds,
    jobLeaseMs: config.jobLeaseMs,
    ...(config.microsoftApp?.tenantId ? { networkTenantId: config.microsoftApp.tenantId } : {}),
  };
  const outbox = new OutboxDelivery(
    { ...infrastructure, ...settings, background },
    { owner: options.jobOwner, leaseMs: config.jobLeaseMs },
  );
  /** The use case queued them in its transaction; delivery follows in the background. */
  const deliver = (told: readonly Notification[]) => {
    if (told.length) outbox.wake();
  };
  const jobs = createJobRunner(
    { ...infrastructure, ...settings, background, deliver, outbox },
    { owner: options.jobOwner },
  );
  const deps: BotDeps = { ...infrastructure, ...settings, background, deliver, outbox, jobs };
  const { app, onTurnError } = createBot(deps, { adapter: options.adapter, botAppId: config.microsoftApp?.id ?? '' });
  if (options.adapter) options.adapter.onTurnError = onTurnError;
  return { app, onTurnError, jobs, outbox, background, deps };
}
