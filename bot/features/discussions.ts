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
  const item = { agendaItemId: id, submissionId: text };
  onVerb(app, Verb.discussionOpen, { agendaItemId: id }, (context, { agendaItemId }) =>
    discussionCardFor(deps, context, agendaItemId),
  );
  onVerb(app, Verb.discussionAddContribution, item, async (context, data) => {
    const result = await addContribution(
      deps,
      actorOf(context),
      data.agendaItemId,
      formValuesOf(data),
      data.submissionId,
    );
    const notice = result.ok
      ? result.added
        ? 'Je inbreng is opgeslagen.'
        : undefined
      : Object.values(result.errors).join(' ');
    return discussionCardFor(deps, context, data.agendaItemId, notice);
  });
  onVerb(app, Verb.discussionAddIntervention, item, async (context, data) => {
    const result = await addIntervention(
      deps,
      actorOf(context),
      data.agendaItemId,
      formValuesOf(data),
      data.submissionId,
    );
    const notice = result.ok
      ? result.added
        ? 'De interventie is opgeslagen.'
        : undefined
      : Object.values(result.errors).join(' ');
    return discussionCardFor(deps, context, data.agendaItemId, notice);
  });
}
