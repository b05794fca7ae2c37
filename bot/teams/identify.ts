import { ActivityTypes, TurnContext } from 'botbuilder';
import type { SavedConversation } from '../../src/conversations/conversation-ref.repository.ts';
import type { Db } from '../../src/db/client.ts';
import { identifyTurn } from '../../src/members/identify-actor.ts';
import { answerStranger } from '../shared/stranger.ts';
import type { Logger } from '../../src/logger.ts';
import type { Clock } from '../../src/clock.ts';
import type { Outbox } from '../deps.ts';
import { channelOf, conversationKind, isMessageExtension, teamsChannelData, setActor } from './turn-context.ts';

/**
 * Runs before every turn: refuses other tenants, remembers where the bot can post later, and lets
 * through only registered members (everyone may receive the welcome on install).
 */
export function createIdentifyStep(
  deps: { db: Db; log: Logger; allowedTenantIds: string[]; clock: Clock; networkTenantId?: string } & {
    outbox: Pick<Outbox, 'wake'>;
  },
) {
  return async function identify(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    const tenantId = activity.conversation?.tenantId ?? teamsChannelData(activity).tenant?.id;
    if (deps.allowedTenantIds.length && !deps.allowedTenantIds.includes(tenantId ?? '')) {
      deps.log.warn({ activityType: activity.type }, 'activity from a tenant that is not allowed: ignored');
      return false;
    }
    const conversation = conversationOf(context);
    if (activity.type !== ActivityTypes.Message && activity.type !== ActivityTypes.Invoke) {
      if (conversation) await identifyTurn(deps.db, { conversation });
      return true;
    }
    const actor = await identifyTurn(
      deps.db,
      {
        user: { aadObjectId: activity.from?.aadObjectId, teamsUserId: activity.from?.id },
        ...(conversation ? { conversation } : {}),
      },
      {
        now: deps.clock.now(),
        onMessagesReleased: () => deps.outbox.wake(),
        // Member records hold no tenant: a turn from another tenant than the network's is a guest's.
        guest: Boolean(deps.networkTenantId && tenantId && tenantId !== deps.networkTenantId),
      },
    );
    if (actor) {
      setActor(context, actor);
      return true;
    }
    await answerStranger(deps, context);
    return false;
  };
}

/** Where the bot can post later: the conversation of this turn (never that of a message extension), as the reference Bot Framework continues it from. */
function conversationOf(context: TurnContext): SavedConversation | undefined {
  const activity = context.activity;
  if (!activity.conversation?.id || !activity.serviceUrl) return undefined;
  // A message extension works in any chat, also one the bot is not in (a 1:1 chat between two colleagues is
  // "personal" too): saving it would send the bot's own messages to a chat it cannot post in.
  if (isMessageExtension(activity)) return undefined;
  const kind = conversationKind(activity);
  // The id of this one message is of no use later, and would make every turn's reference differ from the stored one.
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
  // A channel reply thread is "<channel>;messageid=<post>": keep the channel, so later posts start new threads.
  const conversationId = channelOf(activity);
  return {
    conversationId,
    kind,
    ...(kind === 'personal' && activity.from?.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}),
    ...(teamsChannelData(activity).team?.id ? { teamId: teamsChannelData(activity).team!.id! } : {}),
    ...(teamsChannelData(activity).channel?.id ? { channelId: teamsChannelData(activity).channel!.id! } : {}),
    reference: { ...reference, conversation: { ...reference.conversation, id: conversationId } },
  };
}
