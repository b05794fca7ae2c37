import type { Application, TurnState } from '@microsoft/teams-ai';
import { formValuesOf } from '../../cards/form.ts';
import { Verb } from '../../cards/verbs.ts';
import { changeDirector, propose, putBackOnAgenda, recordProgress } from '../../src/lifecycle/regie.ts';
import { pullBackFromShadowList } from '../../src/lifecycle/shadow-list.ts';
import type { BotDeps } from '../deps.ts';
import { overviewCard, regieFormAgain } from '../shared/case-views.ts';
import { id, onVerb, text } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

const proposed = {
  closure: 'De casus is afgesloten. De betrokken organisaties krijgen een evaluatie.',
  shadowList: 'De casus staat op de schaduwlijst; de datum waarop hij terugkomt staat hieronder.',
  waiting: 'Je voorstel ligt bij de procesmanager. Je hoort wat die besluit.',
};

/** `regie.*`: the buttons of the case card for the casusregisseur (and the procesmanager). */
export function registerRegie(app: Application<TurnState>, deps: BotDeps): void {
  const form = { caseId: id };
  onVerb(app, Verb.regieProgress, { ...form, submissionId: text }, async (context, data) => {
    const result = await recordProgress(deps, actorOf(context), data.caseId, formValuesOf(data), data.submissionId);
    if (!result.ok) return regieFormAgain(deps, context, 'progress', data.caseId, data, result.errors);
    const notice = 'Je voortgang is opgeslagen. De betrokken organisaties zien hem bij de casus.';
    return overviewCard(deps, context, data.caseId, notice);
  });
  onVerb(app, Verb.regieBackOnAgenda, form, async (context, data) => {
    const result = await putBackOnAgenda(deps, actorOf(context), data.caseId, formValuesOf(data));
    if (!result.ok) return regieFormAgain(deps, context, 'backOnAgenda', data.caseId, data, result.errors);
    deps.deliver(result.notifications);
    return overviewCard(deps, context, data.caseId, 'De casus staat weer op de agenda.');
  });
  onVerb(app, Verb.regiePropose, { ...form, kind: text }, async (context, data) => {
    const result = await propose(deps, actorOf(context), data.caseId, formValuesOf(data));
    if (!result.ok) return regieFormAgain(deps, context, 'propose', data.caseId, data, result.errors);
    deps.deliver(result.notifications);
    const notice = !result.applied
      ? proposed.waiting
      : data.kind === 'closure'
        ? proposed.closure
        : proposed.shadowList;
    return overviewCard(deps, context, data.caseId, notice);
  });
  onVerb(app, Verb.regieChangeDirector, form, async (context, data) => {
    const result = await changeDirector(deps, actorOf(context), data.caseId, formValuesOf(data));
    if (!result.ok) return regieFormAgain(deps, context, 'changeDirector', data.caseId, data, result.errors);
    deps.deliver(result.notifications);
    const notice = result.changed
      ? 'De casusregisseur is gewijzigd; de oude en de nieuwe regisseur zijn op de hoogte gebracht.'
      : 'Dat is al de casusregisseur.';
    return overviewCard(deps, context, data.caseId, notice);
  });
  onVerb(app, Verb.regiePullBack, form, async (context, { caseId }) => {
    const result = await pullBackFromShadowList(deps, actorOf(context), caseId);
    deps.deliver(result.notifications);
    const notice =
      'De casus is teruggehaald van de schaduwlijst en staat op de agenda van het eerstvolgende overleg met ruimte.';
    return overviewCard(deps, context, caseId, notice);
  });
}
