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
import { registerLogbook } from './features/logbook.ts';
import { registerInzage } from './features/inzage.ts';
import { registerConsent } from './features/consent.ts';
import { registerHandover } from './features/handover.ts';
import { createIdentifyStep } from './teams/identify.ts';
import { attemptedIn, createCaseWorkGate } from './shared/case-work-gate.ts';
import { registerFigures } from './features/figures.ts';
import { PrismaStorage } from './teams/storage.ts';
import { createTurnErrorHandler } from './teams/turn-error.ts';
import { actorIfKnown } from './teams/turn-context.ts';
import { recordRefusal } from '../src/access/refusals.ts';
import type { DomainError } from '../src/errors.ts';
import type { TurnContext } from 'botbuilder';

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
  const caseWorkGate = createCaseWorkGate(deps);
  app.turn('beforeTurn', async (context) => (await identify(context)) && (await caseWorkGate(context)));

  registerHelp(app, deps);
  registerMembers(app, deps);
  registerReferrals(app, deps);
  registerScreening(app, deps);
  registerCases(app, deps);
  registerTables(app, deps);
  registerAgenda(app, deps);
  registerMeeting(app, deps);
  registerRegie(app, deps);
  registerLogbook(app, deps);
  registerInzage(app, deps);
  registerConsent(app, deps);
  registerHandover(app, deps);
  registerFigures(app, deps);
  registerFallback(app);

  // A refused attempt goes into the logbook with who tried what (the verb or the command word, never the input).
  const onRefused = async (context: TurnContext, error: DomainError) => {
    const actor = actorIfKnown(context);
    if (!actor) return;
    await recordRefusal(deps.db, actor, error, attemptedIn(context));
  };
  return { app, onTurnError: createTurnErrorHandler(deps.log, { onRefused }) };
}
