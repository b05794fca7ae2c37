import { CardFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { memberFormCard, memberListCard, memberRegisteredCard } from '../../cards/members.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { formValuesOf, type FieldErrors, type FormValues } from '../../cards/form.ts';
import { fieldErrors } from '../../src/validation.ts';
import { assertCan, can } from '../../src/access/policy.ts';
import { listActiveMembers } from '../../src/members/member.repository.ts';
import { registerMember, registerMemberInput } from '../../src/members/register-member.ts';
import { listOrganisations } from '../../src/organisations/organisation.repository.ts';
import { onCardAction } from '../teams/card-action.ts';
import type { BotDeps } from '../deps.ts';
import { actorOf } from '../teams/turn-context.ts';

export function registerMembers(app: Application<TurnState>, deps: BotDeps): void {
  const form = async (context: TurnContext, values?: FormValues, errors?: FieldErrors) => {
    assertCan(actorOf(context), 'members.register');
    return memberFormCard({
      roster: await deps.roster.membersOf(context),
      organisations: await listOrganisations(deps.db),
      values,
      errors,
    });
  };
  const list = async (context: TurnContext) => {
    assertCan(actorOf(context), 'members.list');
    return memberListCard(await listActiveMembers(deps.db, { includeSteeringGroup: true }), {
      canRegister: can(actorOf(context), 'members.register'),
    });
  };

  app.message(/^\s*lid toevoegen\s*$/i, async (context) => {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await form(context))] });
  });
  onCardAction(app, Verb.memberForm, async (context) => form(context));

  app.message(/^\s*leden\s*$/i, async (context) => {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await list(context))] });
  });
  onCardAction(app, Verb.memberList, async (context) => list(context));

  onCardAction<Record<string, unknown>>(app, Verb.memberRegister, async (context, data) => {
    const values = formValuesOf(data);
    // A person picked from the roster wins over the hand-typed fields.
    const names = (data.rosterNames ?? {}) as Record<string, string>;
    const input = values.person
      ? { ...values, aadObjectId: values.person, displayName: names[values.person] ?? values.displayName }
      : values;
    const parsed = registerMemberInput.safeParse(input);
    if (!parsed.success) return form(context, values, fieldErrors(parsed.error));
    const { member, created } = await registerMember(deps.db, actorOf(context), parsed.data);
    deps.log.info({ memberId: member.id, created }, 'member registered');
    return memberRegisteredCard(member, created);
  });
}
