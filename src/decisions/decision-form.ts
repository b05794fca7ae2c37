import type { Actor } from '../actor.ts';
import { openDiscussion } from '../meetings/discussion.ts';
import type { UseCaseDeps } from '../use-case.ts';
import { loadDecisionContext } from './record-decision.ts';

/**
 * What the chair's decision form offers for one agenda item: the decision in force there (a correction is of the
 * decision taken on this item; a later meeting takes a new one), the regisseurs to choose from, the invited
 * organisations (all of them ticked as present to start with).
 */
export async function decisionFormOptions(deps: UseCaseDeps, actor: Actor, agendaItemId: string) {
  const view = await openDiscussion(deps, actor, agendaItemId);
  const loaded = await loadDecisionContext(deps.db, actor, view.case.id, deps.clock.now());
  const responsible = loaded.case.responsibleOrganisation ? [loaded.case.responsibleOrganisation] : [];
  const names = new Map([...view.case.organisations, ...responsible].map((o) => [o.id, o.name]));
  return {
    agendaItemId,
    reference: view.case.reference ?? '',
    current: view.decisions.find((d) => d.agendaItemId === agendaItemId && !d.supersededById),
    candidates: loaded.candidates.map((m) => ({ id: m.id, name: m.displayName, organisationName: m.organisationName })),
    organisations: loaded.invited.map((id) => ({ id, name: names.get(id)! })),
    // Every invited organisation starts as present: the chair unticks who stayed away, so attendance left as it is
    // is not undercounted to those who happened to type something.
    present: loaded.invited,
  };
}
