import { z } from 'zod';
import { parseDutchDate, phonePattern } from '../validation.ts';
import { isValidBsn, normaliseBsn } from './bsn.ts';
import {
  chains as allChains,
  lifeDomains,
  maxPersons,
  urgencies,
  type Chain,
  type LifeDomain,
  type Referral,
  type ReferralFormValues,
  type ReferralPerson,
} from './referral.types.ts';

/** Input ids of the intake card; the card and these rules share them. */
export const ReferralField = {
  person: (position: number, key: 'name' | 'birthDate' | 'address' | 'bsn' | 'relation') => `p${position}_${key}`,
  domain: (domain: LifeDomain) => `domain_${domain}`,
  /** Not an input: where the card says that no leefgebied was described. */
  lifeDomains: 'lifeDomains',
  personCount: 'personCount',
  organisations: 'organisations',
  otherOrganisations: 'otherOrganisations',
  chains: 'chains',
  criterionDomains: 'criterionDomains',
  criterionChains: 'criterionChains',
  criterionFamily: 'criterionFamily',
  informed: 'informed',
  informedBy: 'informedBy',
  notInformedReason: 'notInformedReason',
  urgency: 'urgency',
  contactPhone: 'contactPhone',
  contactEmail: 'contactEmail',
  externalName: 'externalName',
  externalOrganisation: 'externalOrganisation',
  externalPhone: 'externalPhone',
  externalEmail: 'externalEmail',
  responsibleOrganisationId: 'responsibleOrganisationId',
} as const;

/** Maximum lengths, shared with the card: the whole form must stay within Teams' 28 KB message limit. */
export const referralLimits = {
  name: 100,
  birthDate: 10,
  address: 150,
  bsn: 20,
  relation: 50,
  domain: 300,
  otherOrganisations: 300,
  criterion: 600,
  informedBy: 200,
  notInformedReason: 600,
  phone: 30,
  email: 200,
} as const;

export type ReferralFormResult = { ok: true; referral: Referral } | { ok: false; errors: Record<string, string> };

export interface ReferralFormContext {
  /** Partner organisations that may be chosen as involved or responsible. */
  partnerIds: ReadonlySet<string>;
  /** The procesmanager registering for a professional of a non-partner organisation. */
  onBehalfOfExternal: boolean;
  /** Today in the network's timezone (yyyy-mm-dd): a birth date after it lies in the future. */
  today: string;
}

const maxText = 1_000;
const L = referralLimits;

/** The most characters an input of the intake card may hold: the same for a draft as for a submission. */
export function limitOf(id: string): number {
  const person = /^p\d+_(name|birthDate|address|bsn|relation)$/.exec(id);
  if (person) return L[person[1] as 'name' | 'birthDate' | 'address' | 'bsn' | 'relation'];
  if (id.startsWith('domain_')) return L.domain;
  if (id.startsWith('criterion')) return L.criterion;
  const byId: Record<string, number> = {
    [ReferralField.otherOrganisations]: L.otherOrganisations,
    [ReferralField.informedBy]: L.informedBy,
    [ReferralField.notInformedReason]: L.notInformedReason,
    [ReferralField.contactPhone]: L.phone,
    [ReferralField.externalPhone]: L.phone,
    [ReferralField.contactEmail]: L.email,
    [ReferralField.externalEmail]: L.email,
    [ReferralField.externalName]: L.name,
    [ReferralField.externalOrganisation]: L.name,
  };
  return byId[id] ?? maxText;
}

const tooLong = (max: number, length: number) => `Maximaal ${max} tekens (nu ${length}).`;

/**
 * What a draft must already satisfy: no input longer than a submission allows (a draft may be incomplete, not
 * oversized). Keyed by input, with the submission's own Dutch messages.
 */
export function draftErrors(values: ReferralFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [id, value] of Object.entries(values)) {
    const max = limitOf(id);
    if (value && value.length > max) errors[id] = tooLong(max, value.length);
  }
  return errors;
}
const email = z.string().email();

/** How many person rows the form shows: at least one, at most maxPersons. */
export function personCountOf(values: ReferralFormValues): number {
  const n = Number(values[ReferralField.personCount] ?? 1);
  return Number.isInteger(n) ? Math.min(Math.max(n, 1), maxPersons) : 1;
}

