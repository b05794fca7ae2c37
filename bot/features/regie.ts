import { CardFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { formValuesOf } from '../../cards/form.ts';
import {
  caseOverviewCard,
  deletedCaseCard,
  informingDueCard,
  myCasesCard,
  proposalCard,
  regieFormCard,
  regieNoticeCard,
  shadowListCard,
  type RegieForm,
  type RegieFormContext,
} from '../../cards/lifecycle.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { canManageCase } from '../../src/access/case-access.ts';
import { remindEvaluations, submitEvaluation } from '../../src/lifecycle/closure.ts';
import {
  caseByReference,
  caseOverview,
  changeDirector,
  decideProposal,
  myCases,
  openProposal,
  propose,
  putBackOnAgenda,
  recordProgress,
  shadowListFor,
  type CaseOverview,
} from '../../src/lifecycle/regie.ts';
import { pullBackFromShadowList } from '../../src/lifecycle/shadow-list.ts';
import { informingDue, recordInforming } from '../../src/lifecycle/informing.ts';
import type { Notification } from '../../src/notify/notification.ts';
import { onCardAction } from '../teams/card-action.ts';
import type { BotDeps } from '../deps.ts';
import { deliverNotifications } from '../shared/notifications.ts';
import { actorOf, inPersonalChat } from '../teams/turn-context.ts';

type Data = Record<string, unknown>;
const text = (data: Data, key: string) => (typeof data[key] === 'string' ? data[key] : '');

const formContext = (v: CaseOverview): RegieFormContext => ({
  caseId: v.case.id,
  reference: v.case.reference,
  manager: v.may.manage,
  status: v.case.status,
  candidates: v.directorCandidates.map((m) => ({
    id: m.id,
    name: m.displayName,
    organisationName: m.organisationName,
  })),
});

/** Regie after the decision: mijn casussen, the case card with its buttons, the schaduwlijst, proposals and evaluations. */
export function registerRegie(app: Application<TurnState>, deps: BotDeps): void {
  const tell = (notifications: Notification[]) =>
    deps.background.run('regie notifications', () => deliverNotifications(deps, notifications));
  const overview = async (context: TurnContext, caseId: string, notice?: string) =>
    caseOverviewCard(await caseOverview(deps, actorOf(context), caseId), notice ? { text: notice } : undefined);
  /** A form that came back with errors is shown on its own, with what was typed. */
  const formAgain = async (
    context: TurnContext,
    form: RegieForm,
    caseId: string,
    data: Data,
    errors: Record<string, string>,
  ) => regieFormCard(form, formContext(await caseOverview(deps, actorOf(context), caseId)), formValuesOf(data), errors);

  app.message(/^\s*mijn casussen\s*$/i, async (context) => {
    if (!(await inPersonalChat(context, 'mijn casussen'))) return;
    await context.sendActivity({
      attachments: [CardFactory.adaptiveCard(myCasesCard(await myCases(deps, actorOf(context))))],
    });
  });
  onCardAction(app, Verb.casesMine, async (context) => myCasesCard(await myCases(deps, actorOf(context))));

  const shadowList = async (context: TurnContext) =>
    shadowListCard(await shadowListFor(deps, actorOf(context)), canManageCase(actorOf(context)) ? 'all' : 'mine');
  app.message(/^\s*schaduwlijst\s*$/i, async (context) => {
    if (!(await inPersonalChat(context, 'schaduwlijst'))) return;
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await shadowList(context))] });
  });
  onCardAction(app, Verb.shadowList, shadowList);

  // `casus ZVH-2026-0001`: the case card, or when its data were deleted, since when.
  app.message(/^\s*casus\s+(ZVH-\d{4}-\d{1,6})\s*$/i, async (context) => {
    if (!(await inPersonalChat(context, 'casus ZVH-…'))) return;
    const reference = /ZVH-\d{4}-\d{1,6}/i.exec(context.activity.text ?? '')![0].toUpperCase();
    const found = await caseByReference(deps, actorOf(context), reference);
    const shown =
      found.kind === 'deleted' ? deletedCaseCard(reference, found.deletedAt) : await overview(context, found.caseId);
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(shown)] });
  });
  onCardAction<Data>(app, Verb.caseOverview, async (context, data) => overview(context, text(data, 'caseId')));

  onCardAction<Data>(app, Verb.regieProgress, async (context, data) => {
    const caseId = text(data, 'caseId');
    const result = await recordProgress(deps, actorOf(context), caseId, formValuesOf(data), text(data, 'submissionId'));
    return result.ok
      ? overview(context, caseId, 'Je voortgang is opgeslagen. De betrokken organisaties zien hem bij de casus.')
      : formAgain(context, 'progress', caseId, data, result.errors);
  });
  onCardAction<Data>(app, Verb.regieBackOnAgenda, async (context, data) => {
    const caseId = text(data, 'caseId');
    const result = await putBackOnAgenda(deps, actorOf(context), caseId, formValuesOf(data));
    if (!result.ok) return formAgain(context, 'backOnAgenda', caseId, data, result.errors);
    tell(result.notifications);
    return overview(context, caseId, 'De casus staat weer op de agenda.');
  });
  onCardAction<Data>(app, Verb.regiePropose, async (context, data) => {
    const caseId = text(data, 'caseId');
    const result = await propose(deps, actorOf(context), caseId, formValuesOf(data));
    if (!result.ok) return formAgain(context, 'propose', caseId, data, result.errors);
    tell(result.notifications);
    const done =
      text(data, 'kind') === 'closure'
        ? 'De casus is afgesloten. De betrokken organisaties krijgen een evaluatie.'
        : 'De casus staat op de schaduwlijst; de datum waarop hij terugkomt staat hieronder.';
    return overview(
      context,
      caseId,
      result.applied ? done : 'Je voorstel ligt bij de procesmanager. Je hoort wat die besluit.',
    );
  });
  onCardAction<Data>(app, Verb.regieChangeDirector, async (context, data) => {
    const caseId = text(data, 'caseId');
    const result = await changeDirector(deps, actorOf(context), caseId, formValuesOf(data));
    if (!result.ok) return formAgain(context, 'changeDirector', caseId, data, result.errors);
    tell(result.notifications);
    return overview(
      context,
      caseId,
      result.changed
        ? 'De casusregisseur is gewijzigd; de oude en de nieuwe regisseur zijn op de hoogte gebracht.'
        : 'Dat is al de casusregisseur.',
    );
  });
  onCardAction<Data>(app, Verb.regiePullBack, async (context, data) => {
    const caseId = text(data, 'caseId');
    const result = await pullBackFromShadowList(deps, actorOf(context), caseId);
    tell(result.notifications);
    return overview(
      context,
      caseId,
      'De casus is teruggehaald van de schaduwlijst en staat op de agenda van het eerstvolgende overleg met ruimte.',
    );
  });

  onCardAction<Data>(app, Verb.proposalShow, async (context, data) => {
    const { proposal, reference, timeZone } = await openProposal(deps, actorOf(context), text(data, 'proposalId'));
    return proposalCard(
      proposal,
      reference,
      canManageCase(actorOf(context)) ? 'manager' : 'proposer',
      undefined,
      timeZone,
    );
  });
  onCardAction<Data>(app, Verb.proposalDecide, async (context, data) => {
    const proposalId = text(data, 'proposalId');
    const approve = data.approve === true || data.approve === 'true';
    const result = await decideProposal(deps, actorOf(context), proposalId, approve);
    const { reference, timeZone } = await openProposal(deps, actorOf(context), proposalId);
    if (!result.decided)
      return proposalCard(result.proposal, reference, 'manager', 'Over dit voorstel is al beslist.', timeZone);
    tell(result.notifications);
    return proposalCard(result.proposal, reference, 'manager', undefined, timeZone);
  });

  onCardAction<Data>(app, Verb.evaluationSubmit, async (context, data) => {
    const caseId = text(data, 'caseId');
    const result = await submitEvaluation(deps, actorOf(context), caseId, formValuesOf(data));
    if (result.ok) return overview(context, caseId, 'Dank je wel: de evaluatie van jouw organisatie is opgeslagen.');
    if ('answeredBy' in result)
      return overview(context, caseId, `${result.answeredBy} heeft al geëvalueerd namens jouw organisatie.`);
    return formAgain(context, 'evaluate', caseId, data, result.errors);
  });
  onCardAction<Data>(app, Verb.informingRecord, async (context, data) => {
    const caseId = text(data, 'caseId');
    const result = await recordInforming(deps, actorOf(context), caseId, formValuesOf(data));
    if (!result.ok) return formAgain(context, 'inform', caseId, data, result.errors);
    tell(result.notifications);
    return overview(context, caseId, 'Vastgelegd.');
  });
  const due = async (context: TurnContext) => informingDueCard(await informingDue(deps, actorOf(context)));
  app.message(/^\s*informeren\s*$/i, async (context) => {
    if (!(await inPersonalChat(context, 'informeren'))) return;
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await due(context))] });
  });
  onCardAction(app, Verb.informingDue, due);

  onCardAction<Data>(app, Verb.evaluationRemind, async (context, data) => {
    const caseId = text(data, 'caseId');
    const result = await remindEvaluations(deps, actorOf(context), caseId);
    tell(result.notifications);
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
