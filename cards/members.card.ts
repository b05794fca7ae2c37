import type { MemberView } from '../src/members/member.types.ts';
import { memberRoles } from '../src/members/member.types.ts';
import type { OrganisationView } from '../src/organisations/organisation.repository.ts';
import { card, execute, heading, paragraph, subheading, type AdaptiveCard, type Element } from './adaptive.ts';
import { choiceField, formErrorSummary, textField, type FieldErrors, type FormValues } from './form.ts';
import { roleLabels } from './labels.ts';
import { Verb } from './verbs.ts';

export interface MemberFormView {
  /** People in the conversation the form was opened in, to pick from. */
  roster: { aadObjectId: string; name: string }[];
  organisations: OrganisationView[];
  values?: FormValues;
  errors?: FieldErrors;
  /** Opened from a request for registration: the name and object id Teams gave are filled in. */
  fromRequest?: boolean;
}

export function memberFormCard(view: MemberFormView): AdaptiveCard {
  const values = view.values ?? {};
  const errors = view.errors ?? {};
  const person: Element[] = view.roster.length
    ? choiceField(
        'person',
        'Persoon (uit dit gesprek)',
        view.roster.map((p) => ({ title: p.name, value: p.aadObjectId })),
        values,
        errors,
        { required: false, placeholder: 'Kies een persoon' },
      )
    : [
        paragraph('Ik kan de deelnemers van dit gesprek niet opvragen: vul hieronder de gegevens in.', {
          subtle: true,
        }),
      ];
  return card(
    [
      heading('Lid toevoegen'),
      paragraph(
        'Koppel een Teams-gebruiker aan een convenantpartner en een rol. Alleen geregistreerde leden kunnen Casusbot gebruiken.',
      ),
      ...(view.fromRequest
        ? [paragraph('Deze persoon vroeg zelf om registratie. Kies de organisatie en de rol.', { subtle: true })]
        : []),
      ...formErrorSummary(errors),
      ...person,
      subheading(view.roster.length ? 'Of vul handmatig in' : 'Gegevens'),
      ...textField('displayName', 'Naam', values, errors, { maxLength: 200 }),
      ...textField('aadObjectId', 'Azure AD object-id', values, errors, {
        placeholder: '00000000-0000-0000-0000-000000000000',
      }),
      ...choiceField(
        'organisationId',
        'Organisatie',
        view.organisations.map((o) => ({ title: o.name, value: o.id })),
        values,
        errors,
        { placeholder: 'Kies een organisatie' },
      ),
      ...choiceField(
        'role',
        'Rol',
        memberRoles.map((r) => ({ title: roleLabels[r], value: r })),
        values,
        errors,
        { expanded: true },
      ),
      {
        type: 'Input.Toggle',
        id: 'occasional',
        label: 'Deelname',
        title: 'Incidentele deelnemer: ziet pas casusinhoud na het aanvaarden van de geheimhoudingsverklaring',
        valueOn: 'true',
        valueOff: 'false',
        value: values.occasional === 'true' ? 'true' : 'false',
        wrap: true,
      },
      subheading('Werkgegevens'),
      paragraph('Ze staan straks al ingevuld als dit lid een aanmelding doet.', { subtle: true }),
      ...textField('phone', 'Telefoon', values, errors, { style: 'tel', maxLength: 30 }),
      ...textField('email', 'E-mail', values, errors, { style: 'email', maxLength: 200 }),
    ],
    [
      execute(
        'Registreren',
        Verb.memberRegister,
        { rosterNames: Object.fromEntries(view.roster.map((p) => [p.aadObjectId, p.name])) },
        { style: 'positive' },
      ),
    ],
  );
}

export function memberRegisteredCard(member: MemberView, created: boolean): AdaptiveCard {
  return card(
    [
      heading(created ? 'Lid geregistreerd' : 'Lid bijgewerkt'),
      paragraph(`${member.displayName} is ${roleLabels[member.role].toLowerCase()} bij ${member.organisationName}.`, {
        color: 'Accent',
      }),
      ...(member.occasional
        ? [paragraph('Incidentele deelnemer: ziet casusinhoud pas na het aanvaarden van de geheimhoudingsverklaring.')]
        : []),
    ],
    [execute('Nog een lid toevoegen', Verb.memberForm), execute('Leden', Verb.memberList)],
  );
}

/** The members per organisation; the procesmanager gets the button to add one (the command is not in Teams' list). */
export function memberListCard(members: MemberView[], options: { canRegister?: boolean } = {}): AdaptiveCard {
  const byOrganisation = new Map<string, MemberView[]>();
  for (const m of members)
    byOrganisation.set(m.organisationName, [...(byOrganisation.get(m.organisationName) ?? []), m]);
  const body: Element[] = [heading('Leden'), paragraph(`${members.length} geregistreerde leden.`, { subtle: true })];
  for (const [organisation, people] of byOrganisation) {
    body.push(subheading(organisation));
    body.push({
      type: 'FactSet',
      facts: people.map((p) => ({
        title: p.displayName,
        value: p.occasional ? `${roleLabels[p.role]} (incidenteel)` : roleLabels[p.role],
      })),
    });
  }
  return card(body, options.canRegister ? [execute('Lid toevoegen', Verb.memberForm)] : []);
}

/** Someone Teams knows but the network does not: what is the matter, and a button to ask for registration. */
export function strangerCard(whom: string, options: { mayRequest: boolean }): AdaptiveCard {
  return card(
    [
      heading('Nog niet geregistreerd'),
      paragraph(
        `Je bent nog niet geregistreerd als lid van het casusoverleg, dus ik kan je niet verder helpen. Vraag ${whom} je te registreren bij jouw organisatie, of vraag het hier aan.`,
      ),
    ],
    options.mayRequest ? [execute('Registratie aanvragen', Verb.memberRequest, {}, { style: 'positive' })] : [],
  );
}

/** The stranger's answer after asking: asked once, however often they click. */
export function registrationRequestedCard(): AdaptiveCard {
  return card([
    heading('Registratie aangevraagd'),
    paragraph(
      'Je aanvraag is doorgestuurd naar de procesmanager. Zodra je bent geregistreerd, typ je "hulp" om te beginnen.',
    ),
  ]);
}
