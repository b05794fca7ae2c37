import type { Application, TurnState } from '@microsoft/teams-ai';
import { Command } from '../../cards/commands.ts';
import { shadowListCard } from '../../cards/lifecycle.card.ts';
import { canManageCase } from '../../src/access/case-access.ts';
import { shadowListFor } from '../../src/lifecycle/regie.ts';
import type { BotDeps } from '../deps.ts';
import { registerCommand } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/** `shadowList.*`: `schaduwlijst`, all of it for the procesmanager, a regisseur's own cases for them. */
export function registerShadowList(app: Application<TurnState>, deps: BotDeps): void {
  registerCommand(app, Command.shadowList, async (context) => {
    const actor = actorOf(context);
    return shadowListCard(await shadowListFor(deps, actor), canManageCase(actor) ? 'all' : 'mine');
  });
}
