import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { consentCard } from '../../cards/consent.card.ts';
import { formValuesOf } from '../../cards/form.ts';
import { Verb } from '../../cards/verbs.ts';
import { answerConsent, openConsent, requestConsent, withdrawConsent } from '../../src/meetings/consent.ts';
import type { BotDeps } from '../deps.ts';
import { id, onVerb } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/** `consent.*` (zeggenschap): ask the contributing organisation for consent, answer it, withdraw it. */
export function registerConsent(app: Application<TurnState>, deps: BotDeps): void {
  const show = async (context: TurnContext, consentId: string, notice?: string) => {
    const { consent, mayAnswer } = await openConsent(deps, actorOf(context), consentId);
    return consentCard(consent, mayAnswer, deps.figuresTimeZone, notice);
  };
  const consent = { consentId: id };
  onVerb(app, Verb.consentRequest, { contributionId: id }, async (context, { contributionId }) => {
    const result = await requestConsent(deps, actorOf(context), contributionId);
    deps.deliver(result.notifications);
    const sent = result.notifications.length ? 'Je vraag is verstuurd. Je hoort het antwoord in deze chat.' : undefined;
    return show(context, result.consentId, sent);
  });
  onVerb(app, Verb.consentShow, consent, (context, { consentId }) => show(context, consentId));
  onVerb(app, Verb.consentAnswer, consent, async (context, data) => {
    const result = await answerConsent(deps, actorOf(context), data.consentId, formValuesOf(data));
    if (!result.ok) {
      const { consent: again, mayAnswer } = await openConsent(deps, actorOf(context), data.consentId);
      return consentCard(again, mayAnswer, deps.figuresTimeZone, undefined, result.errors, formValuesOf(data));
    }
    deps.deliver(result.notifications);
    return show(
      context,
      data.consentId,
      result.changed ? 'Je antwoord is vastgelegd.' : 'Op deze vraag is al geantwoord.',
    );
  });
  onVerb(app, Verb.consentWithdraw, consent, async (context, { consentId }) => {
    const result = await withdrawConsent(deps, actorOf(context), consentId);
    deps.deliver(result.notifications);
    const notice = result.changed ? 'De toestemming is ingetrokken; de inbreng is meteen weer verborgen.' : undefined;
    return show(context, consentId, notice);
  });
}
