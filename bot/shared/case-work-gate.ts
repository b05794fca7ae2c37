import { ActivityTypes, type TurnContext } from 'botbuilder';
import { worksOnCases } from '../../src/access/case-access.ts';
import { lookupAttempt } from '../../src/cases/view-cases.ts';
import { recordRefusal, type Attempt } from '../../src/access/refusals.ts';
import type { Db } from '../../src/db/client.ts';
import { forbidden } from '../../src/errors.ts';
import { commandTyped, openToAll } from '../../cards/commands.ts';
import { userMessageFor } from '../teams/error-messages.ts';
import {
  actorIfKnown,
  isCardAction,
  isMessageExtension,
  sendCardActionResponse,
  sendNoMessageExtensionResults,
} from '../teams/turn-context.ts';

/** The verb of a card action, or the command typed: what a refusal records as tried (never what was typed). */
export function attemptedIn(context: TurnContext): string {
  const activity = context.activity;
  // The names the message extension's own refusals carry (src/cases/view-cases.ts).
  if (isMessageExtension(activity))
    return activity.name === 'composeExtension/queryLink' ? lookupAttempt.link : lookupAttempt.search;
  if (activity.type === ActivityTypes.Invoke)
    return String(
      (activity.value as { action?: { verb?: string } } | undefined)?.action?.verb ?? activity.name ?? 'invoke',
    );
  return commandTyped(activity.text ?? '')?.title ?? 'onbekende opdracht';
}

/** What a refusal records of the turn: what was tried, and the ids of the button or the typed reference that say which case it aimed at. */
export function attemptOf(context: TurnContext): Attempt {
  const activity = context.activity;
  const data =
    activity.type === ActivityTypes.Invoke
      ? (activity.value as { action?: { data?: unknown } } | undefined)?.action?.data
      : undefined;
  const reference =
    activity.type === ActivityTypes.Message ? /ZVH-\d{4}-\d{1,6}/i.exec(activity.text ?? '')?.[0] : undefined;
  return {
    name: attemptedIn(context),
    ...(data && typeof data === 'object' ? { data: data as Record<string, unknown> } : {}),
    ...(reference ? { reference } : {}),
  };
}

/**
 * Runs after identification: a member whose role works on no case reaches the commands for all (help and the
 * figures, cards/commands.ts) only. Every other
 * command and button, the ones that exist now and any added later, is refused here before a handler runs, and
 * the refusal is logged. (Each case rule in src/access refuses them as well.)
 */
export function createCaseWorkGate(deps: { db: Db }) {
  return async function gate(context: TurnContext): Promise<boolean> {
    const actor = actorIfKnown(context);
    const activity = context.activity;
    if (!actor || worksOnCases(actor)) return true;
    if (activity.type !== ActivityTypes.Message && activity.type !== ActivityTypes.Invoke) return true;
    if (activity.type === ActivityTypes.Message && openToAll({ text: activity.text ?? '' })) return true;
    if (isCardAction(activity) && openToAll({ verb: attemptedIn(context) })) return true;
    const refusal = forbidden('cases.work', 'Role works on no case');
    await recordRefusal(deps.db, actor, refusal, attemptOf(context));
    const message = userMessageFor(refusal);
    if (isCardAction(activity)) await sendCardActionResponse(context, { message });
    else if (isMessageExtension(activity)) await sendNoMessageExtensionResults(context);
    else if (activity.type === ActivityTypes.Message) await context.sendActivity(message);
    else await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
    return false;
  };
}
