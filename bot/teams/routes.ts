import type { Application, TurnState } from '@microsoft/teams-ai';
import { CardFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCard } from '../../cards/adaptive.ts';
import { commandPattern, wordsOf, type BotCommand } from '../../cards/commands.ts';
import { withNoticeLine } from '../../cards/pushed.card.ts';
import { formerVerbs, type Verb } from '../../cards/verbs.ts';
import { DomainError, ErrorCode } from '../../src/errors.ts';
import { conversationKind, sendCardActionResponse } from './turn-context.ts';

/** What a handler answers: a card, or a short message. */
export type Reply = AdaptiveCard | string;
type Bot = Application<TurnState>;

// ---- The card boundary: each verb's data is parsed once, before any use case runs.

/** An id a card carries. A malformed one names nothing that exists: the person hears "not found". */
export const id = z.string().uuid();
/** An id that may be absent or empty (a new table, a new aanmelding). */
export const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), id.optional());
/** A yes/no a card sends as a boolean (data) or as text (a toggle input). */
export const flag = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .optional()
  .transform((v) => v === true || v === 'true');
/** Any text a card may send (a choice, a form field); absent and non-text become empty. */
export const text = z.unknown().transform((v) => (typeof v === 'string' ? v : ''));

/**
 * Parses a card's data. Other keys (form fields) pass through untouched: each use case validates its own form,
 * with its messages at the fields. What the shape names must fit it, and arrives parsed (an absent optional id as
 * undefined, a flag as a boolean). A wrong id is answered as not found, anything
 * else as a form that could not be read. The error carries the key, never the value.
 */
function parseData<S extends z.ZodRawShape>(shape: S, data: unknown) {
  const parsed = z
    .object(shape)
    .passthrough()
    .safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? 'data');
  // Ids are named `…Id` throughout the cards: one that is missing or malformed names nothing that exists.
  throw new DomainError(
    /(^id|Id)$/.test(field) ? ErrorCode.NotFound : ErrorCode.Invalid,
    'Card data does not fit its verb',
    { field },
  );
}

export type VerbData<S extends z.ZodRawShape> = ReturnType<typeof parseData<S>>;

/**
 * Registers an Action.Execute verb whose answer replaces the card for the person who clicked only. The answer
 * goes out as our own invoke response: teams-ai would otherwise switch a verb whose card has `refresh` to
 * "replace for all" for good, editing the shared message on every (automatic) refresh, which Teams answers with
 * more refreshes (docs/teams-platform.md#the-refresh-trap). Shared messages are edited only where their shared content changed,
 * by the feature that changed it. The verb's former spelling, if it had one, is answered the same way.
 */
export function onVerb<S extends z.ZodRawShape>(
  app: Bot,
  verb: Verb,
  shape: S,
  handler: (context: TurnContext, data: VerbData<S>) => Promise<Reply>,
): void {
  const names = [verb, ...Object.keys(formerVerbs).filter((former) => formerVerbs[former] === verb)];
  for (const name of names) {
    app.adaptiveCards.actionExecute<Record<string, unknown>>(name, async (context, _state, data) => {
      const result = await handler(context, parseData(shape, data));
      const shown = typeof result === 'string' ? result : withNoticeLine(result, data?.notice);
      await sendCardActionResponse(context, typeof shown === 'string' ? { message: shown } : { card: shown });
      return shown;
    });
  }
}

// ---- Typed commands.

export interface CommandInput {
  /** The case reference typed after the command (`casus ZVH-2026-0001`), upper case. */
  reference?: string;
  /** The data of the command's button; empty when typed. */
  data: Record<string, unknown>;
}

/** Sends a reply as a new message in the conversation the turn came from. */
export async function send(context: TurnContext, reply: Reply): Promise<void> {
  await context.sendActivity(typeof reply === 'string' ? reply : { attachments: [CardFactory.adaptiveCard(reply)] });
}

/**
 * Wires a command of the registry (cards/commands.ts): the typed words, and its button if it has one, to one
 * handler. A command whose answer names people or cases answers in personal chat only: in a channel or group
 * chat everyone would read it, so there the person hears where to type it.
 */
export function registerCommand(
  app: Bot,
  command: BotCommand,
  handler: (context: TurnContext, input: CommandInput) => Promise<Reply>,
): void {
  app.message(commandPattern(command), async (context) => {
    if (command.personalOnly && conversationKind(context.activity) !== 'personal') {
      const typed = command.reference === 'optional' ? wordsOf(command)[0] : command.title;
      await context.sendActivity(
        `Dat doe je in een persoonlijke chat met mij: typ daar "${typed}". Hier lezen anderen mee.`,
      );
      return;
    }
    const reference = /ZVH-\d{4}-\d{1,6}/i.exec(context.activity.text ?? '')?.[0].toUpperCase();
    await send(context, await handler(context, { reference, data: {} }));
  });
  if (command.button) onVerb(app, command.button, {}, (context, data) => handler(context, { data }));
}
