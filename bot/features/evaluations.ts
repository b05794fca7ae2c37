import type { Application, TurnState } from '@microsoft/teams-ai';
import { formValuesOf } from '../../cards/form.ts';
import { caseOverviewCard, regieNoticeCard } from '../../cards/lifecycle.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { remindEvaluations, submitEvaluation } from '../../src/lifecycle/closure.ts';
import { caseOverview } from '../../src/lifecycle/regie.ts';
import type { BotDeps } from '../deps.ts';
import { overviewCard, regieFormAgain } from '../shared/case-views.ts';
import { id, onVerb } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/** `evaluation.*`: each involved organisation evaluates a closed case; the procesmanager reminds once. */
export function registerEvaluations(app: Application<TurnState>, deps: BotDeps): void {
  onVerb(app, Verb.evaluationSubmit, { caseId: id }, async (context, data) => {
    const result = await submitEvaluation(deps, actorOf(context), data.caseId, formValuesOf(data));
    if (result.ok)
      return overviewCard(deps, context, data.caseId, 'Dank je wel: de evaluatie van jouw organisatie is opgeslagen.');
    if ('answeredBy' in result)
      return overviewCard(
        deps,
        context,
        data.caseId,
        `${result.answeredBy} heeft al geëvalueerd namens jouw organisatie.`,
      );
    return regieFormAgain(deps, context, 'evaluate', data.caseId, data, result.errors);
  });
  onVerb(app, Verb.evaluationRemind, { caseId: id }, async (context, { caseId }) => {
    const result = await remindEvaluations(deps, actorOf(context), caseId);
    deps.deliver(result.notifications);
    const v = await caseOverview(deps, actorOf(context), caseId);
    return result.reminded
      ? caseOverviewCard(v, { text: 'De herinnering is verstuurd.' })
      : regieNoticeCard(
          caseId,
          v.case.reference,
          'Er is al een herinnering verstuurd; er gaat er maar één.',
          'Warning',
        );
  });
}
