import type { TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { registrationRequestedCard, strangerCard } from '../../cards/members.card.ts';
import { Verb } from '../../cards/verbs.ts';
import type { Clock } from '../../src/clock.ts';
import type { Db } from '../../src/db/client.ts';
import type { Logger } from '../../src/logger.ts';
import { processManagerNames } from '../../src/members/identify-actor.ts';
import { requestRegistration } from '../../src/members/registration.ts';
import type { Outbox } from '../deps.ts';
import {
  isCardAction,
  isMessageExtension,
  sendCardActionResponse,
  sendNoMessageExtensionResults,
} from '../teams/turn-context.ts';

type Deps = { db: Db; log: Logger; clock: Clock; outbox: Pick<Outbox, 'wake'> };

/** The verb of a card action, if this is one. */
function verbOf(context: TurnContext): string | undefined {
  const value = context.activity.value as { action?: { verb?: unknown } } | undefined;
  return typeof value?.action?.verb === 'string' ? value.action.verb : undefined;
}

/**
 * What someone who is not a member gets: a card that says so, with *Registratie aanvragen*. That button asks
 * every procesmanager (once, however often it is clicked) and says it was sent; nothing else is answered.
 */
export async function answerStranger(deps: Deps, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const aadObjectId = activity.from?.aadObjectId;
  if (isCardAction(activity) && verbOf(context) === Verb.memberRequest && aadObjectId) {
    const { requestId, notifications } = await requestRegistration(deps, {
      aadObjectId,
      teamsName: activity.from?.name ?? '',
    });
    deps.log.info({ requestId, created: requestId !== undefined }, 'registration requested');
    if (notifications.length) deps.outbox.wake();
    await sendCardActionResponse(context, { card: registrationRequestedCard() });
    return;
  }
  // A search or a pasted link: the same empty answer a reference that does not exist gets.
  if (isMessageExtension(activity)) return sendNoMessageExtensionResults(context);
  const names = await processManagerNames(deps.db);
  const whom = names.length
    ? `de procesmanager (${names.join(', ')})`
    : 'de procesmanager van het Zorg- en Veiligheidshuis';
  // Without an object id (an odd client) there is nothing to register: no button.
  const card = strangerCard(whom, { mayRequest: aadObjectId !== undefined });
  if (isCardAction(activity)) await sendCardActionResponse(context, { card });
  else if (activity.type === ActivityTypes.Message)
    await context.sendActivity({
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });
}
