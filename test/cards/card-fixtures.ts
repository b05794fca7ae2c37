import { casesCard, decisionRecordedCard, myReferralsCard, referralOutcomeCard } from '../../cards/cases.card.ts';
import { helpCard } from '../../cards/help.card.ts';
import { memberFormCard, memberListCard, memberRegisteredCard } from '../../cards/members.card.ts';
import { referralFormCard, referralSubmittedCard } from '../../cards/referral.card.ts';
import { screeningCard, type ScreeningView } from '../../cards/screening.card.ts';
import type { CaseRecord, CaseSummary } from '../../src/cases/case.types.ts';
import type { MemberRole, MemberView } from '../../src/members/member.types.ts';
import { demoPartnerNames } from '../../src/organisations/demo-partners.ts';
import type { OrganisationView } from '../../src/organisations/organisation.repository.ts';
import { referralLimits as L } from '../../src/referrals/referral-form.rules.ts';
import { lifeDomains, maxPersons } from '../../src/referrals/referral.types.ts';

/**
 * Every card the bot builds, by name, through the exported functions of cards/*.ts with realistic view models.
 * A new card (or a new variant of one) gets a line here; test/cards/valid-cards.test.ts checks each of them.
 */
export type CardFixture = [name: string, build: () => object];

const uuid = (n: number) => `7d5b0c43-0000-4000-8000-${String(n).padStart(12, '0')}`;
const partners = demoPartnerNames.map((name, i) => ({ id: uuid(i + 1), name }));
const organisations: OrganisationView[] = [
  { id: uuid(100), name: 'Zorg- en Veiligheidshuis (procesmanagement)', kind: 'network' },
  ...partners.map((p) => ({ ...p, kind: 'partner' as const })),
];
const [politie, forma, jeugdzorg] = [partners[0]!, partners[6]!, partners[8]!];
const timeZone = 'America/Kralendijk';
const table = { id: uuid(200), name: 'Casusoverleg Bonaire', timeZone };
const nextSession = new Date('2026-03-03T14:00:00Z');
const full = (n: number) => 'a'.repeat(n);

const member = (n: number, displayName: string, role: MemberRole, organisation: { id: string; name: string }): MemberView => ({
  id: uuid(300 + n),
  aadObjectId: uuid(400 + n),
  teamsUserId: `29:teams-user-${n}`,
  displayName,
  role,
  organisationId: organisation.id,
  organisationName: organisation.name,
});
const members: MemberView[] = [
  member(1, 'Ingrid Martina', 'processManager', organisations[0]!),
  member(2, 'Ramon Cicilia', 'contactPerson', politie),
  member(3, 'Sharon Frans', 'participant', politie),
  member(4, 'Ria Winklaar', 'participant', forma),
  member(5, 'Jeffrey Statia', 'contactPerson', jeugdzorg),
];
const roster = members.map((m) => ({ aadObjectId: m.aadObjectId, name: m.displayName }));

