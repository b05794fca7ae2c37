import type { TurnContext } from 'botbuilder';
import type { FieldErrors, FormValues } from '../../cards/form.ts';
import { sessionsCard } from '../../cards/tables.card.ts';
import { tableSessions } from '../../src/conferences/table-views.ts';
import type { BotDeps } from '../deps.ts';
import { actorOf } from '../teams/turn-context.ts';

/** The coming meetings of a table, as the procesmanager moves, cancels and adds them. */
export async function sessionListCard(
  deps: BotDeps,
  context: TurnContext,
  tableId: string,
  options: { notice?: string; errors?: FieldErrors; values?: FormValues } = {},
) {
  const { table, sessions } = await tableSessions(deps, actorOf(context), tableId);
  return sessionsCard({ table, ...options, sessions });
}
