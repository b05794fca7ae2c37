import type { Application, TurnState } from '@microsoft/teams-ai';
import { decisionRecordedCard } from '../../cards/cases.card.ts';
import { formValuesOf } from '../../cards/form.ts';
import { Verb } from '../../cards/verbs.ts';
import { decideScreening, type ScreeningDecision } from '../../src/screening/decide-screening.ts';
import { openScreening } from '../../src/screening/screening-view.ts';
import type { BotDeps } from '../deps.ts';
import { screeningCardFor } from '../shared/screening-view.ts';
import { id, onVerb } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/** `screening.*`: the procesmanager accepts, rejects or asks about an aanmelding. */
export function registerScreening(app: Application<TurnState>, deps: BotDeps): void {
  onVerb(app, Verb.screeningShow, { caseId: id }, async (context, { caseId }) =>
    screeningCardFor(deps, await openScreening(deps, actorOf(context), caseId)),
  );

  const decide = (decision: ScreeningDecision['decision']) =>
    onVerb(app, screeningVerbs[decision], { caseId: id }, async (context, data) => {
      const actor = actorOf(context);
      const result = await decideScreening(deps, actor, data.caseId, { ...data, decision });
      if (result.ok) {
        deps.log.info({ caseId: data.caseId, status: result.case.status }, 'screening decided');
        deps.deliver(result.notifications);
        return decisionRecordedCard(result.case, deps.figuresTimeZone);
      }
      if ('alreadyDecided' in result)
        return screeningCardFor(deps, { case: result.alreadyDecided, alreadyDecided: true });
      const again = await openScreening(deps, actor, data.caseId);
      return screeningCardFor(deps, { ...again, values: formValuesOf(data), errors: result.errors });
    });
  decide('accept');
  decide('reject');
  decide('askInfo');
}

const screeningVerbs = {
  accept: Verb.screeningAccept,
  reject: Verb.screeningReject,
  askInfo: Verb.screeningAskInfo,
} as const;
