import type { Application, TurnState } from '@microsoft/teams-ai';
import { consentCard } from '../../cards/consent.card.ts';
import { formValuesOf } from '../../cards/form.ts';
import { Verb } from '../../cards/verbs.ts';
import { answerConsent, openConsent, requestConsent, withdrawConsent } from '../../src/meetings/consent.ts';
import type { Notification } from '../../src/notify/notification.ts';
import { onCardAction } from '../teams/card-action.ts';
import type { BotDeps } from '../deps.ts';
import { deliverNotifications } from '../shared/notifications.ts';
import { actorOf, inPersonalChat } from '../teams/turn-context.ts';
import { CardFactory } from 'botbuilder';
import { reassessmentCard } from '../../cards/reassessment.card.ts';
import { pendingReassessments, reassess } from '../../src/meetings/reassessment.ts';

type Data = Record<string, unknown>;
const text = (data: Data, key: string) => (typeof data[key] === 'string' ? data[key] : '');

/** Zeggenschap: ask the contributing organisation for consent, answer it, withdraw it. */
export function registerConsent(app: Application<TurnState>, deps: BotDeps): void {
  const tell = (notifications: Notification[]) =>
    deps.background.run('consent notifications', () => deliverNotifications(deps, notifications));
  const show = async (context: Parameters<typeof actorOf>[0], consentId: string, notice?: string) => {
    const { consent, mayAnswer } = await openConsent(deps, actorOf(context), consentId);
    return consentCard(consent, mayAnswer, notice);
  };
  onCardAction<Data>(app, Verb.consentRequest, async (context, data) => {
    const result = await requestConsent(deps, actorOf(context), text(data, 'contributionId'));
    tell(result.notifications);
    return show(
      context,
      result.consentId,
      result.notifications.length ? 'Je vraag is verstuurd. Je hoort het antwoord in deze chat.' : undefined,
    );
  });
  onCardAction<Data>(app, Verb.consentShow, async (context, data) => show(context, text(data, 'consentId')));
  onCardAction<Data>(app, Verb.consentAnswer, async (context, data) => {
    const consentId = text(data, 'consentId');
    const result = await answerConsent(deps, actorOf(context), consentId, formValuesOf(data));
    if (!result.ok) {
      const { consent, mayAnswer } = await openConsent(deps, actorOf(context), consentId);
      return consentCard(consent, mayAnswer, undefined, result.errors, formValuesOf(data));
    }
    tell(result.notifications);
    return show(context, consentId, result.changed ? 'Je antwoord is vastgelegd.' : 'Op deze vraag is al geantwoord.');
  });
  const reassessments = async (context: Parameters<typeof actorOf>[0], notice?: string) =>
    reassessmentCard(await pendingReassessments(deps, actorOf(context)), notice);
  app.message(/^\s*herbeoordeling\s*$/i, async (context) => {
    if (!(await inPersonalChat(context, 'herbeoordeling'))) return;
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await reassessments(context))] });
  });
  onCardAction(app, Verb.reassessmentList, async (context) => reassessments(context));
  onCardAction<Data>(app, Verb.reassessmentAnswer, async (context, data) => {
    const keep = data.keep === true || data.keep === 'true';
    const { changed } = await reassess(deps, actorOf(context), text(data, 'contributionId'), keep);
    return reassessments(
      context,
      changed
        ? keep
          ? 'Behouden voor het nieuwe doel.'
          : 'Ingetrokken: alleen jullie en de voorzitter zien het nog.'
        : 'Dat was al beantwoord.',
    );
  });
  onCardAction<Data>(app, Verb.consentWithdraw, async (context, data) => {
    const consentId = text(data, 'consentId');
    const result = await withdrawConsent(deps, actorOf(context), consentId);
    tell(result.notifications);
    return show(
      context,
      consentId,
      result.changed ? 'De toestemming is ingetrokken; de inbreng is meteen weer verborgen.' : undefined,
    );
  });
}
