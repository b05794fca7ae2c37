/** Parts of the aanmeldformulier that open on a click, and the names its error summary uses. */
import { ReferralField, referralLimits as L } from '../src/referrals/referral-form.rules.ts';
import { lifeDomains } from '../src/referrals/referral.types.ts';
import { paragraph, subheading, toggle, type Element } from './adaptive.ts';
import { textField, type FieldErrors, type FormValues } from './form.ts';
import { lifeDomainLabels } from './labels.ts';

const errorLine = (text: string | undefined): Element[] =>
  text ? [{ type: 'TextBlock', text, color: 'Attention', wrap: true, spacing: 'None', size: 'Small' }] : [];

/**
 * The ten leefgebieden as buttons, two a row; each opens its own field right under its row. A field that holds text
 * or a message is open from the start, without a button.
 */
export function lifeDomainFields(values: FormValues, errors: FieldErrors): Element[] {
  const rows: Element[] = [];
  const open = (id: string) => !!values[id] || !!errors[id];
  for (let i = 0; i < lifeDomains.length; i += 2) {
    const pair = lifeDomains.slice(i, i + 2);
    // An open field needs no button: it stays open, and emptying it is how to take it back.
    const closed = pair.filter((d) => !open(ReferralField.domain(d)));
    if (closed.length)
      rows.push({
        type: 'ActionSet',
        actions: closed.map((d) => toggle(lifeDomainLabels[d], [ReferralField.domain(d)])),
      });
    for (const d of pair) {
      const id = ReferralField.domain(d);
      rows.push(
        ...textField(id, `${lifeDomainLabels[d]}: wat speelt er?`, values, errors, {
          multiline: true,
          maxLength: L.domain,
          markOptional: false,
          folded: !open(id),
        }),
      );
    }
  }
  return [
    subheading('Problemen per leefgebied'),
    paragraph('Kies elk leefgebied waar iets speelt en beschrijf kort wat er speelt. Minstens één.', { subtle: true }),
    ...errorLine(errors[ReferralField.lifeDomains]),
    ...rows,
  ];
}

/** "Is de betrokkene geïnformeerd?": Ja opens "door wie en wanneer", Nee opens "waarom nog niet". */
export function informedFields(values: FormValues, errors: FieldErrors): Element[] {
  const { informedBy: yes, notInformedReason: no } = ReferralField;
  const folded = (id: string) => !values[id] && !errors[id];
  return [
    subheading('De betrokkene informeren'),
    paragraph('Is de betrokkene geïnformeerd over deze aanmelding?'),
    {
      type: 'ActionSet',
      actions: [
        toggle('Ja', [
          { elementId: yes, isVisible: true },
          { elementId: no, isVisible: false },
        ]),
        toggle('Nee, nog niet', [
          { elementId: no, isVisible: true },
          { elementId: yes, isVisible: false },
        ]),
      ],
    },
    ...errorLine(errors[ReferralField.informed]),
    ...textField(yes, 'Door wie en wanneer is de betrokkene geïnformeerd?', values, errors, {
      required: true,
      maxLength: L.informedBy,
      folded: folded(yes),
    }),
    ...textField(no, 'Waarom is de betrokkene nog niet geïnformeerd?', values, errors, {
      required: true,
      multiline: true,
      maxLength: L.notInformedReason,
      folded: folded(no),
    }),
  ];
}

/** Phone and e-mail: neither is required alone, one of the two is, and the card says so. */
export function contactFields(
  title: string,
  [phoneId, emailId]: [string, string],
  [phoneLabel, emailLabel]: [string, string],
  values: FormValues,
  errors: FieldErrors,
): Element[] {
  return [
    subheading(title),
    paragraph('Telefoon of e-mail: vul er minstens één in.', { subtle: true }),
    ...textField(phoneId, phoneLabel, values, errors, { style: 'tel', maxLength: L.phone, markOptional: false }),
    ...textField(emailId, emailLabel, values, errors, { style: 'email', maxLength: L.email, markOptional: false }),
  ];
}

/** Names for the summary beside the submit button where a label alone would be unclear ("Naam" of whom?). */
export function errorNames(errors: FieldErrors): Record<string, string> {
  const names: Record<string, string> = {
    [ReferralField.lifeDomains]: 'Problemen per leefgebied',
    [ReferralField.informed]: 'De betrokkene informeren',
  };
  const personLabels: Record<string, string> = {
    name: 'Naam',
    relation: 'Relatie',
    birthDate: 'Geboortedatum',
    address: 'Adres',
    bsn: 'BSN',
  };
  for (const id of Object.keys(errors)) {
    const person = /^p(\d+)_(\w+)$/.exec(id);
    if (!person) continue;
    const position = Number(person[1]);
    names[id] =
      `${personLabels[person[2]!] ?? person[2]} (${position === 1 ? 'betrokkene' : `gezinslid ${position - 1}`})`;
  }
  return names;
}
