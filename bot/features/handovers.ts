import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { Command } from '../../cards/commands.ts';
import { formValuesOf } from '../../cards/form.ts';
import { handoverCard, handoverFormCard } from '../../cards/handover.card.ts';
import { Verb } from '../../cards/verbs.ts';
import {
  answerHandover,
  completeHandover,
  handoverForm,
  handoverFormFor,
  openHandover,
  readHandover,
  startHandover,
} from '../../src/lifecycle/handover.ts';
import type { BotDeps } from '../deps.ts';
import { flag, id, onVerb, registerCommand, text } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/** `handover.*`: handing a case to another table or an external gremium (`overdragen ZVH-…`), with consent. */
export function registerHandovers(app: Application<TurnState>, deps: BotDeps): void {
  const show = async (context: TurnContext, handoverId: string, notice?: string) => {
    const { handover, role } = await readHandover(deps, actorOf(context), handoverId);
    return handoverCard(handover, role, deps.figuresTimeZone, notice);
  };
  registerCommand(app, Command.handover, async (context, { reference }) =>
    handoverFormCard(await handoverForm(deps, actorOf(context), reference!)),
  );
  onVerb(app, Verb.handoverStart, { caseId: id, submissionId: text }, async (context, data) => {
    const result = await startHandover(deps, actorOf(context), data.caseId, formValuesOf(data), data.submissionId);
    if (!result.ok)
      return handoverFormCard(
        await handoverFormFor(deps, actorOf(context), data.caseId),
        formValuesOf(data),
        result.errors,
      );
    deps.deliver(result.notifications);
    const notice = result.asked ? 'De inbrengers is om toestemming gevraagd.' : 'Vastgelegd.';
    return show(context, result.handoverId, notice);
  });
  const handover = { handoverId: id };
  onVerb(app, Verb.handoverShow, handover, (context, { handoverId }) => show(context, handoverId));
  const answer = { ...handover, contributionId: id, granted: flag };
  onVerb(app, Verb.handoverAnswer, answer, async (context, { handoverId, contributionId, granted }) => {
    const { changed } = await answerHandover(deps, actorOf(context), handoverId, contributionId, granted);
    const { handover: shown, role } = await openHandover(deps, actorOf(context), handoverId);
    return handoverCard(
      shown,
      role,
      deps.figuresTimeZone,
      changed ? 'Je antwoord is vastgelegd.' : 'Dat was al beantwoord.',
    );
  });
  onVerb(app, Verb.handoverComplete, handover, async (context, { handoverId }) => {
    const result = await completeHandover(deps, actorOf(context), handoverId);
    deps.deliver(result.notifications);
    const notice = result.completed
      ? 'De overdracht is afgerond. De aanmeldende partner heeft wat is afgesproken.'
      : 'De overdracht was al afgerond.';
    return show(context, handoverId, notice);
  });
}
