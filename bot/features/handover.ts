import { CardFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
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
import type { Notification } from '../../src/notify/notification.ts';
import { onCardAction } from '../teams/card-action.ts';
import type { BotDeps } from '../deps.ts';
import { deliverNotifications } from '../shared/notifications.ts';
import { actorOf, inPersonalChat } from '../teams/turn-context.ts';

type Data = Record<string, unknown>;
const text = (data: Data, key: string) => (typeof data[key] === 'string' ? data[key] : '');

/** Handing a case to another table or an external gremium, with its checklist and the contributors' consent. */
export function registerHandover(app: Application<TurnState>, deps: BotDeps): void {
  const tell = (notifications: Notification[]) =>
    deps.background.run('handover notifications', () => deliverNotifications(deps, notifications));
  const show = async (context: TurnContext, handoverId: string, notice?: string) => {
    const { handover, role } = await readHandover(deps, actorOf(context), handoverId);
    return handoverCard(handover, role, notice);
  };
  app.message(/^\s*overdragen\s+(ZVH-\d{4}-\d{1,6})\s*$/i, async (context) => {
    if (!(await inPersonalChat(context, 'overdragen ZVH-…'))) return;
    const reference = /ZVH-\d{4}-\d{1,6}/i.exec(context.activity.text ?? '')![0].toUpperCase();
    await context.sendActivity({
      attachments: [CardFactory.adaptiveCard(handoverFormCard(await handoverForm(deps, actorOf(context), reference)))],
    });
  });
  onCardAction<Data>(app, Verb.handoverStart, async (context, data) => {
    const caseId = text(data, 'caseId');
    const result = await startHandover(deps, actorOf(context), caseId, formValuesOf(data));
    if (!result.ok)
      return handoverFormCard(await handoverFormFor(deps, actorOf(context), caseId), formValuesOf(data), result.errors);
    tell(result.notifications);
    return show(
      context,
      result.handoverId,
      result.notifications.length ? 'De inbrengers is om toestemming gevraagd.' : 'Vastgelegd.',
    );
  });
  onCardAction<Data>(app, Verb.handoverShow, async (context, data) => show(context, text(data, 'handoverId')));
  onCardAction<Data>(app, Verb.handoverAnswer, async (context, data) => {
    const handoverId = text(data, 'handoverId');
    const granted = data.granted === true || data.granted === 'true';
    const { changed } = await answerHandover(deps, actorOf(context), handoverId, text(data, 'contributionId'), granted);
    const { handover, role } = await openHandover(deps, actorOf(context), handoverId);
    return handoverCard(handover, role, changed ? 'Je antwoord is vastgelegd.' : 'Dat was al beantwoord.');
  });
  onCardAction<Data>(app, Verb.handoverComplete, async (context, data) => {
    const handoverId = text(data, 'handoverId');
    const result = await completeHandover(deps, actorOf(context), handoverId);
    tell(result.notifications);
    return show(
      context,
      handoverId,
      result.completed
        ? 'De overdracht is afgerond. De aanmeldende partner heeft wat is afgesproken.'
        : 'De overdracht was al afgerond.',
    );
  });
}
