import type { Application, TurnState } from '@microsoft/teams-ai';
import { casesCard } from '../../cards/cases.card.ts';
import { Command } from '../../cards/commands.ts';
import { deletedCaseCard, myCasesCard } from '../../cards/lifecycle.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { listCasesFor } from '../../src/cases/view-cases.ts';
import { caseByReference, myCases } from '../../src/lifecycle/regie.ts';
import type { BotDeps } from '../deps.ts';
import { overviewCard } from '../shared/case-views.ts';
import { id, onVerb, registerCommand } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/** `case.*`: `casussen`, `mijn casussen`, and one case by its reference (`casus ZVH-…`) or its *Openen*. */
export function registerCases(app: Application<TurnState>, deps: BotDeps): void {
  registerCommand(app, Command.cases, async (context, { data }) => {
    // The button sends the page asked for and the search typed; typed, the command starts at the first page.
    const page = Number(data.page);
    const search = typeof data.search === 'string' ? data.search : undefined;
    return casesCard(
      await listCasesFor(deps.db, actorOf(context), { page: Number.isInteger(page) ? page : 0, search }),
    );
  });
  registerCommand(app, Command.myCases, async (context) => myCasesCard(await myCases(deps, actorOf(context))));

  // The case card, or when its data were deleted, since when.
  registerCommand(app, Command.case, async (context, { reference }) => {
    const found = await caseByReference(deps, actorOf(context), reference!);
    return found.kind === 'deleted'
      ? deletedCaseCard(reference!, found.deletedAt, deps.figuresTimeZone)
      : overviewCard(deps, context, found.caseId);
  });
  onVerb(app, Verb.caseOverview, { caseId: id }, (context, { caseId }) => overviewCard(deps, context, caseId));
}