/** A complete aanmelding as the procesmanager screens it, from a referrer at the police, about a mother and son. */
function caseRecord(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: uuid(500),
    reference: 'ZVH-2026-0007',
    status: 'submitted',
    referrer: { memberId: members[2]!.id, aadObjectId: members[2]!.aadObjectId, name: 'Sharon Frans', organisationId: politie.id, organisationName: politie.name },
    form: { personCount: '2', otherOrganisations: 'Huisarts Rincon' },
    urgency: 'high',
    lifeDomains: {
      housing: 'Dreigende huisuitzetting wegens huurachterstand.',
      finances: 'Schulden bij meerdere schuldeisers.',
      domesticViolence: 'Twee meldingen van huiselijk geweld dit jaar.',
      schoolWork: 'Zoon verzuimt sinds januari structureel.',
    },
    chains: ['care', 'justice'],
    criteria: {
      multipleDomains: 'Wonen, financiën, huiselijk geweld en school: de problemen versterken elkaar.',
      chainsAndOrganisations: 'Politie, Jeugdzorg en Forma zijn betrokken, in de zorg- en de strafketen.',
      familyOrSafety: 'Het hele gezin is geraakt; de buren melden overlast.',
    },
    informed: { informed: true, by: 'Sharon Frans, op 2 februari 2026' },
    contact: { phone: '+599 717 8000', email: 'sharon.frans@politie.example' },
    persons: [
      { position: 1, name: 'Maria Isenia', birthDate: '1988-05-14', address: 'Kaya Grandi 12, Kralendijk', bsn: '111222333' },
      { position: 2, name: 'Kevin Isenia', birthDate: '2011-09-02', address: 'Kaya Grandi 12, Kralendijk', relation: 'zoon' },
    ],
    organisations: [politie, forma, jeugdzorg].map((o) => ({ id: o.id, name: o.name })),
    submittedAt: new Date('2026-02-10T13:15:00Z'),
    updatedAt: new Date('2026-02-10T13:15:00Z'),
    ...overrides,
  };
}
const decidedBy = { decidedBy: { name: 'Ingrid Martina' }, decidedAt: new Date('2026-02-12T15:00:00Z') };
const accepted = caseRecord({ status: 'accepted', table, firstSessionAt: nextSession, ...decidedBy });
const rejected = caseRecord({ status: 'rejected', rejectionReason: 'Er is maar één leefgebied en één organisatie betrokken; de wijkteams kunnen dit oppakken.', ...decidedBy });
const infoRequested = caseRecord({ status: 'infoRequested', question: 'Is de moeder al geïnformeerd over de aanmelding, en door wie?', ...decidedBy });
/** A non-partner professional, registered by the procesmanager on behalf of a partner. */
const external = caseRecord({
  reference: 'ZVH-2026-0008',
  external: { name: 'Dirk Hart', organisation: 'Huisartsenpraktijk Rincon', phone: '+599 717 1234', email: 'd.hart@huisarts.example' },
  responsibleOrganisation: { id: jeugdzorg.id, name: jeugdzorg.name },
  informed: { informed: false, reason: 'De moeder is niet bereikbaar; volgende week een huisbezoek.' },
  urgency: 'normal',
});

const tables: ScreeningView['tables'] = [
  {
    id: table.id,
    name: table.name,
    schedule: { timeZone, weekday: 2, startTime: '10:00', anchorDate: '2026-01-06', intervalWeeks: 2, sessionMinutes: 120, minutesPerCase: 15 },
    agendaLeadHours: 48,
    organisationIds: partners.map((p) => p.id),
    firstFreeSession: nextSession,
  },
  {
    id: uuid(201),
    name: 'Jeugdtafel Rincon',
    schedule: { timeZone, weekday: 4, startTime: '14:00', anchorDate: '2026-01-08', intervalWeeks: 4, sessionMinutes: 60, minutesPerCase: 20 },
    agendaLeadHours: 48,
    organisationIds: [jeugdzorg.id, forma.id],
    // Full for the coming year: no firstFreeSession.
  },
];
const refreshFor = members.filter((m) => m.role === 'processManager').map((m) => m.teamsUserId!);

const summary = (n: number, status: CaseSummary['status'], extra: Partial<CaseSummary> = {}): CaseSummary => ({
  id: uuid(600 + n),
  status,
  firstPersonName: ['Maria Isenia', 'Kevin Isenia', 'Elvis Anthony', 'Shurandy Martis', 'Gina Leonora'][n % 5],
  updatedAt: new Date('2026-02-11T09:00:00Z'),
  ...(status === 'draft' ? {} : { reference: `ZVH-2026-${String(n).padStart(4, '0')}`, submittedAt: new Date('2026-02-10T13:15:00Z') }),
  ...extra,
});
const summaries: CaseSummary[] = [
  summary(1, 'draft'),
  summary(2, 'submitted'),
  summary(3, 'infoRequested'),
  summary(4, 'accepted', { table, firstSessionAt: nextSession }),
  summary(5, 'rejected'),
  summary(6, 'draft', { firstPersonName: undefined }),
];

