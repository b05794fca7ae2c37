import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { decisionRecordedCard } from '../../cards/cases.card.ts';
import { formValuesOf } from '../../cards/form.ts';
import { Verb } from '../../cards/verbs.ts';
import { assertCan } from '../../src/access/policy.ts';
import { openCase } from '../../src/cases/view-cases.ts';
import { decideScreening, type ScreeningDecision } from '../../src/screening/decide-screening.ts';
import { deliverNotifications } from '../shared/notifications.ts';
import { onCardAction } from '../teams/card-action.ts';
import type { BotDeps } from '../deps.ts';
import { screeningCardFor } from '../shared/screening-view.ts';
import { actorOf } from '../teams/turn-context.ts';

type Data = Record<string, unknown>;
const caseIdOf = (data: Data) => (typeof data.caseId === 'string' ? data.caseId : '');

export function registerScreening(app: Application<TurnState>, deps: BotDeps): void {
  const show = async (context: TurnContext, caseId: string) => {
    const actor = actorOf(context);
    assertCan(actor, 'screening.decide');
    return screeningCardFor(deps, { case: await openCase(deps.db, actor, caseId, 'screening') });
  };
  onCardAction<Data>(app, Verb.screeningShow, async (context, data) => show(context, caseIdOf(data)));

  const decide = (decision: ScreeningDecision['decision']) => async (context: TurnContext, data: Data) => {
    const actor = actorOf(context);
    const caseId = caseIdOf(data);
    const result = await decideScreening(deps, actor, caseId, { ...data, decision });
    if (result.ok) {
      deps.log.info({ caseId, status: result.case.status }, 'screening decided');
      deps.background.run('case notifications', () => deliverNotifications(deps, result.notifications));
      return decisionRecordedCard(result.case);
    }
    if ('alreadyDecided' in result)
      return screeningCardFor(deps, { case: result.alreadyDecided, alreadyDecided: true });
    return screeningCardFor(deps, {
      case: await openCase(deps.db, actor, caseId, 'screening'),
      values: formValuesOf(data),
      errors: result.errors,
    });
  };
  onCardAction<Data>(app, Verb.screeningAccept, decide('accept'));
  onCardAction<Data>(app, Verb.screeningReject, decide('reject'));
  onCardAction<Data>(app, Verb.screeningAskInfo, decide('askInfo'));
}
