import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { Command } from '../../cards/commands.ts';
import { reassessmentCard } from '../../cards/reassessment.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { pendingReassessments, reassess } from '../../src/meetings/reassessment.ts';
import type { BotDeps } from '../deps.ts';
import { flag, id, onVerb, registerCommand } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/** `reassessment.*`: after a change of goal, each organisation keeps or withdraws what it contributed. */
export function registerReassessments(app: Application<TurnState>, deps: BotDeps): void {
  const list = async (context: TurnContext, notice?: string) =>
    reassessmentCard(await pendingReassessments(deps, actorOf(context)), deps.figuresTimeZone, notice);
  registerCommand(app, Command.reassessment, (context) => list(context));
  onVerb(
    app,
    Verb.reassessmentAnswer,
    { contributionId: id, keep: flag },
    async (context, { contributionId, keep }) => {
      const { changed } = await reassess(deps, actorOf(context), contributionId, keep);
      const answered = keep
        ? 'Behouden voor het nieuwe doel.'
        : 'Ingetrokken: alleen jullie en de voorzitter zien het nog.';
      return list(context, changed ? answered : 'Dat was al beantwoord.');
    },
  );
}
