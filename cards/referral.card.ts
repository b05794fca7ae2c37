import { randomUUID } from 'node:crypto';
import { ReferralField, personCountOf, referralLimits as L } from '../src/referrals/referral-form.rules.ts';
import { chains, maxPersons, urgencies } from '../src/referrals/referral.types.ts';
import { card, execute, heading, paragraph, subheading, type AdaptiveCard, type Element } from './adaptive.ts';
import { choiceField, fieldErrorList, formErrorSummary, textField, type FieldErrors, type FormValues } from './form.ts';
import { chainLabels, criterionLabels, urgencyLabels } from './labels.ts';
import { contactFields, errorNames, informedFields, lifeDomainFields } from './referral-form.parts.ts';
import { Verb } from './verbs.ts';

export interface ReferralFormView {
  caseId?: string;
  values: FormValues;
  errors?: FieldErrors;
  partners: { id: string; name: string }[];
  /** The procesmanager registering for a professional of a non-partner organisation. */
  forExternal: boolean;
  /** A line above the form: "Concept opgeslagen", "Je gaat verder met je concept". */
  notice?: string;
  /** The procesmanager's question, when the aanmelding is to be completed. */
  question?: string;
  /** Why the form could not be kept, above it: too many drafts. */
  warning?: string;
  /**
   * The id this form is sent with: new when the form is first shown, the same when it comes back (with messages, a
   * person added, or saved as a draft), so a repeated click or a retried invoke is recognised as the same form.
   */
  submissionId?: string;
}

function personFields(position: number, values: FormValues, errors: FieldErrors): Element[] {
  const f = (key: Parameters<typeof ReferralField.person>[1]) => ReferralField.person(position, key);
  return [
    subheading(position === 1 ? 'Betrokkene' : `Gezinslid ${position - 1}`),
    ...textField(f('name'), 'Naam', values, errors, { required: true, maxLength: L.name }),
    ...(position > 1
      ? textField(f('relation'), 'Relatie tot de betrokkene', values, errors, {
          required: true,
          placeholder: 'bijv. moeder, zoon, partner',
          maxLength: L.relation,
        })
      : []),
    // Text, not Input.Date: a calendar is slow for a date decades back, and people type birth dates.
    ...textField(f('birthDate'), 'Geboortedatum', values, errors, {
      required: true,
      placeholder: 'dd-mm-jjjj',
      maxLength: L.birthDate,
    }),
    ...textField(f('address'), 'Adres', values, errors, { required: true, maxLength: L.address }),
    ...textField(f('bsn'), 'BSN', values, errors, { placeholder: '9 cijfers', maxLength: L.bsn }),
  ];
}

/** The procesmanager registering for a professional of a non-partner organisation: who that is, on whose authority. */
function externalReferrerFields(
  values: FormValues,
  errors: FieldErrors,
  partnerChoices: { title: string; value: string }[],
): Element[] {
  return [
    subheading('Aanmelder van een niet-aangesloten organisatie'),
    ...textField(ReferralField.externalName, 'Naam aanmelder', values, errors, { required: true, maxLength: L.name }),
    ...textField(ReferralField.externalOrganisation, 'Organisatie aanmelder', values, errors, {
      required: true,
      maxLength: L.name,
    }),
    ...contactFields(
      'Contactgegevens aanmelder',
      [ReferralField.externalPhone, ReferralField.externalEmail],
      ['Telefoon aanmelder', 'E-mail aanmelder'],
      values,
      errors,
    ),
    ...choiceField(
      ReferralField.responsibleOrganisationId,
      'Op gezag van (partner die de casus inbrengt)',
      partnerChoices,
      values,
      errors,
      { placeholder: 'Kies een partner' },
    ),
  ];
}

