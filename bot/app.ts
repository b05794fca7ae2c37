import { Application, TurnState, type TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { refusedForConfidentiality } from '../src/access/case-access.ts';
import { recordRefusal } from '../src/access/refusals.ts';
import { statementFor } from '../src/members/confidentiality.ts';
import { statementCard } from '../cards/confidentiality.card.ts';
import type { DomainError } from '../src/errors.ts';
import type { BotDeps } from './deps.ts';
import { registerActions } from './features/actions.ts';
import { registerAgenda } from './features/agenda.ts';
import { registerCaseReferences } from './features/case-references.ts';
import { registerCases } from './features/cases.ts';
import { registerConsent } from './features/consent.ts';
import { registerDecisions } from './features/decisions.ts';
import { registerDiscussions } from './features/discussions.ts';
import { registerEvaluations } from './features/evaluations.ts';
import { registerFallback } from './features/fallback.ts';
import { registerFigures } from './features/figures.ts';
import { registerHandovers } from './features/handovers.ts';
import { registerHelp } from './features/help.ts';
import { registerInforming } from './features/informing.ts';
import { registerInzage } from './features/inzage.ts';
import { registerLogbook } from './features/logbook.ts';
import { registerMembers } from './features/members.ts';
import { registerNotices } from './features/notices.ts';
import { registerProposals } from './features/proposals.ts';
import { registerReassessments } from './features/reassessments.ts';
import { registerReferrals } from './features/referrals.ts';
import { registerRegie } from './features/regie.ts';
import { registerScreening } from './features/screening.ts';
import { registerSessions } from './features/sessions.ts';
import { registerShadowList } from './features/shadow-list.ts';
import { registerStatements } from './features/statements.ts';
import { registerTables } from './features/tables.ts';
import { attemptOf, createCaseWorkGate } from './shared/case-work-gate.ts';
import { createIdentifyStep } from './teams/identify.ts';
import { createTurnErrorHandler } from './teams/turn-error.ts';
import { actorIfKnown } from './teams/turn-context.ts';

/** Every feature, one file per verb prefix (the README's code map), the message extension; the fallback last. */
const features = [
  registerHelp,
  registerMembers,
  registerReferrals,
  registerScreening,
  registerCases,
  registerCaseReferences,
  registerTables,
  registerAgenda,
  registerSessions,
  registerDiscussions,
  registerDecisions,
  registerActions,
  registerRegie,
  registerShadowList,
  registerProposals,
  registerEvaluations,
  registerInforming,
  registerLogbook,
  registerInzage,
  registerConsent,
  registerReassessments,
  registerHandovers,
  registerFigures,
  registerNotices,
  registerStatements,
];

/**
 * The teams-ai Application with the features. The adapter is absent in tests that drive `app.run` themselves. No
 * turn-state storage: nothing keeps state between turns in memory or in teams-ai's state (the database holds it all),
 * and a storage would cost a read on every turn.
 */
export function createBot(deps: BotDeps, options: { adapter?: TeamsAdapter; botAppId?: string } = {}) {
  const app = new Application<TurnState>({
    adapter: options.adapter,
    botAppId: options.botAppId,
    removeRecipientMention: true,
    // teams-ai 1.7.4 ignores this and sends "typing" when a message turn takes over a second (which Teams
    // users expect); kept so the intent is on record should a later version honour it.
    startTypingTimer: false,
    longRunningMessages: false,
  });
  const identify = createIdentifyStep(deps);
  const caseWorkGate = createCaseWorkGate(deps);
  app.turn('beforeTurn', async (context) => (await identify(context)) && (await caseWorkGate(context)));
  for (const register of features) register(app, deps);
  registerFallback(app);

  // A refused attempt goes into the logbook with who tried what (the verb or the command word, never the input),
  // under the case its ids aimed at.
  const onRefused = async (context: TurnContext, error: DomainError) => {
    const actor = actorIfKnown(context);
    if (!actor) return;
    await recordRefusal(deps.db, actor, error, attemptOf(context));
  };
  // Someone whose case content waits for the geheimhoudingsverklaring reads it, with *Ik ga akkoord*, instead of
  // the refusal (access/case-access.ts decides; the same answer whether the case exists or not).
  const cardForRefusal = async (context: TurnContext, error: DomainError) => {
    const actor = actorIfKnown(context);
    if (!actor || !refusedForConfidentiality(actor, error)) return undefined;
    return statementCard({ ...(await statementFor(deps, actor)), refused: true }, deps.figuresTimeZone);
  };
  return { app, onTurnError: createTurnErrorHandler(deps.log, { onRefused, cardForRefusal }) };
}