/** The intake form filled in completely and correctly, for `count` persons. */
function filledReferral(count: number, text: (n: number, fallback: string) => string = (_n, s) => s): Record<string, string> {
  const values: Record<string, string> = {
    personCount: String(count),
    organisations: `${politie.id},${forma.id}`,
    otherOrganisations: text(L.otherOrganisations, 'Huisarts Rincon'),
    chains: 'care,justice',
    criterionDomains: text(L.criterion, 'Wonen, financiën en school.'),
    criterionChains: text(L.criterion, 'Politie, Forma en Jeugdzorg.'),
    criterionFamily: text(L.criterion, 'Het hele gezin is geraakt.'),
    informed: 'yes',
    informedBy: text(L.informedBy, 'Sharon Frans, 2 februari'),
    notInformedReason: text(L.notInformedReason, ''),
    urgency: 'high',
    contactPhone: text(L.phone, '+599 717 8000'),
    contactEmail: text(L.email, 'sharon.frans@politie.example'),
  };
  for (let i = 1; i <= count; i++) {
    values[`p${i}_name`] = text(L.name, `Persoon ${i}`);
    values[`p${i}_birthDate`] = text(L.birthDate, '14-05-1988');
    values[`p${i}_address`] = text(L.address, 'Kaya Grandi 12, Kralendijk');
    values[`p${i}_bsn`] = text(L.bsn, '111222333');
    if (i > 1) values[`p${i}_relation`] = text(L.relation, 'kind');
  }
  for (const d of lifeDomains) values[`domain_${d}`] = text(L.domain, `Wat er speelt op ${d}.`);
  return values;
}
const referralErrors = {
  p1_name: 'Vul de naam in.',
  p1_birthDate: 'Geen geldige datum. Schrijf hem als dd-mm-jjjj, bijvoorbeeld 12-04-1990.',
  p1_bsn: 'Dit BSN klopt niet (elfproef). Controleer de cijfers of laat het veld leeg.',
  organisations: 'Kies alleen organisaties uit de lijst.',
  chains: 'Kies de betrokken ketens.',
  criterionDomains: 'Licht dit criterium toe.',
  informed: 'Geef aan of de betrokkene is geïnformeerd over de aanmelding.',
  urgency: 'Kies de urgentie.',
  contactEmail: 'Dit is geen geldig e-mailadres.',
};

const viewers = [undefined, ...(['processManager', 'contactPerson', 'participant'] as const).map((role) => ({ role, organisationName: role === 'processManager' ? organisations[0]!.name : politie.name }))];

