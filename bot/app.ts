import { Application, TurnState, type TeamsAdapter } from '@microsoft/teams-ai';
import type { BotDeps } from './deps.ts';
import { registerFallback } from './features/fallback.ts';
import { registerHelp } from './features/help.ts';
import { registerMembers } from './features/members.ts';
import { registerReferrals } from './features/referrals.ts';
import { registerScreening } from './features/screening.ts';
import { registerCases } from './features/cases.ts';
import { registerAgenda } from './features/agenda.ts';
import { registerTables } from './features/tables.ts';
import { registerMeeting } from './features/meeting.ts';
import { registerRegie } from './features/regie.ts';
import { createIdentifyStep } from './identify.ts';
import { PrismaStorage } from './storage.ts';
import { createTurnErrorHandler } from './turn-error.ts';

/** The composition of the bot's features. The adapter is absent in tests that drive `app.run` themselves. */
export function createBot(deps: BotDeps, options: { adapter?: TeamsAdapter; botAppId?: string } = {}) {
  const app = new Application<TurnState>({
    adapter: options.adapter,
    botAppId: options.botAppId,
    storage: new PrismaStorage(deps.db),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  const identify = createIdentifyStep(deps);
  app.turn('beforeTurn', async (context) => identify(context));

  registerHelp(app, deps);
  registerMembers(app, deps);
  registerReferrals(app, deps);
  registerScreening(app, deps);
  registerCases(app, deps);
  registerTables(app, deps);
  registerAgenda(app, deps);
  registerMeeting(app, deps);
  registerRegie(app, deps);
  registerFallback(app);

  return { app, onTurnError: createTurnErrorHandler(deps.log) };
}
