import { ActivityTypes, INVOKE_RESPONSE_KEY, TurnContext, type Activity } from 'botbuilder';
import type { Actor } from '../../src/actor.ts';
import type { ConversationKind } from '../../src/conversations/conversation-ref.repository.ts';

const actorKey = Symbol('casusbot.actor');

export function setActor(context: TurnContext, actor: Actor): void {
  context.turnState.set(actorKey, actor);
}

/** The registered member behind this turn. The identify step guarantees one for messages and invokes. */
export function actorOf(context: TurnContext): Actor {
  const actor = context.turnState.get<Actor | undefined>(actorKey);
  if (!actor) throw new Error('No actor on this turn: the identify step did not run');
  return actor;
}

/** The actor when the identify step found one (a refused stranger has none). */
export function actorIfKnown(context: TurnContext): Actor | undefined {
  return context.turnState.get<Actor | undefined>(actorKey);
}

/** What Teams puts in `channelData`, as far as the bot reads it. */
export interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string };
  channel?: { id?: string };
  meeting?: { id?: string };
}

export function teamsChannelData(activity: Partial<Activity>): TeamsChannelData {
  return (activity.channelData ?? {}) as TeamsChannelData;
}

export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  return 'personal';
}

export function isCardAction(activity: Partial<Activity>): boolean {
  return activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action';
}

/** A message extension's question: a search in the compose box, or a link pasted there. */
export function isMessageExtension(activity: Partial<Activity>): boolean {
  return activity.type === ActivityTypes.Invoke && (activity.name ?? '').startsWith('composeExtension/');
}

/**
 * The message extension's answer when there is nothing to show: an empty list. A stranger, someone whose role
 * works on no case, and a reference that names nothing this person may see all get exactly this.
 */
export async function sendNoMessageExtensionResults(context: TurnContext): Promise<void> {
  const body = { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };
  const response = { type: ActivityTypes.InvokeResponse, value: { status: 200, body } };
  await context.sendActivity(response);
  context.turnState.set(INVOKE_RESPONSE_KEY, response);
}

/** Answers an Action.Execute with a card (replacing the clicked card) or a short message. */
export async function sendCardActionResponse(
  context: TurnContext,
  body: { card: object } | { message: string },
): Promise<void> {
  const value =
    'card' in body
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: body.card }
      : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: body.message };
  const response = { type: ActivityTypes.InvokeResponse, value: { status: 200, body: value } };
  await context.sendActivity(response);
  // CloudAdapter records the answer itself; recording it here too makes every adapter (TestAdapter
  // included) tell teams-ai that this invoke is answered, so it never sends a second answer of its own.
  context.turnState.set(INVOKE_RESPONSE_KEY, response);
}

/** The conversation a channel post or reply came from, without the reply thread ("<channel>;messageid=<post>"). */
export function channelOf(activity: Partial<Activity>): string {
  return (activity.conversation?.id ?? '').split(';')[0]!;
}
