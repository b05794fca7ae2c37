import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { Command } from '../../cards/commands.ts';
import { helpCard } from '../../cards/help.card.ts';
import { formValuesOf, type FieldErrors, type FormValues } from '../../cards/form.ts';
import { memberFormCard, memberListCard, memberRegisteredCard } from '../../cards/members.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { listMembers, memberFormOptions } from '../../src/members/members.ts';
import { registerMember, registerMemberInput } from '../../src/members/register-member.ts';
import { openRegistrationRequest } from '../../src/members/registration.ts';
import { fieldErrors } from '../../src/validation.ts';
import type { BotDeps } from '../deps.ts';
import { id, onVerb, registerCommand, text } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/** `member.*`: `lid toevoegen` and `leden`. */
export function registerMembers(app: Application<TurnState>, deps: BotDeps): void {
  const form = async (context: TurnContext, values?: FormValues, errors?: FieldErrors, fromRequest = false) => {
    const { organisations } = await memberFormOptions(deps, actorOf(context));
    const roster = await deps.roster.membersOf(context);
    return memberFormCard({ roster, organisations, values, errors, fromRequest });
  };
  registerCommand(app, Command.addMember, (context) => form(context));
  registerCommand(app, Command.members, async (context) => {
    const { members, mayRegister } = await listMembers(deps, actorOf(context));
    return memberListCard(members, { canRegister: mayRegister });
  });

  // "Registratie aanvragen" from an old card, by someone who is a member by now: what they can do.
  onVerb(app, Verb.memberRequest, {}, async (context) => helpCard({ welcome: false, viewer: actorOf(context) }));

  // The pushed "Iemand vraagt registratie aan": the form with the name and object id Teams gave.
  onVerb(app, Verb.memberRequestOpen, { requestId: id }, async (context, { requestId }) => {
    const request = await openRegistrationRequest(deps, actorOf(context), requestId);
    return form(context, { displayName: request.teamsName, aadObjectId: request.aadObjectId }, undefined, true);
  });

  onVerb(app, Verb.memberRegister, { person: text }, async (context, data) => {
    const values = formValuesOf(data);
    // A person picked from the roster wins over the hand-typed fields.
    const names = (data.rosterNames ?? {}) as Record<string, string>;
    const input = data.person
      ? { ...values, aadObjectId: data.person, displayName: names[data.person] ?? values.displayName }
      : values;
    const parsed = registerMemberInput.safeParse(input);
    if (!parsed.success) return form(context, values, fieldErrors(parsed.error));
    const { member, created } = await registerMember(deps.db, actorOf(context), parsed.data);
    deps.log.info({ memberId: member.id, created }, 'member registered');
    return memberRegisteredCard(member, created);
  });
}