export const cardFixtures: CardFixture[] = [
  // Help: welcome or not, every kind of viewer (and a stranger), in a personal chat and shared in a channel or group chat.
  ...[true, false].flatMap((welcome) =>
    viewers.flatMap((viewer) =>
      [false, true].map((shared): CardFixture => [
        `helpCard ${welcome ? 'welcome' : 'hulp'}, ${viewer?.role ?? 'stranger'}${shared ? ', shared' : ''}`,
        () => helpCard({ welcome, viewer, shared }),
      ]),
    ),
  ),

  ['memberFormCard with roster', () => memberFormCard({ roster, organisations })],
  ['memberFormCard without roster', () => memberFormCard({ roster: [], organisations })],
  [
    'memberFormCard with roster, values and errors',
    () => memberFormCard({
      roster,
      organisations,
      values: { person: roster[3]!.aadObjectId, displayName: 'Ria', aadObjectId: 'geen-guid', role: 'participant' },
      errors: { aadObjectId: 'Dit is geen geldig Azure AD object-id.', organisationId: 'Kies een organisatie.' },
    }),
  ],
  [
    'memberFormCard without roster, with errors',
    () => memberFormCard({ roster: [], organisations, values: { displayName: 'Ria Winklaar' }, errors: { aadObjectId: 'Vul het object-id in.', role: 'Kies een rol.' } }),
  ],
  ['memberRegisteredCard created', () => memberRegisteredCard(members[3]!, true)],
  ['memberRegisteredCard updated', () => memberRegisteredCard(members[4]!, false)],
  ['memberListCard', () => memberListCard(members)],
  ['memberListCard only the procesmanager', () => memberListCard(members.slice(0, 1))],

  ['referralFormCard empty', () => referralFormCard({ values: {}, partners, forExternal: false })],
  ['referralFormCard filled, two persons', () => referralFormCard({ caseId: uuid(500), values: filledReferral(2), partners, forExternal: false })],
  ['referralFormCard with errors', () => referralFormCard({ values: { ...filledReferral(1), p1_name: '', p1_bsn: '123' }, errors: referralErrors, partners, forExternal: false })],
  [
    'referralFormCard forExternal, with errors',
    () => referralFormCard({
      values: { externalName: 'Dirk Hart', externalEmail: 'geen-mail', responsibleOrganisationId: jeugdzorg.id },
      errors: { externalOrganisation: 'Vul de organisatie van de aanmelder in.', externalEmail: 'Dit is geen geldig e-mailadres.' },
      partners,
      forExternal: true,
    }),
  ],
  [
    'referralFormCard with question and notice',
    () => referralFormCard({
      caseId: uuid(500),
      values: filledReferral(2),
      partners,
      forExternal: false,
      question: infoRequested.question,
      notice: 'Je gaat verder met je concept van 10 februari 2026. Nieuw beginnen kan via "mijn aanmeldingen".',
    }),
  ],
  ['referralFormCard draft saved notice', () => referralFormCard({ caseId: uuid(500), values: filledReferral(1), partners, forExternal: false, notice: 'Concept opgeslagen.' })],
  [
    'referralFormCard max persons, every field full, forExternal, question and errors',
    () => referralFormCard({
      caseId: uuid(500),
      values: { ...filledReferral(maxPersons, (n) => full(n)), externalName: full(L.name), externalOrganisation: full(L.name), externalPhone: full(L.phone), externalEmail: full(L.email) },
      errors: referralErrors,
      partners,
      forExternal: true,
      question: full(1000),
      notice: 'Concept opgeslagen.',
    }),
  ],
  ['referralSubmittedCard', () => referralSubmittedCard('ZVH-2026-0007', false)],
  ['referralSubmittedCard resubmitted', () => referralSubmittedCard('ZVH-2026-0007', true)],

  ['myReferralsCard empty', () => myReferralsCard([])],
  ['myReferralsCard with draft, submitted, infoRequested, accepted and rejected', () => myReferralsCard(summaries)],
  ['casesCard empty', () => casesCard([])],
  ['casesCard with cases', () => casesCard(summaries.filter((s) => s.status !== 'draft'))],

  ['referralOutcomeCard accepted', () => referralOutcomeCard(accepted)],
  ['referralOutcomeCard rejected', () => referralOutcomeCard(rejected)],
  ['referralOutcomeCard infoRequested', () => referralOutcomeCard(infoRequested)],
  ['decisionRecordedCard accepted', () => decisionRecordedCard(accepted)],
  ['decisionRecordedCard rejected', () => decisionRecordedCard(rejected)],
  ['decisionRecordedCard infoRequested', () => decisionRecordedCard(infoRequested)],

  ['screeningCard open', () => screeningCard({ case: caseRecord(), tables })],
  ['screeningCard open, with refreshFor', () => screeningCard({ case: caseRecord(), tables, refreshFor })],
  ['screeningCard open, no procesmanager in Teams yet (empty refreshFor)', () => screeningCard({ case: caseRecord(), tables, refreshFor: [] })],
  ['screeningCard open, external referrer', () => screeningCard({ case: external, tables, refreshFor })],
  ['screeningCard open, without criteria and persons details', () => screeningCard({ case: caseRecord({ criteria: undefined, informed: undefined, urgency: undefined, lifeDomains: {}, chains: [], organisations: [], contact: undefined, submittedAt: undefined }), tables })],
  [
    'screeningCard open, with errors',
    () => screeningCard({
      case: caseRecord(),
      tables,
      refreshFor,
      values: { verb: 'screening.reject', caseId: uuid(500), tableId: tables[1]!.id, question: 'Wie?' },
      errors: { reason: 'Geef een reden.', question: 'Stel een vraag van minstens tien tekens.' },
    }),
  ],
  ['screeningCard decided: accepted', () => screeningCard({ case: accepted, tables, refreshFor })],
  ['screeningCard decided: rejected', () => screeningCard({ case: rejected, tables })],
  ['screeningCard decided: infoRequested', () => screeningCard({ case: infoRequested, tables, refreshFor })],
  ['screeningCard alreadyDecided', () => screeningCard({ case: accepted, tables, refreshFor, alreadyDecided: true })],
];

/**
 * Cards the bot can build today that the validator rejects, each with exactly the problems it has. Known and
 * reported, not accepted: when a card is fixed its test here fails, and it moves to cardFixtures above.
 */
export const knownCardProblems: [name: string, build: () => object, problems: string[]][] = [
  [
    // Without demo data (production) no overlegtafel exists yet, and the accept show card offers an empty dropdown.
    'screeningCard open, no tables',
    () => screeningCard({ case: caseRecord(), tables: [] }),
    ['validation: Input.ChoiceSet#tableId: An Input.ChoiceSet must have at least one choice defined.'],
  ],
];
