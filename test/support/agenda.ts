import { Verb } from '../../cards/verbs.ts';
import { processManager, type TestUser } from './bot.ts';

type Bot = {
  click(user: TestUser, verb: string, data?: Record<string, unknown>): Promise<{ body: { value: unknown } }>;
};
type Button = { type?: string; title?: string; verb?: string; data?: Record<string, unknown> };

/** Every Action.Execute on a card, in its body's action sets and show cards too. */
export function buttonsOf(node: unknown): Button[] {
  if (Array.isArray(node)) return node.flatMap(buttonsOf);
  if (!node || typeof node !== 'object') return [];
  const own = (node as Button).type === 'Action.Execute' ? [node as Button] : [];
  return [...own, ...Object.values(node).flatMap(buttonsOf)];
}

/**
 * "Nu publiceren" as the procesmanager clicks it on the draft card they just opened (it carries the draft shown);
 * with the button's data, to click it again.
 */
export async function publishAgenda(bot: Bot, sessionId: string, user: TestUser = processManager) {
  const { body } = await bot.click(user, Verb.agendaShow, { sessionId });
  const button = buttonsOf(body.value).find((b) => b.title === 'Nu publiceren');
  if (!button) throw new Error(`no "Nu publiceren" on the draft: ${JSON.stringify(body.value).slice(0, 300)}`);
  const { verb: _verb, ...data } = button.data ?? {};
  return { ...(await bot.click(user, Verb.agendaPublish, data)), data };
}