/** Multi-select ChoiceSets send "a,b,c". */
export function listValue(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Whether the person was informed. The card asks it with two buttons that open "door wie en wanneer" or "waarom nog
 * niet", so the answer is the part that was filled in; an explicit `informed` (older drafts, other clients) wins.
 */
function informedOf(
  values: ReferralFormValues,
  required: (id: string, message: string, max?: number) => string,
  fail: (id: string, message: string) => void,
): Referral['informed'] | undefined {
  const filled = (id: string) => !!values[id]?.trim();
  const choice =
    values[ReferralField.informed]?.trim() ||
    (filled(ReferralField.informedBy) && !filled(ReferralField.notInformedReason) ? 'yes' : '') ||
    (filled(ReferralField.notInformedReason) && !filled(ReferralField.informedBy) ? 'no' : '');
  if (choice === 'yes')
    return { informed: true, by: required(ReferralField.informedBy, 'Vul in wie de betrokkene heeft geïnformeerd.') };
  if (choice === 'no')
    return {
      informed: false,
      reason: required(ReferralField.notInformedReason, 'Leg uit waarom de betrokkene nog niet is geïnformeerd.'),
    };
  if (filled(ReferralField.informedBy))
    fail(
      ReferralField.informed,
      'Vul één van beide in: door wie en wanneer de betrokkene is geïnformeerd, of waarom nog niet. Maak het andere veld leeg.',
    );
  else fail(ReferralField.informed, 'Geef aan of de betrokkene is geïnformeerd over de aanmelding: kies Ja of Nee.');
  return undefined;
}

/**
 * Validates a submitted intake form. Every message is Dutch and keyed by the input it belongs to,
 * so the card can show it under that field.
 */
export function parseReferralForm(values: ReferralFormValues, context: ReferralFormContext): ReferralFormResult {
  const errors: Record<string, string> = {};
  const text = (id: string) => (values[id] ?? '').trim();
  const fail = (id: string, message: string) => void (errors[id] ??= message);
  const required = (id: string, message: string, max = limitOf(id)): string => {
    const v = text(id);
    if (!v) fail(id, message);
    else if (v.length > max) fail(id, tooLong(max, v.length));
    return v;
  };
  const optional = (id: string, max = limitOf(id)): string | undefined => {
    const v = text(id);
    if (v.length > max) fail(id, tooLong(max, v.length));
    return v || undefined;
  };

  const persons: ReferralPerson[] = [];
  for (let position = 1; position <= personCountOf(values); position++) {
    const f = (key: Parameters<typeof ReferralField.person>[1]) => ReferralField.person(position, key);
    const anyFilled = (['name', 'birthDate', 'address', 'bsn', 'relation'] as const).some((k) => text(f(k)));
    if (position > 1 && !anyFilled) continue;
    const who = position === 1 ? 'de betrokkene' : 'dit gezinslid';
    const name = required(f('name'), `Vul de naam van ${who} in.`, L.name);
    const typedBirthDate = required(f('birthDate'), `Vul de geboortedatum van ${who} in.`, L.birthDate);
    const birthDate = parseDutchDate(typedBirthDate) ?? '';
    if (typedBirthDate && !birthDate)
      fail(f('birthDate'), 'Geen geldige datum. Schrijf hem als dd-mm-jjjj, bijvoorbeeld 12-04-1990.');
    else if (birthDate && birthDate > context.today) fail(f('birthDate'), 'De geboortedatum ligt in de toekomst.');
    else if (birthDate && birthDate < '1900-01-01') fail(f('birthDate'), 'De geboortedatum ligt voor 1900.');
    const address = required(f('address'), `Vul het adres van ${who} in.`, L.address);
    const bsn = optional(f('bsn'), L.bsn);
    if (bsn && !isValidBsn(bsn))
      fail(f('bsn'), 'Dit BSN klopt niet (elfproef). Controleer de cijfers of laat het veld leeg.');
    const relation =
      position > 1
        ? required(f('relation'), 'Vul de relatie tot de betrokkene in (bijv. moeder, zoon).', L.relation)
        : undefined;
    persons.push({
      position,
      name,
      birthDate,
      address,
      ...(bsn ? { bsn: normaliseBsn(bsn) } : {}),
      ...(relation ? { relation } : {}),
    });
  }

  const domains: Partial<Record<LifeDomain, string>> = {};
  for (const domain of lifeDomains) {
    const description = optional(ReferralField.domain(domain), L.domain);
    if (description) domains[domain] = description;
  }
  if (Object.keys(domains).length === 0)
    fail(ReferralField.lifeDomains, 'Beschrijf de problemen op ten minste één leefgebied.');

  const organisationIds = listValue(values[ReferralField.organisations]);
  if (organisationIds.length === 0) fail(ReferralField.organisations, 'Kies de organisaties die al betrokken zijn.');
  else if (organisationIds.some((id) => !context.partnerIds.has(id)))
    fail(ReferralField.organisations, 'Kies alleen organisaties uit de lijst.');
  const otherOrganisations = optional(ReferralField.otherOrganisations, L.otherOrganisations);

  const chosenChains = listValue(values[ReferralField.chains]);
  if (chosenChains.length === 0) fail(ReferralField.chains, 'Kies de betrokken ketens.');
  else if (chosenChains.some((c) => !(allChains as readonly string[]).includes(c)))
    fail(ReferralField.chains, 'Kies alleen ketens uit de lijst.');

  const criteria = {
    multipleDomains: required(
      ReferralField.criterionDomains,
      'Leg uit waarom er problemen op meerdere leefgebieden zijn.',
      L.criterion,
    ),
    chainsAndOrganisations: required(
      ReferralField.criterionChains,
      'Leg uit welke ketens en organisaties betrokken zijn.',
      L.criterion,
    ),
    familyOrSafety: required(
      ReferralField.criterionFamily,
      'Leg uit welke gevolgen er zijn voor gezin of omgeving, of welke veiligheidsproblematiek er speelt.',
      L.criterion,
    ),
  };

  const informed = informedOf(values, required, fail);
  const urgency = text(ReferralField.urgency);
  if (!(urgencies as readonly string[]).includes(urgency)) fail(ReferralField.urgency, 'Kies de urgentie.');

  const contactOf = (phoneId: string, emailId: string, who: string) => {
    const phone = optional(phoneId, L.phone);
    const mail = optional(emailId, L.email);
    if (phone && !phonePattern.test(phone)) fail(phoneId, 'Geen geldig telefoonnummer.');
    if (mail && !email.safeParse(mail).success) fail(emailId, 'Geen geldig e-mailadres.');
    if (!phone && !mail) fail(phoneId, `Vul een telefoonnummer of e-mailadres van ${who} in.`);
    return { ...(phone ? { phone } : {}), ...(mail ? { email: mail } : {}) };
  };
  const contact = contactOf(ReferralField.contactPhone, ReferralField.contactEmail, 'jezelf');

  let external: Referral['external'];
  let responsibleOrganisationId: string | undefined;
  if (context.onBehalfOfExternal) {
    const name = required(ReferralField.externalName, 'Vul de naam van de aanmelder in.', L.name);
    const organisation = required(
      ReferralField.externalOrganisation,
      'Vul de organisatie van de aanmelder in.',
      L.name,
    );
    external = {
      name,
      organisation,
      ...contactOf(ReferralField.externalPhone, ReferralField.externalEmail, 'de aanmelder'),
    };
    responsibleOrganisationId = text(ReferralField.responsibleOrganisationId);
    if (!context.partnerIds.has(responsibleOrganisationId))
      fail(ReferralField.responsibleOrganisationId, 'Kies de partner op wiens gezag de casus wordt behandeld.');
  }

  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    referral: {
      persons,
      lifeDomains: domains,
      organisationIds,
      ...(otherOrganisations ? { otherOrganisations } : {}),
      chains: chosenChains as Chain[],
      criteria,
      informed: informed!,
      urgency: urgency as Referral['urgency'],
      contact,
      ...(external ? { external, responsibleOrganisationId } : {}),
    },
  };
}

/** Keeps only the intake card's own inputs (card data also carries verbs and ids), as trimmed text. */
export function pickFormValues(data: Record<string, unknown>): ReferralFormValues {
  const known = new Set<string>([
    ...Object.values(ReferralField).filter((v) => typeof v === 'string'),
    ...lifeDomains.map((d) => ReferralField.domain(d)),
    ...Array.from({ length: maxPersons }, (_, i) =>
      (['name', 'birthDate', 'address', 'bsn', 'relation'] as const).map((k) => ReferralField.person(i + 1, k)),
    ).flat(),
  ]);
  const values: ReferralFormValues = {};
  for (const [key, value] of Object.entries(data)) {
    if (known.has(key) && (typeof value === 'string' || typeof value === 'number') && String(value).trim() !== '')
      values[key] = String(value).trim();
  }
  return values;
}
