import type { Application, TurnState } from '@microsoft/teams-ai';
import { Command } from '../../cards/commands.ts';
import { formValuesOf } from '../../cards/form.ts';
import { myActionsCard } from '../../cards/action.card.ts';
import { actionCard } from '../../cards/meeting.card.ts';
import { Verb } from '../../cards/verbs.ts';
import {
  claimAction,
  closeActionNotDone,
  completeAction,
  handBackAction,
  markTakeHome,
  myActions,
  openAction,
  reassignAction,
} from '../../src/actions/actions.ts';
import type { BotDeps } from '../deps.ts';
import { id, onVerb, registerCommand, text } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/** `action.*`: an action card (claim, done, hand back, assign, what goes home) and `mijn acties`. */
export function registerActions(app: Application<TurnState>, deps: BotDeps): void {
  const action = { actionId: id };
  registerCommand(app, Command.myActions, async (context) =>
    myActionsCard(await myActions(deps, actorOf(context)), actorOf(context)),
  );
  onVerb(app, Verb.actionShow, action, async (context, { actionId }) =>
    actionCard(await openAction(deps, actorOf(context), actionId)),
  );
  onVerb(app, Verb.actionClaim, action, async (context, { actionId }) => {
    const result = await claimAction(deps, actorOf(context), actionId);
    if (result.changed) deps.log.info({ actionId: result.view.action.id }, 'action claimed');
    const notice = result.changed
      ? 'Je hebt deze actie opgepakt.'
      : result.view.mine
        ? undefined
        : 'Iemand anders was je voor.';
    return actionCard(result.view, notice);
  });
  onVerb(app, Verb.actionComplete, action, async (context, data) => {
    const result = await completeAction(deps, actorOf(context), data.actionId, formValuesOf(data));
    if ('errors' in result)
      return actionCard(
        await openAction(deps, actorOf(context), data.actionId),
        Object.values(result.errors).join(' '),
      );
    return actionCard(result.view, result.changed ? 'Gemeld als klaar.' : undefined);
  });
  // "Niet uitgevoerd": the reason and explanation are case content; the log names the action only.
  onVerb(app, Verb.actionNotDone, action, async (context, data) => {
    const values = formValuesOf(data);
    const result = await closeActionNotDone(deps, actorOf(context), data.actionId, values);
    if ('errors' in result)
      return actionCard(await openAction(deps, actorOf(context), data.actionId), undefined, {
        values,
        errors: result.errors,
      });
    if (result.changed) deps.log.info({ actionId: result.view.action.id }, 'action closed not done');
    return actionCard(result.view, result.changed ? 'Gemeld als niet uitgevoerd.' : undefined);
  });
  registerHandOffs(app, deps);
}

/** Who holds an action: handing it back, assigning it to someone, and what its organisation takes home. */
function registerHandOffs(app: Application<TurnState>, deps: BotDeps): void {
  const action = { actionId: id };
  onVerb(app, Verb.actionHandBack, action, async (context, { actionId }) => {
    const result = await handBackAction(deps, actorOf(context), actionId);
    deps.deliver(result.notifications);
    return actionCard(result.view, result.changed ? "Teruggegeven: je collega's kunnen hem oppakken." : undefined);
  });
  onVerb(app, Verb.actionReassign, { ...action, memberId: text }, async (context, { actionId, memberId }) => {
    const result = await reassignAction(deps, actorOf(context), actionId, memberId);
    deps.deliver(result.notifications);
    return actionCard(
      result.view,
      result.changed ? `Toegewezen aan ${result.view.action.claimedBy?.name}.` : undefined,
    );
  });
  onVerb(app, Verb.actionTakeHome, { ...action, takeHome: text }, async (context, data) => {
    const ids = data.takeHome
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    const result = await markTakeHome(deps, actorOf(context), data.actionId, ids);
    deps.deliver(result.notifications);
    const notice = 'De inbrengers is om toestemming gevraagd; de uitvoerder ziet de inbreng zodra zij instemmen.';
    return actionCard(result.view, result.changed ? notice : undefined);
  });
}
