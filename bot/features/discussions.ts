import type { Application, TurnState } from '@microsoft/teams-ai';
import { formValuesOf } from '../../cards/form.ts';
import { Verb } from '../../cards/verbs.ts';
import { addContribution, addIntervention } from '../../src/meetings/discussion.ts';
import type { BotDeps } from '../deps.ts';
import { discussionCardFor } from '../shared/case-views.ts';
import { id, onVerb, text } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/** `discussion.*`: one case in the meeting, in each participant's own chat: beeldvorming and oordelen. */
export function registerDiscussions(app: Application<TurnState>, deps: BotDeps): void {
  onVerb(app, Verb.discussionOpen, { agendaItemId: id }, (context, { agendaItemId }) =>
    discussionCardFor(deps, context, agendaItemId),
  );
  // What an organisation knows (beeldvorming) and a possible intervention (oordelen) are added the same way.
  const additions = [
    [Verb.discussionAddContribution, addContribution, 'Je inbreng is opgeslagen.'],
    [Verb.discussionAddIntervention, addIntervention, 'De interventie is opgeslagen.'],
  ] as const;
  for (const [verb, add, saved] of additions) {
    onVerb(app, verb, { agendaItemId: id, submissionId: text }, async (context, data) => {
      const result = await add(deps, actorOf(context), data.agendaItemId, formValuesOf(data), data.submissionId);
      // A repeat (the same card sent again) answers as the first did: the row is there, once.
      const notice = !result.ok ? { problem: Object.values(result.errors).join(' ') } : saved;
      return discussionCardFor(deps, context, data.agendaItemId, notice);
    });
  }
}
