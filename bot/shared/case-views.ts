import type { TurnContext } from 'botbuilder';
import { formValuesOf } from '../../cards/form.ts';
import { caseOverviewCard, regieFormCard, type RegieForm, type RegieFormContext } from '../../cards/lifecycle.card.ts';
import { discussionCard, type DiscussionNotice } from '../../cards/meeting.card.ts';
import { caseOverview, type CaseOverview } from '../../src/lifecycle/regie.ts';
import { openDiscussion } from '../../src/meetings/discussion.ts';
import type { BotDeps } from '../deps.ts';
import { actorOf } from '../teams/turn-context.ts';

/** The case card for the person who asked, with a line on what just happened. */
export async function overviewCard(deps: BotDeps, context: TurnContext, caseId: string, notice?: string) {
  return caseOverviewCard(await caseOverview(deps, actorOf(context), caseId), notice ? { text: notice } : undefined);
}

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

/** A form of the case card that came back with errors, shown on its own with what was typed. */
export async function regieFormAgain(
  deps: BotDeps,
  context: TurnContext,
  form: RegieForm,
  caseId: string,
  data: Record<string, unknown>,
  errors: Record<string, string>,
) {
  const view = await caseOverview(deps, actorOf(context), caseId);
  return regieFormCard(form, formContext(view), formValuesOf(data), errors);
}

/** One case of a meeting as the person who asked may see it, with a line on what just happened. */
export async function discussionCardFor(
  deps: BotDeps,
  context: TurnContext,
  agendaItemId: string,
  notice?: DiscussionNotice,
) {
  return discussionCard(await openDiscussion(deps, actorOf(context), agendaItemId), notice);
}