/** Who is involved already, and why the case meets the three criteria. */
function involvementFields(
  values: FormValues,
  errors: FieldErrors,
  partnerChoices: { title: string; value: string }[],
): Element[] {
  return [
    subheading('Betrokken organisaties en ketens'),
    ...choiceField(ReferralField.organisations, 'Organisaties die al betrokken zijn', partnerChoices, values, errors, {
      multi: true,
      placeholder: 'Kies organisaties',
    }),
    ...textField(ReferralField.otherOrganisations, 'Andere betrokken organisaties', values, errors, {
      maxLength: L.otherOrganisations,
    }),
    ...choiceField(
      ReferralField.chains,
      'Betrokken ketens',
      chains.map((c) => ({ title: chainLabels[c], value: c })),
      values,
      errors,
      { multi: true, expanded: true },
    ),
    subheading('Waarom past deze casus bij het Zorg- en Veiligheidshuis?'),
    ...textField(ReferralField.criterionDomains, criterionLabels.multipleDomains, values, errors, {
      required: true,
      multiline: true,
      maxLength: L.criterion,
    }),
    ...textField(ReferralField.criterionChains, criterionLabels.chainsAndOrganisations, values, errors, {
      required: true,
      multiline: true,
      maxLength: L.criterion,
    }),
    ...textField(ReferralField.criterionFamily, criterionLabels.familyOrSafety, values, errors, {
      required: true,
      multiline: true,
      maxLength: L.criterion,
    }),
  ];
}

/** "Gezinslid toevoegen": the same form back with one more row. */
function addPersonButton(carry: Record<string, unknown>, count: number): Element {
  return {
    type: 'ActionSet',
    actions: [
      execute('Gezinslid toevoegen', Verb.referralAddPerson, {
        ...carry,
        [ReferralField.personCount]: String(count + 1),
      }),
    ],
  };
}

/** The aanmeldformulier. Shown again with the values kept and a message at each wrong field. */
export function referralFormCard(view: ReferralFormView): AdaptiveCard {
  const { values } = view;
  const errors = view.errors ?? {};
  const count = personCountOf(values);
  const carry = {
    ...(view.caseId ? { caseId: view.caseId } : {}),
    submissionId: view.submissionId ?? randomUUID(),
    ...(view.question ? { resubmission: true } : {}),
    [ReferralField.personCount]: String(count),
  };
  const partnerChoices = view.partners.map((p) => ({ title: p.name, value: p.id }));

  const body: Element[] = [
    heading(view.question ? 'Aanmelding aanvullen' : 'Aanmelding casusoverleg'),
    paragraph(
      'Vul in wat de procesmanager nodig heeft om de aanmelding te beoordelen. Deel alleen wat nodig is voor het doel van het overleg.',
      { subtle: true },
    ),
    ...(view.question ? [paragraph(`Vraag van de procesmanager: ${view.question}`, { color: 'Warning' })] : []),
    ...(view.notice ? [paragraph(view.notice, { color: 'Accent' })] : []),
    ...(view.warning ? [paragraph(view.warning, { color: 'Attention' })] : []),
    ...formErrorSummary(errors),
  ];
  if (view.forExternal) body.push(...externalReferrerFields(values, errors, partnerChoices));
  for (let position = 1; position <= count; position++) body.push(...personFields(position, values, errors));
  if (count < maxPersons) body.push(addPersonButton(carry, count));
  body.push(
    ...lifeDomainFields(values, errors),
    ...involvementFields(values, errors, partnerChoices),
    ...informedFields(values, errors),
    subheading('Urgentie'),
    ...choiceField(
      ReferralField.urgency,
      'Urgentie',
      urgencies.map((u) => ({ title: urgencyLabels[u], value: u })),
      values,
      errors,
      { expanded: true },
    ),
    ...contactFields(
      'Jouw contactgegevens',
      [ReferralField.contactPhone, ReferralField.contactEmail],
      ['Telefoon', 'E-mail'],
      values,
      errors,
    ),
  );
  body.push(...fieldErrorList(body, errors, errorNames(errors)));
  return card(body, [
    execute(view.question ? 'Aanvulling indienen' : 'Aanmelding indienen', Verb.referralSubmit, carry, {
      style: 'positive',
    }),
    execute('Concept opslaan', Verb.referralSaveDraft, carry),
  ]);
}

export function referralSubmittedCard(reference: string, resubmitted: boolean): AdaptiveCard {
  return card(
    [
      heading(resubmitted ? 'Aanvulling ontvangen' : 'Aanmelding ontvangen'),
      paragraph(
        `Je aanmelding heeft kenmerk **${reference}**. De procesmanager beoordeelt of de casus past bij het casusoverleg. Je hoort het resultaat hier in de chat.`,
        { color: 'Accent' },
      ),
    ],
    [execute('Mijn aanmeldingen', Verb.referralMine)],
  );
}
