import type { Application, TurnState } from '@microsoft/teams-ai';
import { Command } from '../../cards/commands.ts';
import { formValuesOf } from '../../cards/form.ts';
import { informingDueCard } from '../../cards/lifecycle.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { informingDue, recordInforming } from '../../src/lifecycle/informing.ts';
import type { BotDeps } from '../deps.ts';
import { overviewCard, regieFormAgain } from '../shared/case-views.ts';
import { id, onVerb, registerCommand } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/** `informing.*`: who informs the person, when it happened, and `informeren` for what is still to do. */
export function registerInforming(app: Application<TurnState>, deps: BotDeps): void {
  registerCommand(app, Command.informing, async (context) =>
    informingDueCard(await informingDue(deps, actorOf(context)), deps.figuresTimeZone),
  );
  onVerb(app, Verb.informingRecord, { caseId: id }, async (context, data) => {
    const result = await recordInforming(deps, actorOf(context), data.caseId, formValuesOf(data));
    if (!result.ok) return regieFormAgain(deps, context, 'inform', data.caseId, data, result.errors);
    deps.deliver(result.notifications);
    return overviewCard(deps, context, data.caseId, 'Vastgelegd.');
  });
}
