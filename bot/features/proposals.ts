import type { Application, TurnState } from '@microsoft/teams-ai';
import { proposalCard } from '../../cards/lifecycle.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { canManageCase } from '../../src/access/case-access.ts';
import { decideProposal, openProposal } from '../../src/lifecycle/regie.ts';
import type { BotDeps } from '../deps.ts';
import { flag, id, onVerb } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/** `proposal.*`: a regisseur's proposal for the schaduwlijst or closure, which a procesmanager decides. */
export function registerProposals(app: Application<TurnState>, deps: BotDeps): void {
  onVerb(app, Verb.proposalShow, { proposalId: id }, async (context, { proposalId }) => {
    const actor = actorOf(context);
    const { proposal, reference, timeZone = deps.figuresTimeZone } = await openProposal(deps, actor, proposalId);
    return proposalCard(proposal, reference, canManageCase(actor) ? 'manager' : 'proposer', timeZone);
  });
  onVerb(app, Verb.proposalDecide, { proposalId: id, approve: flag }, async (context, { proposalId, approve }) => {
    const actor = actorOf(context);
    const result = await decideProposal(deps, actor, proposalId, approve);
    const { reference, timeZone = deps.figuresTimeZone } = await openProposal(deps, actor, proposalId);
    if (!result.decided)
      return proposalCard(result.proposal, reference, 'manager', timeZone, 'Over dit voorstel is al beslist.');
    deps.deliver(result.notifications);
    return proposalCard(result.proposal, reference, 'manager', timeZone);
  });
}
