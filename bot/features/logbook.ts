import type { Application, TurnState } from '@microsoft/teams-ai';
import { Command } from '../../cards/commands.ts';
import { caseLogbookCard, unusualAccessCard } from '../../cards/logbook.card.ts';
import { caseLogbook, unusualAccess } from '../../src/audit/logbook.ts';
import type { BotDeps } from '../deps.ts';
import { registerCommand } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/** `logboek`: the procesmanager's view of the logbook: one case (`logboek ZVH-…`), or who stands out. */
export function registerLogbook(app: Application<TurnState>, deps: BotDeps): void {
  registerCommand(app, Command.logbook, async (context, { reference }) =>
    reference
      ? caseLogbookCard(await caseLogbook(deps, actorOf(context), reference))
      : unusualAccessCard(await unusualAccess(deps, actorOf(context))),
  );
}
