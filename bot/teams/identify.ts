import { ActivityTypes, TurnContext } from 'botbuilder';
import { saveConversation } from '../../src/conversations/conversation-ref.repository.ts';
import type { Db } from '../../src/db/client.ts';
import { identifyActor, processManagerNames } from '../../src/members/identify-actor.ts';
import type { Logger } from '../../src/logger.ts';
import type { Clock } from '../../src/clock.ts';
import type { Outbox } from '../deps.ts';
import {
  channelOf,
  conversationKind,
  teamsChannelData,
  isCardAction,
  sendCardActionResponse,
  setActor,
} from './turn-context.ts';

/**
 * Runs before every turn: refuses other tenants, remembers where the bot can post later, and lets
 * through only registered members (everyone may receive the welcome on install).
 */
export function createIdentifyStep(
  deps: { db: Db; log: Logger; allowedTenantIds: string[]; clock: Clock } & { outbox: Pick<Outbox, 'wake'> },
) {
  return async function identify(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    const tenantId = activity.conversation?.tenantId ?? teamsChannelData(activity).tenant?.id;
    if (deps.allowedTenantIds.length && !deps.allowedTenantIds.includes(tenantId ?? '')) {
      deps.log.warn({ activityType: activity.type }, 'activity from a tenant that is not allowed: ignored');
      return false;
    }
    await rememberConversation(deps.db, context);
    if (activity.type !== ActivityTypes.Message && activity.type !== ActivityTypes.Invoke) return true;

    const actor = await identifyActor(
      deps.db,
      { aadObjectId: activity.from?.aadObjectId, teamsUserId: activity.from?.id },
      { now: deps.clock.now(), onMessagesReleased: () => deps.outbox.wake() },
    );
    if (actor) {
      setActor(context, actor);
      return true;
    }
    const names = await processManagerNames(deps.db);
    const whom = names.length
      ? `de procesmanager (${names.join(', ')})`
      : 'de procesmanager van het Zorg- en Veiligheidshuis';
    const message = `Je bent nog niet geregistreerd als lid van het casusoverleg, dus ik kan je niet verder helpen. Vraag ${whom} om je te registreren bij jouw organisatie.`;
    if (isCardAction(activity)) await sendCardActionResponse(context, { message });
    else if (activity.type === ActivityTypes.Message) await context.sendActivity(message);
    return false;
  };
}

async function rememberConversation(db: Db, context: TurnContext): Promise<void> {
  const activity = context.activity;
  if (!activity.conversation?.id || !activity.serviceUrl) return;
  const kind = conversationKind(activity);
  const reference = TurnContext.getConversationReference(activity);
  // A channel reply thread is "<channel>;messageid=<post>": keep the channel, so later posts start new threads.
  const conversationId = channelOf(activity);
  await saveConversation(db, {
    conversationId,
    kind,
    aadObjectId: kind === 'personal' ? activity.from?.aadObjectId : undefined,
    teamId: teamsChannelData(activity).team?.id,
    channelId: teamsChannelData(activity).channel?.id,
    reference: { ...reference, conversation: { ...reference.conversation, id: conversationId } },
  });
}
