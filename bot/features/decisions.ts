import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { formValuesOf, type FieldErrors, type FormValues } from '../../cards/form.ts';
import { decisionFormCard } from '../../cards/meeting.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { decisionFormOptions } from '../../src/decisions/decision-form.ts';
import { recordDecision } from '../../src/decisions/record-decision.ts';
import { findDiscussion } from '../../src/meetings/discussion.ts';
import type { BotDeps } from '../deps.ts';
import { discussionCardFor } from '../shared/case-views.ts';
import { id, onVerb, optionalId, text } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/** `decision.*`: the chair records (or corrects) the decision on a case: goal, plan, regisseur, actions, next step. */
export function registerDecisions(app: Application<TurnState>, deps: BotDeps): void {
  const form = async (context: TurnContext, agendaItemId: string, values: FormValues = {}, errors?: FieldErrors) =>
    decisionFormCard({ ...(await decisionFormOptions(deps, actorOf(context), agendaItemId)), values, errors });

  onVerb(app, Verb.decisionForm, { agendaItemId: id }, (context, { agendaItemId }) => form(context, agendaItemId));
  const record = { agendaItemId: id, supersedesId: optionalId, submissionId: text };
  onVerb(app, Verb.decisionRecord, record, async (context, data) => {
    const { agendaItemId } = data;
    const item = await findDiscussion(deps, actorOf(context), agendaItemId);
    const values = formValuesOf(data);
    const result = await recordDecision(deps, actorOf(context), {
      caseId: item.caseId,
      agendaItemId,
      supersedesId: data.supersedesId,
      values,
      submissionId: data.submissionId,
    });
    if (!result.ok && 'errors' in result) return form(context, agendaItemId, values, result.errors);
    if (!result.ok) {
      const notice =
        'Iemand anders heeft intussen al een besluit vastgelegd of gecorrigeerd. Hieronder staat het besluit dat nu geldt.';
      return discussionCardFor(deps, context, agendaItemId, notice);
    }
    deps.log.info({ decisionId: result.decisionId }, 'decision recorded');
    deps.deliver(result.notifications);
    const notice = 'Het besluit is vastgelegd. De organisaties met een actie krijgen bericht.';
    return discussionCardFor(deps, context, agendaItemId, notice);
  });
}
