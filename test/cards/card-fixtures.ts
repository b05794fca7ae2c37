import fc from 'fast-check';
import { figuresCard, figuresExportCard, steeringChannelLinkedCard } from '../../cards/figures.card.ts';
import { noticesCard } from '../../cards/notices.card.ts';
import { statementAcceptedCard, statementCard } from '../../cards/confidentiality.card.ts';
import type { InzageDocument } from '../../src/privacy/inzage.ts';
import type { FiguresView } from '../../src/figures/figures.ts';
import { buildLedger, ledgerFigures } from '../../src/figures/ledger.ts';
import { periodChoices } from '../../src/figures/periods.ts';
import { twoYearsOfFacts } from '../support/figure-facts.ts';
import { myActionsCard } from '../../cards/action.card.ts';
import { handoverCard, handoverFormCard } from '../../cards/handover.card.ts';
import { reassessmentCard } from '../../cards/reassessment.card.ts';
import { consentCard } from '../../cards/consent.card.ts';
import { inzageReadyCard, inzageSearchCard } from '../../cards/inzage.card.ts';
import {
  caseLogbookCard,
  employeeLogbookCard,
  employeePickerCard,
  logbookCheckCard,
  logbookExportCard,
  unusualAccessCard,
} from '../../cards/logbook.card.ts';
import {
  agendaPointerCard,
  channelAgendaCard,
  draftAgendaCard,
  maxRefreshUsers,
  myAgendaCard,
  personalAgendaCard,
} from '../../cards/agenda.card.ts';
import { caseReferenceCard } from '../../cards/case-reference.card.ts';
import { casesCard, decisionRecordedCard, myReferralsCard, referralOutcomeCard } from '../../cards/cases.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { helpCard, unknownCommandCard } from '../../cards/help.card.ts';
import { Command } from '../../cards/commands.ts';
import { pushedCard, pushedTopics, unavailableCard, type PushedTopic } from '../../cards/pushed.card.ts';
import {
  caseOverviewCard,
  informingDueCard,
  deletedCaseCard,
  myCasesCard,
  proposalCard,
  regieFormCard,
  regieNoticeCard,
  shadowListCard,
  type RegieForm,
  type RegieFormContext,
} from '../../cards/lifecycle.card.ts';
import {
  actionCard,
  closeConfirmCard,
  decisionFormCard,
  discussionCard,
  liveSessionCard,
  meetingEndedCard,
  minutesCard,
  sessionSummaryCard,
  staleButtonCard,
  type DecisionFormView,
} from '../../cards/meeting.card.ts';
import {
  memberFormCard,
  memberListCard,
  memberRegisteredCard,
  registrationRequestedCard,
  strangerCard,
} from '../../cards/members.card.ts';
import { referralFormCard, referralSubmittedCard } from '../../cards/referral.card.ts';
import { screeningCard, type ScreeningView } from '../../cards/screening.card.ts';
import {
  channelLinkedCard,
  extraSessionInputIds,
  linkChannelCard,
  moveInputIds,
  newTableDefaults,
  sessionsCard,
  tableFormCard,
  tableFormValues,
  tablesCard,
} from '../../cards/tables.card.ts';
import type { ActionView } from '../../src/actions/action.repository.ts';
import type { ActionCardView } from '../../src/actions/actions.ts';
import type { CaseRecord, CaseSummary } from '../../src/cases/case.types.ts';
import type { AgendaItemView, AgendaView } from '../../src/conferences/agenda.ts';
import type { AgendaReason } from '../../src/conferences/agenda.rules.ts';
import { capacityOf, localParts } from '../../src/conferences/schedule.ts';
import type { SessionStatus, SessionView } from '../../src/conferences/session.repository.ts';
import type { TableView } from '../../src/conferences/table.repository.ts';
import type { TableOverview } from '../../src/conferences/tables.ts';
import type { DecisionView } from '../../src/decisions/decision.repository.ts';
import { DecisionField, maxActionsPerDecision } from '../../src/decisions/decision.rules.ts';
import type { ContributionView, InterventionView } from '../../src/meetings/discussion.repository.ts';
import type { EvaluationView } from '../../src/lifecycle/evaluation.repository.ts';
import type { FollowedCase } from '../../src/lifecycle/followed-case.repository.ts';
import type { ProposalView } from '../../src/lifecycle/proposal.repository.ts';
import type { RegieUpdateView } from '../../src/lifecycle/regie-update.repository.ts';
import type { CaseOverview } from '../../src/lifecycle/regie.ts';
import type { DiscussionView, ItemState } from '../../src/meetings/discussion.ts';
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
// The fixture clock: times late in the evening on Bonaire (UTC-4), many of them the next day in UTC, so that a
// card showing a moment in UTC shows another hour and often another day (test/cards/language.test.ts).
const nextSession = new Date('2026-03-04T02:00:00Z');
const full = (n: number) => 'a'.repeat(n);

const member = (
  n: number,
  displayName: string,
  role: MemberRole,
  organisation: { id: string; name: string },
): MemberView => ({
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
export function caseRecord(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: uuid(500),
    reference: 'ZVH-2026-0007',
    status: 'submitted',
    referrer: {
      memberId: members[2]!.id,
      aadObjectId: members[2]!.aadObjectId,
      name: 'Sharon Frans',
      organisationId: politie.id,
      organisationName: politie.name,
    },
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
      {
        position: 1,
        name: 'Maria Isenia',
        birthDate: '1988-05-14',
        address: 'Kaya Grandi 12, Kralendijk',
        bsn: '111222333',
      },
      {
        position: 2,
        name: 'Kevin Isenia',
        birthDate: '2011-09-02',
        address: 'Kaya Grandi 12, Kralendijk',
        relation: 'zoon',
      },
    ],
    organisations: [politie, forma, jeugdzorg].map((o) => ({ id: o.id, name: o.name })),
    submittedAt: new Date('2026-02-11T01:15:00Z'),
    updatedAt: new Date('2026-02-11T01:15:00Z'),
    ...overrides,
  };
}
const decidedBy = { decidedBy: { name: 'Ingrid Martina' }, decidedAt: new Date('2026-02-13T03:00:00Z') };
const accepted = caseRecord({ status: 'accepted', table, firstSessionAt: nextSession, ...decidedBy });
const rejected = caseRecord({
  status: 'rejected',
  rejectionReason: 'Er is maar één leefgebied en één organisatie betrokken; de wijkteams kunnen dit oppakken.',
  ...decidedBy,
});
const infoRequested = caseRecord({
  status: 'infoRequested',
  question: 'Is de moeder al geïnformeerd over de aanmelding, en door wie?',
  ...decidedBy,
});
/** A non-partner professional, registered by the procesmanager on behalf of a partner. */
const external = caseRecord({
  reference: 'ZVH-2026-0008',
  external: {
    name: 'Dirk Hart',
    organisation: 'Huisartsenpraktijk Rincon',
    phone: '+599 717 1234',
    email: 'd.hart@huisarts.example',
  },
  responsibleOrganisation: { id: jeugdzorg.id, name: jeugdzorg.name },
  informed: { informed: false, reason: 'De moeder is niet bereikbaar; volgende week een huisbezoek.' },
  urgency: 'normal',
});

const tables: ScreeningView['tables'] = [
  {
    id: table.id,
    name: table.name,
    schedule: {
      timeZone,
      weekday: 2,
      startTime: '10:00',
      anchorDate: '2026-01-06',
      intervalWeeks: 2,
      sessionMinutes: 120,
      minutesPerCase: 15,
    },
    agendaLeadHours: 48,
    organisationIds: partners.map((p) => p.id),
    firstFreeSession: nextSession,
  },
  {
    id: uuid(201),
    name: 'Jeugdtafel Rincon',
    schedule: {
      timeZone,
      weekday: 4,
      startTime: '14:00',
      anchorDate: '2026-01-08',
      intervalWeeks: 4,
      sessionMinutes: 60,
      minutesPerCase: 20,
    },
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
  updatedAt: new Date('2026-02-11T21:00:00Z'),
  ...(status === 'draft'
    ? {}
    : { reference: `ZVH-2026-${String(n).padStart(4, '0')}`, submittedAt: new Date('2026-02-11T01:15:00Z') }),
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
function filledReferral(
  count: number,
  text: (n: number, fallback: string) => string = (_n, s) => s,
): Record<string, string> {
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

/** The tables as the table repository returns them: the first linked to its channel and chaired by a contactpersoon. */
const withoutFreeSession = tables.map(({ firstFreeSession: _, ...t }): TableView => t);
const bonaire: TableView = {
  ...withoutFreeSession[0]!,
  chair: { memberId: members[1]!.id, name: members[1]!.displayName },
  channelConversationId: '19:casusoverleg@thread.tacv2',
};
const rincon: TableView = withoutFreeSession[1]!;
const tableViews = [bonaire, rincon];
const bonaireCapacity = capacityOf(bonaire.schedule);

const session = (n: number, status: SessionStatus, startsAt: Date, extra: Partial<SessionView> = {}): SessionView => ({
  id: uuid(700 + n),
  tableId: bonaire.id,
  ...(status === 'extra' ? {} : { occurrenceAt: startsAt }),
  startsAt,
  status,
  ...extra,
});
const published = {
  agendaPublishedAt: new Date('2026-03-02T02:00:00Z'),
  post: { conversationId: '19:casusoverleg@thread.tacv2', activityId: '1740837600000' },
};
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

/** An agenda item at position `n` of a session starting at `startsAt`. */
function agendaItem(
  n: number,
  reason: AgendaReason,
  startsAt: Date | undefined,
  invited: { id: string; name: string }[],
  extra: Partial<AgendaItemView> = {},
): AgendaItemView {
  return {
    id: uuid(800 + n),
    caseId: uuid(600 + n),
    reference: `ZVH-2026-${String(n).padStart(4, '0')}`,
    reason,
    state: 'waiting',
    ...(startsAt ? { slot: { start: minutes(startsAt, n * 15), end: minutes(startsAt, (n + 1) * 15) } } : {}),
    invitedOrganisations: invited,
    ...extra,
  };
}
function agenda(
  s: SessionView,
  items: AgendaItemView[],
  options: { overflow?: AgendaItemView[]; channelLinked?: boolean } = {},
): AgendaView {
  return {
    session: s,
    table: {
      id: bonaire.id,
      name: bonaire.name,
      timeZone,
      minutesPerCase: bonaire.schedule.minutesPerCase,
      capacity: bonaireCapacity,
      chairMemberId: bonaire.chair?.memberId,
      channelLinked: options.channelLinked ?? true,
    },
    items,
    overflow: options.overflow ?? [],
  };
}
const threeItems = (startsAt: Date) => [
  agendaItem(0, 'newCase', startsAt, [politie, forma, jeugdzorg]),
  agendaItem(1, 'newCase', startsAt, [politie, jeugdzorg]),
  agendaItem(2, 'backOnAgenda', startsAt, []),
];
const movedTo = new Date('2026-03-06T06:00:00Z');
const publishedAgenda = agenda(session(1, 'planned', nextSession, published), threeItems(nextSession));
const draftAgenda = agenda(session(1, 'planned', nextSession), threeItems(nextSession));
/** The published agenda as a draft not yet out. */
const unpublishedAgenda = () => ({
  ...publishedAgenda,
  session: { ...publishedAgenda.session, agendaPublishedAt: undefined },
});
const movedAgenda = agenda(
  session(2, 'moved', movedTo, { occurrenceAt: nextSession, ...published }),
  threeItems(movedTo),
);
const cancelledAgenda = agenda(session(3, 'cancelled', nextSession, published), threeItems(nextSession));
const emptyAgenda = agenda(session(4, 'planned', new Date('2026-03-18T02:00:00Z')), []);
const extraAgenda = agenda(session(5, 'extra', new Date('2026-03-11T06:30:00Z')), [
  agendaItem(3, 'newCase', new Date('2026-03-11T06:30:00Z'), [forma]),
]);
const fullAgenda = agenda(
  session(1, 'planned', nextSession, published),
  Array.from({ length: bonaireCapacity }, (_, n) =>
    agendaItem(n, n < 5 ? 'newCase' : 'backOnAgenda', nextSession, [politie, jeugdzorg]),
  ),
  {
    overflow: [
      agendaItem(20, 'backOnAgenda', undefined, [forma]),
      agendaItem(21, 'overdueActions', undefined, [politie]),
    ],
  },
);
const withGlances = {
  ...publishedAgenda,
  items: publishedAgenda.items.map((i, n) =>
    n === 0
      ? {
          ...i,
          glance: {
            firstPersonName: 'Maria Isenia',
            lifeDomains: ['housing', 'finances', 'domesticViolence'] as const,
            responsibleOrganisationName: politie.name,
          },
        }
      : n === 1
        ? { ...i, glance: { lifeDomains: [] } }
        : i,
  ),
  visibleCount: 2,
} as AgendaView & { visibleCount: number };
const addable = [
  { id: uuid(650), reference: 'ZVH-2026-0031' },
  { id: uuid(651), reference: 'ZVH-2026-0034' },
];
const participantIds = (count: number) => Array.from({ length: count }, (_, n) => `29:teams-user-${100 + n}`);

const overview = (t: TableView, next?: SessionView, extra: Partial<TableOverview> = {}): TableOverview => ({
  ...t,
  ...(next ? { nextSession: next } : {}),
  ...extra,
});
const sessionRow = (s: SessionView, itemCount: number) => ({
  ...s,
  itemCount,
  local: localParts(s.startsAt, timeZone),
});
const sessionRows = [
  sessionRow(publishedAgenda.session, 3),
  sessionRow(movedAgenda.session, 3),
  sessionRow(cancelledAgenda.session, 0),
  sessionRow(extraAgenda.session, 1),
  sessionRow(emptyAgenda.session, 0),
];
const tableFormErrors = {
  name: 'Er is al een tafel met deze naam.',
  organisationIds: 'Kies de partners aan deze tafel.',
  anchorDate: 'Deze datum valt niet op de gekozen weekdag.',
  startTime: 'Vul de begintijd in (uu:mm).',
  minutesPerCase: 'Per casus 5 tot 120 minuten.',
  agendaLeadHours: 'De agenda gaat 1 tot 336 uur (twee weken) vooraf uit.',
};
const formMembers = members.map((m) => ({
  id: m.id,
  displayName: m.displayName,
  organisationName: m.organisationName,
}));

const viewers = [
  undefined,
  ...(['processManager', 'contactPerson', 'participant'] as const).map((role) => ({
    role,
    organisationName: role === 'processManager' ? organisations[0]!.name : politie.name,
  })),
];

// The meeting: the channel card while it runs and after, the case card per person, the besluit, the actions.
const openedAt = new Date('2026-03-04T02:02:00Z');
const liveAgenda = (states: ItemState[]) =>
  agenda(
    session(1, 'planned', nextSession, { ...published, openedAt }),
    threeItems(nextSession).map((i, n) => ({ ...i, state: states[n]! })),
  );
const heldAgenda = agenda(
  session(1, 'held', nextSession, { ...published, openedAt, closedAt: new Date('2026-03-04T03:50:00Z') }),
  liveAgenda(['decided', 'deferred', 'decided']).items,
);

const person = (m: MemberView) => ({ memberId: m.id, name: m.displayName });
const [ingrid, ramon, sharon, ria, jeffrey] = members as [MemberView, MemberView, MemberView, MemberView, MemberView];
const at = (minute: number) => minutes(nextSession, minute);
const contribution = (
  n: number,
  o: { id: string; name: string },
  author: MemberView,
  text: string,
  extra: Partial<ContributionView> = {},
): ContributionView => ({
  id: uuid(1000 + n),
  agendaItemId: uuid(800),
  organisation: o,
  author: person(author),
  text,
  sensitive: false,
  createdAt: at(n),
  inOpenSession: true,
  consentedOrganisationIds: [],
  ...extra,
});
const contributions: ContributionView[] = [
  contribution(
    1,
    politie,
    sharon,
    'Twee meldingen van huiselijk geweld dit jaar, de laatste op 14 januari. Geen aangifte.',
    { lifeDomain: 'domesticViolence' },
  ),
  contribution(
    2,
    jeugdzorg,
    jeffrey,
    'Kevin is sinds januari niet meer op school geweest; de leerplichtambtenaar is ingeschakeld.',
    { lifeDomain: 'schoolWork' },
  ),
  contribution(3, politie, ramon, 'Er loopt een onderzoek naar de ex-partner; bespreek dit niet buiten dit overleg.', {
    sensitive: true,
  }),
  contribution(4, forma, ria, 'Huurachterstand van vier maanden; de verhuurder wil een regeling.', {
    lifeDomain: 'housing',
  }),
  // A life domain the labels do not know (older data) shows without it.
  contribution(5, forma, ria, 'Moeder staat open voor budgetbeheer.', { lifeDomain: 'unknown' }),
];
const interventions: InterventionView[] = [
  {
    id: uuid(1020),
    organisation: forma,
    author: person(ria),
    description: 'Budgetbeheer en een betalingsregeling met de verhuurder.',
    createdAt: at(20),
  },
  {
    id: uuid(1021),
    organisation: jeugdzorg,
    author: person(jeffrey),
    description: 'Gezinscoach voor moeder en zoon, twee keer per week.',
    createdAt: at(22),
  },
];
const decision = (n: number, extra: Partial<DecisionView> = {}): DecisionView => ({
  id: uuid(1030 + n),
  caseId: uuid(500),
  agendaItemId: uuid(800),
  goal: 'Het gezin blijft in de woning wonen en Kevin gaat weer naar school.',
  plan: 'Forma regelt budgetbeheer en een betalingsregeling; Jeugdzorg zet een gezinscoach in; de politie houdt de meldingen bij.',
  director: person(jeffrey),
  nextStep: 'backOnAgenda',
  nextDate: '2026-04-14',
  decidedBy: person(ramon),
  createdAt: at(30),
  ...extra,
});
const supersededDecision = decision(0, { supersededById: uuid(1031), nextDate: '2026-03-31' });
const correctedDecision = decision(1, {
  supersedesId: uuid(1030),
  correctionReason: 'De datum moest twee weken later: de gezinscoach begint pas in april.',
  createdAt: at(40),
});
const action = (
  n: number,
  state: ActionView['state'],
  o: { id: string; name: string },
  extra: Partial<ActionView> = {},
): ActionView => ({
  id: uuid(1040 + n),
  caseId: uuid(500),
  reference: 'ZVH-2026-0007',
  decisionId: uuid(1031),
  description: `Actie ${n}: ${['budgetbeheer aanvragen', 'gezinscoach inzetten', 'leerplicht informeren', 'meldingen bijhouden'][n % 4]}.`,
  organisation: o,
  dueDate: '2026-03-17',
  state,
  ...extra,
});
const actions: ActionView[] = [
  action(0, 'open', forma),
  action(1, 'claimed', jeugdzorg, { claimedBy: person(jeffrey), claimedAt: at(45) }),
  action(2, 'done', politie, {
    claimedBy: person(sharon),
    claimedAt: at(45),
    result: 'De leerplichtambtenaar is gebeld en komt op huisbezoek.',
    doneAt: at(50),
  }),
  action(3, 'done', politie, { claimedBy: person(sharon), doneAt: at(50) }),
];
/** Actions that ended without being done, one per reason. */
const notDoneActions: ActionView[] = [
  action(4, 'notDone', jeugdzorg, {
    claimedBy: person(jeffrey),
    claimedAt: at(45),
    doneAt: at(50),
    closeReason: 'failed',
    closeExplanation: 'Twee keer langs geweest, niemand thuis; telefonisch niet bereikbaar.',
  }),
  action(5, 'notDone', forma, {
    doneAt: at(50),
    closeReason: 'changed',
    closeExplanation: 'Het gezin is verhuisd; de actie is niet meer nodig.',
  }),
  action(6, 'notDone', politie, {
    doneAt: at(50),
    closeReason: 'skipped',
    closeExplanation: 'Geen capaciteit deze maand, opnieuw bespreken.',
  }),
];
const discussionView = (extra: Partial<DiscussionView> = {}): DiscussionView => {
  const { id, reference, persons, lifeDomains: domains, organisations: involved } = caseRecord({ status: 'accepted' });
  return {
    agendaItemId: uuid(800),
    itemState: 'active',
    session: liveAgenda(['active', 'waiting', 'waiting']).session,
    table: bonaire,
    case: { id, reference, persons, lifeDomains: domains, organisations: involved },
    contributions: [],
    hiddenContributions: [],
    interventions: [],
    decisions: [],
    actions: [],
    unfinishedFromLastMeeting: [],
    chairing: false,
    mayContribute: false,
    ...extra,
  };
};

const candidates = [ramon, sharon, ria, jeffrey].map((m) => ({
  id: m.id,
  name: m.displayName,
  organisationName: m.organisationName,
}));
const decisionForm = (extra: Partial<DecisionFormView> = {}): DecisionFormView => ({
  agendaItemId: uuid(800),
  reference: 'ZVH-2026-0007',
  candidates,
  organisations: [politie, forma, jeugdzorg],
  values: {},
  ...extra,
});
const decisionErrors: Record<string, string> = {
  goal: 'Beschrijf het doel dat is afgesproken.',
  directorMemberId: 'Kies de casusregisseur.',
  nextDate: 'Die datum moet na vandaag liggen.',
  [DecisionField.action(1, 'organisationId')]: 'Kies een organisatie die bij de casus betrokken is.',
  [DecisionField.action(1, 'dueDate')]: 'De datum ligt in het verleden.',
  [DecisionField.action(2, 'description')]: 'Beschrijf de actie.',
};
const actionCardView = (x: ActionView, extra: Partial<ActionCardView> = {}): ActionCardView => ({
  action: x,
  mayClaim: false,
  mine: false,
  mayReassign: false,
  mayCloseNotDone: false,
  colleagues: [],
  takeHome: [],
  takeHomeOptions: [],
  persons: [
    { name: 'Marisol Martis', address: 'Kaya Grandi 12, Kralendijk' },
    { name: 'Junior Martis', relation: 'zoon' },
  ],
  director: {
    name: 'Sharon Thode',
    organisation: 'Jeugdzorg',
    phone: '+599 717 0000',
    email: 'sharon@jeugdzorg.example',
  },
  meeting: { tableName: 'Casusoverleg Bonaire', startsAt: new Date('2026-03-03T14:00:00Z') },
  timeZone: 'America/Kralendijk',
  ...extra,
});
const today = '2026-03-20';
/** An action on the `mijn acties` list, as seen on `today`. */
const line = (x: ActionView) => ({
  ...x,
  daysLeft: Math.round((Date.parse(x.dueDate) - Date.parse(today)) / 86_400_000),
});

// After the besluit: the regisseur follows the case, the schaduwlijst, proposals, closure and evaluation.
const followed = (n: number, status: FollowedCase['status'], extra: Partial<FollowedCase> = {}): FollowedCase => ({
  id: uuid(600 + n),
  reference: `ZVH-2026-${String(n).padStart(4, '0')}`,
  status,
  table,
  openActions: 0,
  overdueActions: 0,
  ...extra,
});
const shadowListed = { shadowListedAt: new Date('2026-03-04T03:40:00Z'), shadowReturnDate: '2026-09-03' };
const myFollowed: FollowedCase[] = [
  followed(7, 'accepted', {
    goal: correctedDecision.goal,
    directorName: jeffrey.displayName,
    openActions: 3,
    overdueActions: 2,
    nextSessionAt: nextSession,
  }),
  followed(12, 'accepted', {
    goal: 'Meneer Anthony heeft een stabiele woonplek en zijn schulden zijn in beeld bij de schuldhulpverlening.',
    directorName: jeffrey.displayName,
    openActions: 1,
  }),
  // Decided without a goal (older data), every action done.
  followed(15, 'accepted', { directorName: jeffrey.displayName }),
  followed(18, 'shadowList', {
    goal: 'Gina blijft bij haar moeder wonen en maakt haar opleiding af.',
    directorName: jeffrey.displayName,
    openActions: 1,
    overdueActions: 1,
    ...shadowListed,
  }),
];
const onShadowList: FollowedCase[] = [
  myFollowed[3]!,
  followed(21, 'shadowList', {
    directorName: ria.displayName,
    shadowListedAt: new Date('2026-01-21T02:30:00Z'),
    shadowReturnDate: '2026-07-20',
  }),
  // No regisseur and no dates (older data): the card shows question marks.
  followed(22, 'shadowList'),
];

const regieUpdate = (
  n: number,
  kind: RegieUpdateView['kind'],
  at: string,
  extra: Partial<RegieUpdateView> = {},
): RegieUpdateView => ({ id: uuid(1100 + n), kind, at: new Date(at), ...extra });
const by = (m: MemberView) => ({ author: { name: m.displayName, organisationName: m.organisationName } });
const regieUpdates: RegieUpdateView[] = [
  regieUpdate(0, 'progress', '2026-04-15T01:00:00Z', {
    ...by(jeffrey),
    text: 'Het budgetbeheer loopt sinds half maart; de verhuurder heeft de betalingsregeling geaccepteerd. Kevin gaat sinds de meivakantie weer drie dagen per week naar school.',
  }),
  regieUpdate(1, 'backOnAgenda', '2026-04-01T00:00:00Z', {
    ...by(jeffrey),
    text: 'De gezinscoach komt niet binnen; graag met de leerplichtambtenaar bespreken hoe we verder gaan.',
  }),
  regieUpdate(2, 'directorChanged', '2026-03-11T03:00:00Z', by(ingrid)),
  regieUpdate(3, 'progress', '2026-03-07T04:20:00Z', {
    ...by(ramon),
    text: 'Geen nieuwe meldingen sinds het overleg.',
  }),
];

const proposer = { memberId: jeffrey.id, aadObjectId: jeffrey.aadObjectId, name: jeffrey.displayName };
const proposal = (extra: Partial<ProposalView> = {}): ProposalView => ({
  id: uuid(1110),
  caseId: uuid(500),
  kind: 'shadowList',
  proposedBy: proposer,
  createdAt: new Date('2026-04-21T01:00:00Z'),
  note: 'Het gezin is stabiel: de huur wordt betaald en Kevin gaat weer naar school. Zes maanden volgen zonder overleg is genoeg.',
  ...extra,
});
const closureProposal = proposal({
  id: uuid(1111),
  kind: 'closure',
  outcome: 'goalPartlyReached',
  note: 'De woning is behouden; school blijft moeizaam, maar dat pakt de leerplicht verder op.',
});
const decided = { decidedBy: { name: ingrid.displayName }, decidedAt: new Date('2026-04-21T21:30:00Z') };

const evaluation = (
  m: MemberView,
  goalReached: EvaluationView['goalReached'],
  cooperation: number,
  extra: Partial<EvaluationView> = {},
): EvaluationView => ({
  organisationId: m.organisationId,
  organisationName: m.organisationName,
  member: { name: m.displayName },
  goalReached,
  cooperation,
  at: new Date('2026-05-05T00:00:00Z'),
  ...extra,
});
const evaluations: EvaluationView[] = [
  evaluation(sharon, 'partly', 4, {
    wentWell: 'Snel schakelen tussen politie en Jeugdzorg na de laatste melding.',
    couldBeBetter: 'De leerplichtambtenaar had eerder aan tafel moeten zitten.',
  }),
  evaluation(ria, 'yes', 5, { wentWell: 'De betalingsregeling was binnen twee weken rond.' }),
];

const granted = (may: Partial<CaseOverview['may']> = {}): CaseOverview['may'] => ({
  direct: false,
  manage: false,
  pullBack: false,
  evaluate: false,
  remind: false,
  inform: false,
  ...may,
});
const followedCase = (extra: Partial<CaseOverview['case']> = {}): CaseOverview['case'] => ({
  id: uuid(500),
  reference: 'ZVH-2026-0007',
  status: 'accepted',
  tableId: table.id,
  tableName: table.name,
  timeZone,
  firstPersonName: 'Maria Isenia',
  goal: correctedDecision.goal,
  plan: correctedDecision.plan,
  directorMemberId: jeffrey.id,
  director: person(jeffrey),
  ...extra,
});
const caseView = (extra: Partial<CaseOverview> = {}): CaseOverview => ({
  case: followedCase(),
  actions: [],
  updates: [],
  evaluations: [],
  missingEvaluations: [],
  directorCandidates: [],
  informing: { informerName: 'Sharon Frans', overdue: false },
  may: granted(),
  ...extra,
});
const closedCase = followedCase({
  status: 'closed',
  closedAt: new Date('2026-04-29T03:10:00Z'),
  outcome: 'goalPartlyReached',
});
const regieContext = (extra: Partial<RegieFormContext> = {}): RegieFormContext => ({
  caseId: uuid(500),
  reference: 'ZVH-2026-0007',
  manager: false,
  status: 'accepted',
  candidates,
  ...extra,
});
const regieForms: [RegieForm, string, Partial<RegieFormContext>, Record<string, string>, Record<string, string>][] = [
  [
    'backOnAgenda',
    'a date in the past',
    {},
    { date: '01-03-2026', reason: 'De gezinscoach komt niet binnen.' },
    { date: 'Die datum moet na vandaag liggen.' },
  ],
  [
    'backOnAgenda',
    'no reason and a wrong date',
    {},
    { date: '31-02' },
    {
      date: 'Geen geldige datum. Schrijf hem als dd-mm-jjjj, of laat het veld leeg voor het eerstvolgende overleg.',
      reason: 'Schrijf waarom de casus terug op de agenda moet.',
    },
  ],
  ['progress', 'empty', {}, { text: '' }, { text: 'Schrijf kort hoe het gaat.' }],
  [
    'inform',
    'the procesmanager, a date in the future',
    { manager: true, candidates: [{ id: uuid(305), name: 'Jeffrey Statia', organisationName: 'Jeugdzorg CN' }] },
    { informedOn: '01-01-2030' },
    { informedOn: 'Die datum ligt in de toekomst.' },
  ],
  [
    'inform',
    'the one who informs, nothing filled in',
    {},
    {},
    { informedOn: 'Vul de datum in waarop de betrokkene is geïnformeerd, of schrijf waarom dat nog niet is gebeurd.' },
  ],
  [
    'propose',
    'the regisseur, closure without outcome',
    {},
    { kind: 'closure', note: 'De woning is behouden.' },
    { outcome: 'Kies de uitkomst van de casus.' },
  ],
  [
    'propose',
    'the procesmanager on the schaduwlijst, nothing chosen',
    { manager: true, status: 'shadowList' },
    {},
    { kind: 'Kies: naar de schaduwlijst of afsluiten.' },
  ],
  [
    'changeDirector',
    'someone no longer involved',
    { manager: true },
    { directorMemberId: uuid(399) },
    { directorMemberId: 'Kies een casusregisseur van een betrokken organisatie.' },
  ],
  [
    'changeDirector',
    'no candidates',
    { manager: true, candidates: [] },
    {},
    { directorMemberId: 'Kies een casusregisseur van een betrokken organisatie.' },
  ],
  [
    'evaluate',
    'no cooperation mark, texts kept',
    { status: 'closed' },
    { goalReached: 'partly', wentWell: 'Snel schakelen.', couldBeBetter: 'Eerder de leerplicht erbij.' },
    { cooperation: 'Geef de samenwerking een cijfer van 1 tot 5.' },
  ],
];

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
  [
    'unknownCommandCard, Bedoel je mijn acties',
    () => unknownCommandCard({ command: Command.myActions }, { shared: false }),
  ],
  [
    'unknownCommandCard, a search by reference',
    () => unknownCommandCard({ command: Command.cases, search: '0084' }, { shared: false }),
  ],
  ['unknownCommandCard, nothing close, shared', () => unknownCommandCard(undefined, { shared: true })],

  ['strangerCard, may ask for registration', () => strangerCard('de procesmanager', { mayRequest: true })],
  ['strangerCard without a Teams identity', () => strangerCard('de procesmanager', { mayRequest: false })],
  ['registrationRequestedCard', () => registrationRequestedCard()],
  ['memberFormCard with roster', () => memberFormCard({ roster, organisations })],
  ['memberFormCard without roster', () => memberFormCard({ roster: [], organisations })],
  [
    'memberFormCard with roster, values and errors',
    () =>
      memberFormCard({
        roster,
        organisations,
        values: { person: roster[3]!.aadObjectId, displayName: 'Ria', aadObjectId: 'geen-guid', role: 'participant' },
        errors: { aadObjectId: 'Dit is geen geldig Azure AD object-id.', organisationId: 'Kies een organisatie.' },
      }),
  ],
  [
    'memberFormCard without roster, with errors',
    () =>
      memberFormCard({
        roster: [],
        organisations,
        values: { displayName: 'Ria Winklaar' },
        errors: { aadObjectId: 'Vul het object-id in.', role: 'Kies een rol.' },
      }),
  ],
  ['memberRegisteredCard created', () => memberRegisteredCard(members[3]!, true)],
  ['memberRegisteredCard updated', () => memberRegisteredCard(members[4]!, false)],
  ['memberListCard', () => memberListCard(members)],
  ['memberListCard only the procesmanager', () => memberListCard(members.slice(0, 1))],
  ['memberListCard canRegister', () => memberListCard(members, { canRegister: true })],
  [
    'memberListCard with an incidentele deelnemer',
    () => memberListCard([...members.slice(0, 2), { ...members[2]!, occasional: true }], { canRegister: true }),
  ],
  [
    'memberRegisteredCard an incidentele deelnemer',
    () => memberRegisteredCard({ ...members[3]!, occasional: true }, true),
  ],
  [
    'memberFormCard an incidentele deelnemer',
    () => memberFormCard({ roster: [], organisations, values: { displayName: 'Ria Winklaar', occasional: 'true' } }),
  ],

  ['referralFormCard empty', () => referralFormCard({ values: {}, partners, forExternal: false })],
  [
    'referralFormCard filled, two persons',
    () => referralFormCard({ caseId: uuid(500), values: filledReferral(2), partners, forExternal: false }),
  ],
  [
    'referralFormCard with errors',
    () =>
      referralFormCard({
        values: { ...filledReferral(1), p1_name: '', p1_bsn: '123' },
        errors: referralErrors,
        partners,
        forExternal: false,
      }),
  ],
  [
    'referralFormCard forExternal, with errors',
    () =>
      referralFormCard({
        values: { externalName: 'Dirk Hart', externalEmail: 'geen-mail', responsibleOrganisationId: jeugdzorg.id },
        errors: {
          externalOrganisation: 'Vul de organisatie van de aanmelder in.',
          externalEmail: 'Dit is geen geldig e-mailadres.',
        },
        partners,
        forExternal: true,
      }),
  ],
  [
    'referralFormCard with question and notice',
    () =>
      referralFormCard({
        caseId: uuid(500),
        values: filledReferral(2),
        partners,
        forExternal: false,
        question: infoRequested.question,
        notice: 'Je gaat verder met je concept van 10 februari 2026. Nieuw beginnen kan via "mijn aanmeldingen".',
      }),
  ],
  [
    'referralFormCard draft saved notice',
    () =>
      referralFormCard({
        caseId: uuid(500),
        values: filledReferral(1),
        partners,
        forExternal: false,
        notice: 'Concept opgeslagen.',
      }),
  ],
  [
    'referralFormCard max persons, every field full, forExternal, question and errors',
    () =>
      referralFormCard({
        caseId: uuid(500),
        values: {
          ...filledReferral(maxPersons, (n) => full(n)),
          externalName: full(L.name),
          externalOrganisation: full(L.name),
          externalPhone: full(L.phone),
          externalEmail: full(L.email),
        },
        errors: referralErrors,
        partners,
        forExternal: true,
        question: full(1000),
        notice: 'Concept opgeslagen.',
      }),
  ],
  ['referralSubmittedCard', () => referralSubmittedCard('ZVH-2026-0007', false)],
  ['referralSubmittedCard resubmitted', () => referralSubmittedCard('ZVH-2026-0007', true)],

  ['myReferralsCard empty', () => myReferralsCard([], timeZone)],
  [
    'myReferralsCard with draft, submitted, infoRequested, accepted and rejected',
    () => myReferralsCard(summaries, timeZone),
  ],
  [
    'caseReferenceCard under regie, next meeting',
    () =>
      caseReferenceCard(
        {
          id: uuid(500),
          reference: 'ZVH-2026-0084',
          status: 'accepted',
          directed: true,
          table,
          nextSessionAt: nextSession,
        },
        { asOf: nextSession, networkTimeZone: timeZone },
      ),
  ],
  [
    'caseReferenceCard waiting for screening, no table yet',
    () =>
      caseReferenceCard(
        { id: uuid(501), reference: 'ZVH-2026-0085', status: 'submitted', directed: false },
        { asOf: nextSession, networkTimeZone: timeZone },
      ),
  ],
  ['casesCard empty', () => casesCard({ cases: [], page: 0, more: false })],
  [
    'casesCard with cases and more',
    () => casesCard({ cases: summaries.filter((s) => s.status !== 'draft'), page: 0, more: true }),
  ],
  [
    'casesCard second page of a search',
    () => casesCard({ cases: summaries.filter((s) => s.status !== 'draft'), page: 1, more: false, search: '00' }),
  ],
  ['casesCard search without result', () => casesCard({ cases: [], page: 0, more: false, search: 'ZVH-2026-0999' })],

  ['referralOutcomeCard accepted', () => referralOutcomeCard(accepted)],
  ['referralOutcomeCard rejected', () => referralOutcomeCard(rejected)],
  ['referralOutcomeCard infoRequested', () => referralOutcomeCard(infoRequested)],
  ['decisionRecordedCard accepted', () => decisionRecordedCard(accepted, timeZone)],
  ['decisionRecordedCard rejected', () => decisionRecordedCard(rejected, timeZone)],
  ['decisionRecordedCard infoRequested', () => decisionRecordedCard(infoRequested, timeZone)],

  ['screeningCard open', () => screeningCard({ timeZone, case: caseRecord(), tables })],
  ['screeningCard open, with refreshFor', () => screeningCard({ timeZone, case: caseRecord(), tables, refreshFor })],
  [
    'screeningCard open, no procesmanager in Teams yet (empty refreshFor)',
    () => screeningCard({ timeZone, case: caseRecord(), tables, refreshFor: [] }),
  ],
  ['screeningCard open, external referrer', () => screeningCard({ timeZone, case: external, tables, refreshFor })],
  [
    'screeningCard open, without criteria and persons details',
    () =>
      screeningCard({
        timeZone,
        case: caseRecord({
          criteria: undefined,
          informed: undefined,
          urgency: undefined,
          lifeDomains: {},
          chains: [],
          organisations: [],
          contact: undefined,
          submittedAt: undefined,
        }),
        tables,
      }),
  ],
  [
    'screeningCard open, with errors',
    () =>
      screeningCard({
        timeZone,
        case: caseRecord(),
        tables,
        refreshFor,
        values: { verb: 'screening.reject', caseId: uuid(500), tableId: tables[1]!.id, question: 'Wie?' },
        errors: { reason: 'Geef een reden.', question: 'Stel een vraag van minstens tien tekens.' },
      }),
  ],
  [
    'screeningCard open, a herhaalde aanmelding: one closed case and one still open',
    () =>
      screeningCard({
        timeZone,
        case: caseRecord(),
        tables,
        refreshFor,
        repeats: [
          {
            caseId: uuid(520),
            reference: 'ZVH-2025-0117',
            status: 'closed',
            table: { name: 'Casusoverleg Bonaire', timeZone: 'America/Kralendijk' },
            closedAt: new Date('2026-03-11T02:30:00Z'),
            outcome: 'goalPartlyReached',
            persons: [
              { name: 'Jan Fictief', basis: 'bsn' },
              { name: 'Mira Fictief', basis: 'nameAndBirthDate' },
            ],
          },
          {
            caseId: uuid(521),
            reference: 'ZVH-2026-0031',
            status: 'submitted',
            persons: [{ name: 'Mira Fictief', basis: 'nameAndBirthDate' }],
          },
        ],
      }),
  ],
  ['screeningCard decided: accepted', () => screeningCard({ timeZone, case: accepted, tables, refreshFor })],
  ['screeningCard decided: rejected', () => screeningCard({ timeZone, case: rejected, tables })],
  ['screeningCard decided: infoRequested', () => screeningCard({ timeZone, case: infoRequested, tables, refreshFor })],
  [
    'screeningCard alreadyDecided',
    () => screeningCard({ timeZone, case: accepted, tables, refreshFor, alreadyDecided: true }),
  ],

  ['screeningCard open, no tables', () => screeningCard({ timeZone, case: caseRecord(), tables: [] })],
  [
    'screeningCard open, no tables, with refreshFor',
    () => screeningCard({ timeZone, case: caseRecord(), tables: [], refreshFor }),
  ],

  ['channelAgendaCard published', () => channelAgendaCard(publishedAgenda)],
  ['channelAgendaCard published, with refreshFor', () => channelAgendaCard(publishedAgenda, participantIds(5))],
  [
    `channelAgendaCard with more than ${maxRefreshUsers} refresh users`,
    () => channelAgendaCard(publishedAgenda, participantIds(maxRefreshUsers + 15)),
  ],
  ['channelAgendaCard moved', () => channelAgendaCard(movedAgenda, participantIds(3))],
  ['channelAgendaCard cancelled', () => channelAgendaCard(cancelledAgenda, participantIds(3))],
  ['channelAgendaCard empty', () => channelAgendaCard(emptyAgenda)],
  ['channelAgendaCard full, with overflow', () => channelAgendaCard(fullAgenda, participantIds(maxRefreshUsers))],
  ['personalAgendaCard with glances', () => personalAgendaCard(withGlances)],
  ['personalAgendaCard visibleCount 0', () => personalAgendaCard({ ...publishedAgenda, visibleCount: 0 })],
  ['personalAgendaCard cancelled', () => personalAgendaCard({ ...cancelledAgenda, visibleCount: 0 })],
  [
    'draftAgendaCard unpublished, with items and addable cases',
    () => draftAgendaCard({ agenda: draftAgenda, addable }),
  ],
  [
    'draftAgendaCard unpublished, no channel, with notice',
    () =>
      draftAgendaCard({
        agenda: agenda(draftAgenda.session, draftAgenda.items, { channelLinked: false }),
        addable: [],
        notice: 'ZVH-2026-0031 staat op de agenda.',
      }),
  ],
  ['draftAgendaCard published', () => draftAgendaCard({ agenda: publishedAgenda, addable })],
  ['draftAgendaCard full, with overflow', () => draftAgendaCard({ agenda: fullAgenda, addable })],
  ['draftAgendaCard one item', () => draftAgendaCard({ agenda: extraAgenda, addable: [] })],
  ['draftAgendaCard cancelled session', () => draftAgendaCard({ agenda: cancelledAgenda, addable })],
  [
    'draftAgendaCard held session',
    () =>
      draftAgendaCard({
        agenda: agenda(
          session(6, 'held', new Date('2026-02-18T02:00:00Z'), published),
          threeItems(new Date('2026-02-18T02:00:00Z')),
        ),
        addable,
      }),
  ],
  ['draftAgendaCard no items', () => draftAgendaCard({ agenda: emptyAgenda, addable })],
  ['draftAgendaCard being published', () => draftAgendaCard({ agenda: unpublishedAgenda(), addable, posting: true })],
  [
    'draftAgendaCard changed since it was shown',
    () =>
      draftAgendaCard({
        agenda: unpublishedAgenda(),
        addable,
        chairing: true,
        changes: {
          added: [
            { reference: 'ZVH-2026-0084', reason: 'overdueActions' },
            { reference: 'ZVH-2026-0085', reason: 'returnFromShadowList' },
          ],
          removed: 2,
          reordered: true,
        },
      }),
  ],
  ['draftAgendaCard no items, nothing addable', () => draftAgendaCard({ agenda: emptyAgenda, addable: [] })],
  [
    'myAgendaCard manage',
    () => myAgendaCard([publishedAgenda, emptyAgenda, movedAgenda, extraAgenda], { manage: true }),
  ],
  ['myAgendaCard participant', () => myAgendaCard([publishedAgenda, emptyAgenda], { manage: false })],
  ['myAgendaCard manage, empty', () => myAgendaCard([], { manage: true })],
  ['myAgendaCard participant, empty', () => myAgendaCard([], { manage: false })],
  // Pushed unasked (cards/pushed.card.ts): every kind, with the richest content it may have.
  ...(Object.keys(pushedTopics) as PushedTopic[]).map((topic): CardFixture => [
    `pushedCard ${topic}`,
    () =>
      pushedCard({
        topic,
        reference: 'ZVH-2026-0007',
        meeting: { table: bonaire.name, startsAt: nextSession, timeZone: 'America/Kralendijk' },
        references: [
          { reference: 'ZVH-2026-0000' },
          { reference: 'ZVH-2026-0001', to: nextSession },
          { reference: 'ZVH-2026-0021', to: 'unplanned' },
        ],
        open: { verb: Verb.actionShow, ids: { actionId: uuid(1) } },
        refreshes: true,
        more: [{ title: 'Staat er al', verb: Verb.agendaConfirmPosted, ids: { sessionId: uuid(2) } }],
      }),
  ]),
  [
    'pushedCard moved, no refresh',
    () =>
      pushedCard({
        topic: 'sessionMoved',
        meeting: { table: bonaire.name, startsAt: nextSession, timeZone: 'America/Kralendijk' },
        movedFrom: new Date('2026-11-25T02:00:00Z'),
        open: { verb: Verb.agendaMine, ids: { sessionId: uuid(2) } },
        refreshes: false,
      }),
  ],
  ['unavailableCard', () => unavailableCard()],

  [
    'tablesCard manage',
    () => tablesCard([overview(bonaire, publishedAgenda.session), overview(rincon)], { manage: true }),
  ],
  [
    'tablesCard not manage',
    () => tablesCard([overview(bonaire, publishedAgenda.session), overview(rincon)], { manage: false }),
  ],
  ['tablesCard manage, empty', () => tablesCard([], { manage: true })],
  ['tablesCard not manage, empty', () => tablesCard([], { manage: false })],
  [
    'tablesCard manage, with notice and a closed table',
    () =>
      tablesCard(
        [
          overview(bonaire, publishedAgenda.session),
          overview(rincon, undefined, { closedAt: new Date('2026-02-21T00:00:00Z') }),
        ],
        { manage: true, notice: 'Tafel Jeugdtafel Rincon is gesloten.' },
      ),
  ],
  ['tableFormCard new', () => tableFormCard({ values: newTableDefaults, partners, members: formMembers })],
  ['tableFormCard new, no members', () => tableFormCard({ values: newTableDefaults, partners, members: [] })],
  [
    'tableFormCard edit',
    () => tableFormCard({ tableId: bonaire.id, values: tableFormValues(bonaire), partners, members: formMembers }),
  ],
  [
    'tableFormCard edit, with errors and another timezone',
    () =>
      tableFormCard({
        tableId: rincon.id,
        values: { ...tableFormValues(rincon), timeZone: 'Europe/Brussels', startTime: '', minutesPerCase: '500' },
        errors: tableFormErrors,
        partners,
        members: formMembers,
      }),
  ],
  ['sessionsCard planned, moved, cancelled and extra', () => sessionsCard({ table: bonaire, sessions: sessionRows })],
  [
    'sessionsCard with notice',
    () =>
      sessionsCard({
        table: bonaire,
        sessions: sessionRows,
        notice: 'Het overleg is verplaatst; de betrokkenen krijgen bericht.',
      }),
  ],
  [
    'sessionsCard with errors on a move, values kept',
    () => {
      const ids = moveInputIds(movedAgenda.session.id);
      return sessionsCard({
        table: bonaire,
        sessions: sessionRows,
        values: { [ids.date]: '2026-02-01', [ids.time]: '25:00' },
        errors: {
          [ids.date]: 'Kies een moment in de toekomst.',
          [ids.time]: 'Vul een tijd in als uu:mm, bijvoorbeeld 10:00.',
        },
      });
    },
  ],
  [
    'sessionsCard with errors on an extra meeting',
    () =>
      sessionsCard({
        table: bonaire,
        sessions: sessionRows,
        values: { [extraSessionInputIds.time]: '9' },
        errors: {
          [extraSessionInputIds.date]: 'Kies een datum.',
          [extraSessionInputIds.time]: 'Vul een tijd in als uu:mm, bijvoorbeeld 10:00.',
        },
      }),
  ],
  ['sessionsCard no sessions', () => sessionsCard({ table: rincon, sessions: [] })],
  ['linkChannelCard', () => linkChannelCard(tableViews)],
  ['linkChannelCard empty', () => linkChannelCard([])],
  ['channelLinkedCard', () => channelLinkedCard(bonaire)],

  ['liveSessionCard with an active item', () => liveSessionCard(liveAgenda(['decided', 'active', 'waiting']))],
  [
    'liveSessionCard no active item, one decided, others waiting',
    () => liveSessionCard(liveAgenda(['decided', 'waiting', 'waiting'])),
  ],
  [
    'liveSessionCard no active item, a deferred one, none decided',
    () => liveSessionCard(liveAgenda(['deferred', 'waiting', 'waiting'])),
  ],
  ['liveSessionCard all decided', () => liveSessionCard(liveAgenda(['decided', 'decided', 'decided']))],
  [
    'liveSessionCard one invited has not signed the geheimhoudingsverklaring',
    () => liveSessionCard(liveAgenda(['active', 'waiting', 'waiting']), { unsignedCount: 1 }),
  ],
  [
    'liveSessionCard three invited have not signed',
    () => liveSessionCard(liveAgenda(['decided', 'active', 'waiting']), { unsignedCount: 3 }),
  ],
  [
    'discussionCard as chair, two invited have not signed the geheimhoudingsverklaring',
    () =>
      discussionCard(
        discussionView({ chairing: true, mayContribute: true, unsignedInvited: ['Ria Winklaar', 'Sherwin Martis'] }),
      ),
  ],
  [
    'sessionSummaryCard nothing discussed',
    () => sessionSummaryCard(heldAgenda, { discussed: 0, actions: 0, deferred: 0 }),
  ],
  ['sessionSummaryCard one of each', () => sessionSummaryCard(heldAgenda, { discussed: 1, actions: 1, deferred: 1 })],
  ['sessionSummaryCard many', () => sessionSummaryCard(heldAgenda, { discussed: 7, actions: 23, deferred: 2 })],

  [
    'discussionCard as chair, nothing yet',
    () => discussionCard(discussionView({ chairing: true, mayContribute: true })),
  ],
  [
    'discussionCard as chair, corrected decision, actions in each state, a sensitive contribution, interventions',
    () =>
      discussionCard(
        discussionView({
          itemState: 'decided',
          chairing: true,
          mayContribute: true,
          contributions,
          interventions,
          decisions: [supersededDecision, correctedDecision],
          actions,
        }),
        'Het besluit is vastgelegd. De organisaties met een actie krijgen bericht.',
      ),
  ],
  [
    'discussionCard with the actions of the last meeting that are not done, with their reasons',
    () =>
      discussionCard(
        discussionView({
          mayContribute: true,
          unfinishedFromLastMeeting: [...notDoneActions, actions[1]!],
          actions: [...actions, ...notDoneActions],
        }),
      ),
  ],
  [
    'discussionCard as a participant who may contribute, with hidden contributions',
    () =>
      discussionCard(
        discussionView({
          mayContribute: true,
          contributions: contributions.filter((c) => !c.sensitive),
          hiddenContributions: [
            { contributionId: uuid(1050), organisation: politie.name, sensitive: true },
            {
              contributionId: uuid(1051),
              organisation: politie.name,
              sensitive: false,
              consent: { id: uuid(1060), state: 'requested' },
            },
          ],
          interventions,
          decisions: [correctedDecision],
          actions,
        }),
      ),
  ],
  [
    'discussionCard as someone who may not contribute',
    () =>
      discussionCard(
        discussionView({
          itemState: 'deferred',
          contributions: contributions.filter((c) => !c.sensitive),
          hiddenContributions: [
            {
              contributionId: uuid(1052),
              organisation: politie.name,
              sensitive: false,
              consent: { id: uuid(1061), state: 'refused' },
            },
          ],
        }),
      ),
  ],

  [
    'discussionCard with more contributions and interventions than it shows, and a chain of corrections',
    () =>
      discussionCard(
        discussionView({
          chairing: true,
          mayContribute: true,
          contributions: Array.from({ length: 13 }, (_, n) => contributions[n % contributions.length]!),
          hiddenContributions: [
            { contributionId: uuid(1053), organisation: politie.name, sensitive: true },
            {
              contributionId: uuid(1054),
              organisation: forma.name,
              sensitive: false,
              consent: { id: uuid(1062), state: 'withdrawn' },
            },
            {
              contributionId: uuid(1055),
              organisation: politie.name,
              sensitive: false,
              consent: { id: uuid(1063), state: 'granted' },
            },
          ],
          interventions: Array.from({ length: 11 }, (_, n) => interventions[n % interventions.length]!),
          decisions: [
            supersededDecision,
            { ...correctedDecision, supersededById: uuid(1032) },
            decision(2, { supersedesId: uuid(1031), correctionReason: 'Casusregisseur gewijzigd.' }),
          ],
          actions,
        }),
      ),
  ],

  ['decisionFormCard new', () => decisionFormCard(decisionForm())],
  // Nobody of the invited organisations is registered yet: no one can be casusregisseur.
  ['decisionFormCard new, no candidates', () => decisionFormCard(decisionForm({ candidates: [] }))],
  [
    'decisionFormCard correcting the current decision',
    () => decisionFormCard(decisionForm({ current: correctedDecision })),
  ],
  [
    'decisionFormCard with errors on several fields and action rows, values kept',
    () =>
      decisionFormCard(
        decisionForm({
          values: {
            plan: 'Budgetbeheer.',
            nextStep: 'backOnAgenda',
            nextDate: '01-02-2026',
            [DecisionField.action(1, 'description')]: 'Budgetbeheer aanvragen',
            [DecisionField.action(1, 'dueDate')]: '01-02-2026',
            [DecisionField.action(2, 'organisationId')]: forma.id,
          },
          errors: decisionErrors,
        }),
      ),
  ],
  [
    'decisionFormCard correcting, with errors on the reason and the last action row',
    () =>
      decisionFormCard(
        decisionForm({
          current: correctedDecision,
          values: {
            goal: correctedDecision.goal,
            plan: correctedDecision.plan,
            directorMemberId: jeffrey.id,
            nextStep: 'closure',
          },
          errors: {
            correctionReason: 'Geef de reden van de correctie.',
            [DecisionField.action(maxActionsPerDecision, 'description')]: 'Beschrijf de actie.',
          },
        }),
      ),
  ],
  [
    'decisionFormCard closure with outcome, values kept',
    () =>
      decisionFormCard(
        decisionForm({
          values: {
            goal: correctedDecision.goal,
            plan: correctedDecision.plan,
            directorMemberId: jeffrey.id,
            nextStep: 'closure',
            outcome: 'transferred',
          },
        }),
      ),
  ],
  [
    'decisionFormCard closure without outcome, with error',
    () =>
      decisionFormCard(
        decisionForm({
          values: { nextStep: 'closure' },
          errors: { outcome: 'Kies de uitkomst van de casus bij afsluiten.' },
        }),
      ),
  ],

  ['actionCard open, may claim', () => actionCard(actionCardView(actions[0]!, { mayClaim: true }))],
  [
    'actionCard with take-home, consent asked and given',
    () =>
      actionCard(
        actionCardView(actions[1]!, {
          mine: true,
          takeHome: [
            { contributionId: uuid(1001), organisation: politie.name, consent: 'requested' },
            {
              contributionId: uuid(1002),
              organisation: forma.name,
              text: 'Huurachterstand van vier maanden; betalingsregeling loopt.',
              consent: 'granted',
            },
          ],
        }),
      ),
  ],
  [
    'actionCard, the regisseur may mark take-home and reassign',
    () =>
      actionCard(
        actionCardView(actions[1]!, {
          mayReassign: true,
          colleagues: [person(sharon)],
          takeHomeOptions: [
            {
              id: uuid(1001),
              organisation: politie.name,
              createdAt: at(1),
              text: 'Drie meldingen huiselijk geweld dit jaar',
            },
            { id: uuid(1003), organisation: forma.name, createdAt: at(3) },
          ],
          timeZone,
        }),
      ),
  ],
  [
    'actionCard mine and claimed, with notice',
    () => actionCard(actionCardView(actions[1]!, { mine: true }), 'Je hebt deze actie opgepakt.'),
  ],
  [
    'actionCard claimed, the regisseur may reassign to colleagues',
    () =>
      actionCard(
        actionCardView(actions[1]!, {
          mayReassign: true,
          colleagues: [person(jeffrey), { memberId: uuid(306), name: 'Luisa Mercera' }],
        }),
      ),
  ],
  [
    'actionCard mine, claimed and may reassign: every button',
    () => actionCard(actionCardView(actions[1]!, { mine: true, mayReassign: true, colleagues: [person(jeffrey)] })),
  ],
  [
    'actionCard may reassign, no colleagues',
    () => actionCard(actionCardView(actions[0]!, { mayClaim: true, mayReassign: true })),
  ],
  ['actionCard done, with result', () => actionCard(actionCardView(actions[2]!), 'Gemeld als klaar.')],
  ['actionCard done, without result', () => actionCard(actionCardView(actions[3]!))],
  [
    'actionCard mine and claimed, may close as not done',
    () => actionCard(actionCardView(actions[1]!, { mine: true, mayCloseNotDone: true })),
  ],
  [
    'actionCard open, the regisseur may close it as not done',
    () => actionCard(actionCardView(actions[0]!, { mayReassign: true, mayCloseNotDone: true })),
  ],
  [
    'actionCard not done, with reason and explanation',
    () => actionCard(actionCardView(notDoneActions[0]!), 'Gemeld als niet uitgevoerd.'),
  ],
  [
    'actionCard not done form back with errors at the fields',
    () =>
      actionCard(actionCardView(actions[1]!, { mine: true, mayCloseNotDone: true }), undefined, {
        values: { closeExplanation: 'x'.repeat(501) },
        errors: { closeReason: 'Kies waarom de actie niet is uitgevoerd.', closeExplanation: 'Maximaal 500 tekens.' },
      }),
  ],
  [
    'myActionsCard empty',
    () => myActionsCard({ mine: [], unclaimed: [], overdueDirected: [] }, { organisationName: jeugdzorg.name }),
  ],
  [
    'myActionsCard in all three sections: overdue, today, tomorrow, later',
    () =>
      myActionsCard(
        {
          mine: [
            line(action(4, 'claimed', jeugdzorg, { claimedBy: person(jeffrey), dueDate: '2026-03-10' })),
            line(action(7, 'claimed', jeugdzorg, { claimedBy: person(jeffrey), dueDate: today })),
          ],
          unclaimed: [
            line(action(5, 'open', jeugdzorg, { dueDate: '2026-03-21' })),
            line(action(8, 'open', jeugdzorg, { dueDate: '2026-04-01' })),
          ],
          overdueDirected: [line(action(6, 'open', forma, { dueDate: '2026-03-19' }))],
        },
        { organisationName: jeugdzorg.name },
      ),
  ],
  [
    'myActionsCard only overdue ones in my cases',
    () =>
      myActionsCard(
        {
          mine: [],
          unclaimed: [],
          overdueDirected: [line(action(6, 'claimed', forma, { claimedBy: person(ria), dueDate: '2026-03-01' }))],
        },
        { organisationName: jeugdzorg.name },
      ),
  ],
  ['staleButtonCard', () => staleButtonCard()],

  ['meetingEndedCard', () => meetingEndedCard(bonaire.name, uuid(701))],
  ...(
    [
      ['7 to move, room for all', { deferred: 7, next: { startsAt: nextSession, room: 8 } }],
      ['1 to move, room for none of the rest', { deferred: 3, next: { startsAt: nextSession, room: 1 } }],
      ['all decided', { deferred: 0, next: { startsAt: nextSession, room: 8 } }],
      ['no next meeting', { deferred: 2 }],
      ['already closed', { deferred: 0, closed: true }],
    ] as const
  ).map(([name, p]): CardFixture => [
    `closeConfirmCard ${name}`,
    () =>
      closeConfirmCard({
        sessionId: uuid(701),
        tableName: bonaire.name,
        timeZone: bonaire.schedule.timeZone,
        closed: false,
        opened: true,
        decided: 4,
        ...p,
      }),
  ]),
  [
    'agendaPointerCard with other published agendas and an earlier unpublished one',
    () =>
      agendaPointerCard(publishedAgenda, {
        published: Array.from({ length: 8 }, (_, k) => ({
          id: uuid(720 + k),
          startsAt: new Date(nextSession.getTime() + k * 14 * 86_400_000),
        })),
        nextUnpublished: nextSession,
      }),
  ],
  ['agendaPointerCard alone', () => agendaPointerCard(publishedAgenda)],
  ['minutesCard nothing for this organisation', () => minutesCard({ agenda: heldAgenda, items: [] })],
  [
    'minutesCard decided and deferred',
    () =>
      minutesCard({
        agenda: heldAgenda,
        items: [
          {
            agendaItemId: uuid(800),
            reference: 'ZVH-2026-0000',
            state: 'decided',
            attendance: [politie.name, forma.name, jeugdzorg.name],
            contributions,
            decisions: [supersededDecision, correctedDecision],
            actions,
            unfinishedFromLastMeeting: notDoneActions,
          },
          {
            agendaItemId: uuid(801),
            reference: 'ZVH-2026-0001',
            state: 'deferred',
            attendance: [],
            contributions: [],
            decisions: [],
            actions: [],
            unfinishedFromLastMeeting: [],
          },
        ],
      }),
  ],

  ['myCasesCard empty', () => myCasesCard([])],
  ['myCasesCard several cases, overdue actions, one on the schaduwlijst', () => myCasesCard(myFollowed)],
  ['shadowListCard all', () => shadowListCard(onShadowList, 'all')],
  ['shadowListCard mine', () => shadowListCard(onShadowList.slice(0, 1), 'mine')],
  ['shadowListCard all, empty', () => shadowListCard([], 'all')],
  ['shadowListCard mine, empty', () => shadowListCard([], 'mine')],

  [
    'caseOverviewCard the regisseur of an accepted case: actions, regie updates, no proposal',
    () =>
      caseOverviewCard(
        caseView({ nextSessionAt: nextSession, actions, updates: regieUpdates, may: granted({ direct: true }) }),
      ),
  ],
  [
    'caseOverviewCard the procesmanager, on the schaduwlijst, an open proposal and director candidates',
    () =>
      caseOverviewCard(
        caseView({
          case: followedCase({ status: 'shadowList', ...shadowListed }),
          actions: actions.slice(2),
          updates: regieUpdates,
          openProposal: closureProposal,
          directorCandidates: [ramon, sharon, ria, jeffrey],
          may: granted({ direct: true, manage: true, pullBack: true }),
        }),
      ),
  ],
  [
    'caseOverviewCard the procesmanager, accepted, no regisseur yet and no candidates',
    () =>
      caseOverviewCard(
        caseView({
          case: followedCase({
            directorMemberId: undefined,
            director: undefined,
            goal: undefined,
            firstPersonName: undefined,
          }),
          may: granted({ direct: true, manage: true }),
        }),
      ),
  ],
  [
    'caseOverviewCard the regisseur with an open proposal of his own',
    () =>
      caseOverviewCard(
        caseView({ actions, updates: regieUpdates, openProposal: proposal(), may: granted({ direct: true }) }),
      ),
  ],
  [
    'caseOverviewCard closed, the procesmanager: evaluations, missing ones, remind',
    () =>
      caseOverviewCard(
        caseView({
          case: closedCase,
          actions,
          updates: [regieUpdate(4, 'closed', '2026-04-29T03:10:00Z', by(ingrid)), ...regieUpdates],
          evaluations,
          missingEvaluations: [jeugdzorg.name],
          may: granted({ remind: true }),
        }),
      ),
  ],
  [
    'caseOverviewCard closed, the procesmanager: reminder already sent',
    () =>
      caseOverviewCard(
        caseView({
          case: { ...closedCase, evaluationRemindedAt: new Date('2026-05-06T00:00:00Z') },
          actions,
          evaluations,
          missingEvaluations: [jeugdzorg.name],
        }),
      ),
  ],
  [
    'caseOverviewCard closed, an involved participant who may evaluate',
    () =>
      caseOverviewCard(
        caseView({ case: closedCase, actions, updates: regieUpdates, may: granted({ evaluate: true }) }),
      ),
  ],
  [
    'caseOverviewCard closed, an involved participant whose organisation evaluated',
    () => caseOverviewCard(caseView({ case: closedCase, actions, evaluations: evaluations.slice(1) })),
  ],
  ['caseOverviewCard closed, nothing to show', () => caseOverviewCard(caseView({ case: closedCase }))],
  [
    'caseOverviewCard a viewer without buttons',
    () => caseOverviewCard(caseView({ nextSessionAt: nextSession, actions, updates: regieUpdates })),
  ],
  [
    'caseOverviewCard a viewer, on the schaduwlijst: pull back',
    () =>
      caseOverviewCard(
        caseView({
          case: followedCase({ status: 'shadowList', ...shadowListed }),
          updates: regieUpdates,
          may: granted({ pullBack: true }),
        }),
      ),
  ],
  [
    'caseOverviewCard with notice',
    () =>
      caseOverviewCard(caseView({ actions, updates: regieUpdates, may: granted({ direct: true }) }), {
        text: 'Voortgang opgeslagen. De betrokken organisaties zien het op de casus.',
      }),
  ],
  [
    'caseOverviewCard with an Attention notice',
    () =>
      caseOverviewCard(
        caseView({
          case: followedCase({ status: 'shadowList', ...shadowListed }),
          may: granted({ direct: true, pullBack: true }),
        }),
        { text: 'Er is geen overleg met ruimte in de komende drie maanden.', color: 'Attention' },
      ),
  ],

  ...regieForms.map(([form, variant, ctx, values, errors]): CardFixture => [
    `regieFormCard ${form}, ${variant}`,
    () => regieFormCard(form, regieContext(ctx), values, errors),
  ]),

  ['proposalCard open, the procesmanager', () => proposalCard(proposal(), 'ZVH-2026-0007', 'manager', timeZone)],
  [
    'proposalCard open closure, the procesmanager, with notice',
    () =>
      proposalCard(closureProposal, 'ZVH-2026-0007', 'manager', timeZone, 'Er is intussen een nieuw voorstel gedaan.'),
  ],
  ['proposalCard open, the proposer', () => proposalCard(closureProposal, 'ZVH-2026-0007', 'proposer', timeZone)],
  [
    'proposalCard approved',
    () => proposalCard({ ...proposal(), ...decided, approved: true }, 'ZVH-2026-0007', 'manager', timeZone),
  ],
  [
    'proposalCard declined, the proposer',
    () =>
      proposalCard(
        { ...closureProposal, ...decided, approved: false, note: undefined },
        'ZVH-2026-0007',
        'proposer',
        timeZone,
      ),
  ],
  [
    'proposalCard lapsed',
    () => proposalCard({ ...proposal(), decidedAt: decided.decidedAt }, 'ZVH-2026-0007', 'manager', timeZone),
  ],
  ['deletedCaseCard', () => deletedCaseCard('ZVH-2024-0031', new Date('2026-02-01T15:00:00Z'), timeZone)],
  [
    'regieNoticeCard',
    () => regieNoticeCard(uuid(500), 'ZVH-2026-0007', 'De casus staat weer op de agenda van 3 maart.'),
  ],
  [
    'regieNoticeCard Attention',
    () =>
      regieNoticeCard(
        uuid(500),
        'ZVH-2026-0007',
        'Deze casus is afgesloten; er kan geen voortgang meer bij.',
        'Attention',
      ),
  ],

  [
    'caseLogbookCard',
    () =>
      caseLogbookCard({
        reference: 'ZVH-2026-0007',
        olderThan: '1041',
        newerThan: '1200',
        timeZone: 'America/Kralendijk',
        filter: {},
        choices: {
          organisations: [{ id: politie.id, name: politie.name }],
          persons: [
            { aadObjectId: 'system', name: 'Casusbot (systeem)' },
            { aadObjectId: members[2]!.aadObjectId, name: members[2]!.displayName },
          ],
          activities: [{ id: 'regie', name: 'Regie' }],
        },
        entries: [
          {
            at: new Date('2026-11-25T03:03:00Z'),
            actor: { name: members[2]!.displayName, organisationName: politie.name },
            action: 'case.viewed',
            activity: 'Regie',
            outcome: 'ok',
            traceId: 'a'.repeat(32),
          },
          {
            at: new Date('2026-11-25T03:04:00Z'),
            actor: { name: members[3]!.displayName, organisationName: forma.name },
            action: 'refused:case.overview',
            activity: 'Toegangscontrole',
            outcome: 'refused',
          },
          {
            at: new Date('2026-11-25T00:00:00Z'),
            action: 'case.returnedFromShadowList',
            activity: 'Regie',
            outcome: 'ok',
          },
        ],
      }),
  ],
  [
    'caseLogbookCard after deletion',
    () =>
      caseLogbookCard({
        reference: 'ZVH-2025-0031',
        deletedAt: new Date('2027-01-02T00:00:00Z'),
        timeZone: 'America/Kralendijk',
        filter: { purpose: 'verwijdering' },
        choices: {
          organisations: [{ id: politie.id, name: politie.name }],
          persons: [
            { aadObjectId: 'system', name: 'Casusbot (systeem)' },
            { aadObjectId: members[2]!.aadObjectId, name: members[2]!.displayName },
          ],
          activities: [{ id: 'regie', name: 'Regie' }],
        },
        entries: [
          { at: new Date('2027-01-02T00:00:00Z'), action: 'case.deleted', activity: 'Verwijdering', outcome: 'ok' },
        ],
      }),
  ],
  [
    'unusualAccessCard',
    () =>
      unusualAccessCard(
        {
          since: new Date('2026-10-25T00:00:00Z'),
          thresholds: { cases: 15, refused: 3 },
          rows: [
            { name: members[3]!.displayName, organisationName: forma.name, role: 'participant', cases: 2, refused: 7 },
            {
              name: members[1]!.displayName,
              organisationName: politie.name,
              role: 'contactPerson',
              cases: 31,
              refused: 0,
            },
          ],
        },
        timeZone,
      ),
  ],
  [
    'employeePickerCard',
    () =>
      employeePickerCard([
        { memberId: uuid(610), name: members[1]!.displayName, organisationName: politie.name },
        { memberId: uuid(611), name: members[3]!.displayName, organisationName: forma.name },
      ]),
  ],
  [
    'employeePickerCard, name not found',
    () =>
      employeePickerCard([{ memberId: uuid(610), name: members[1]!.displayName, organisationName: politie.name }], {
        notFound: true,
      }),
  ],
  ['employeePickerCard, nobody', () => employeePickerCard([])],
  [
    'employeeLogbookCard',
    () =>
      employeeLogbookCard({
        employee: { memberId: uuid(610), name: members[1]!.displayName, organisationName: politie.name },
        days: 30,
        since: new Date('2026-10-24T09:00:00Z'),
        timeZone,
        groups: [
          {
            reference: 'ZVH-2026-0042',
            rows: [
              {
                activity: 'Regie',
                action: 'case.viewed',
                outcome: 'ok',
                count: 3,
                first: new Date('2026-11-02T13:00:00Z'),
                last: new Date('2026-11-20T09:05:00Z'),
              },
              {
                activity: 'Regie',
                action: 'regie.progress',
                outcome: 'ok',
                count: 1,
                first: new Date('2026-11-20T09:06:00Z'),
                last: new Date('2026-11-20T09:06:00Z'),
              },
            ],
          },
          {
            reference: 'ZVH-2026-0007',
            rows: [
              {
                activity: 'Toegangscontrole',
                action: 'refused:case.overview',
                outcome: 'refused',
                count: 2,
                first: new Date('2026-11-10T10:00:00Z'),
                last: new Date('2026-11-10T10:01:00Z'),
              },
            ],
          },
          {
            rows: [
              {
                activity: 'Deelnemersbeheer',
                action: 'members.listed',
                outcome: 'ok',
                count: 1,
                first: new Date('2026-11-01T12:00:00Z'),
                last: new Date('2026-11-01T12:00:00Z'),
              },
            ],
          },
        ],
        truncated: true,
      }),
  ],
  [
    'employeeLogbookCard, nothing in the period',
    () =>
      employeeLogbookCard({
        employee: { memberId: uuid(610), name: members[1]!.displayName, organisationName: politie.name },
        days: 7,
        since: new Date('2026-11-16T09:00:00Z'),
        timeZone,
        groups: [],
        truncated: false,
      }),
  ],
  [
    'logbookExportCard',
    () =>
      logbookExportCard({
        title: 'ZVH-2026-0042',
        url: 'https://casusbot.example/downloads/x?exp=1&sig=y',
        expiresAt: new Date('2026-11-23T09:10:00Z'),
        timeZone,
      }),
  ],
  ['logbookCheckCard, intact', () => logbookCheckCard({ checked: 1234, unsealed: 3, sealedNow: 20, timeZone })],
  [
    'logbookCheckCard, intact, one not sealed',
    () => logbookCheckCard({ checked: 12, unsealed: 1, sealedNow: 0, timeZone }),
  ],
  [
    'logbookCheckCard, broken',
    () =>
      logbookCheckCard({
        checked: 41,
        unsealed: 0,
        sealedNow: 0,
        timeZone,
        firstBreak: { id: '42', at: new Date('2026-11-20T09:05:00Z'), kind: 'changed' },
      }),
  ],
  [
    'unusualAccessCard, nobody',
    () =>
      unusualAccessCard(
        { since: new Date('2026-10-25T00:00:00Z'), thresholds: { cases: 15, refused: 3 }, rows: [] },
        timeZone,
      ),
  ],

  [
    'informingDueCard, overdue',
    () =>
      informingDueCard(
        {
          overdueOnly: true,
          cases: [
            {
              id: uuid(500),
              reference: 'ZVH-2026-0007',
              acceptedAt: new Date('2026-03-01T22:00:00Z'),
              informerName: 'Sharon Frans',
              reason: 'Betrokkene is tijdelijk onbereikbaar',
            },
            { id: uuid(501), reference: 'ZVH-2026-0009' },
          ],
        },
        timeZone,
      ),
  ],
  ['informingDueCard, nothing to do', () => informingDueCard({ overdueOnly: false, cases: [] }, timeZone)],
  [
    'caseOverviewCard, informing overdue, may inform',
    () =>
      caseOverviewCard(
        caseView({
          informing: { informerName: 'Sharon Frans', reason: 'Onbereikbaar', overdue: true },
          may: granted({ inform: true }),
        }),
      ),
  ],

  ['inzageSearchCard', () => inzageSearchCard()],
  [
    'inzageSearchCard with errors',
    () => inzageSearchCard({ bsn: '123456789' }, { bsn: 'Dit is geen geldig BSN (de elfproef klopt niet).' }),
  ],
  [
    'inzageReadyCard',
    () =>
      inzageReadyCard({
        timeZone,
        url: `https://casusbot.example/downloads/${uuid(900)}?exp=1&sig=abc`,
        cases: 2,
        expiresAt: new Date('2026-11-21T22:10:00Z'),
      }),
  ],
  [
    'inzageReadyCard, nothing held',
    () =>
      inzageReadyCard({
        timeZone,
        url: `https://casusbot.example/downloads/${uuid(901)}?exp=1&sig=abc`,
        cases: 0,
        expiresAt: new Date('2026-11-21T22:10:00Z'),
      }),
  ],

  ...(['requested', 'granted', 'grantedWithCondition', 'refused', 'withdrawn'] as const).flatMap(
    (state): CardFixture[] => {
      const consent = {
        id: uuid(1200),
        contributionId: uuid(1001),
        caseId: uuid(500),
        organisation: { id: jeugdzorg.id, name: jeugdzorg.name },
        requestedBy: {
          memberId: jeffrey.id,
          name: jeffrey.displayName,
          aadObjectId: jeffrey.aadObjectId,
          organisationId: jeffrey.organisationId,
        },
        state,
        ...(state === 'grantedWithCondition' ? { condition: 'Alleen voor het huisbezoek van 3 maart' } : {}),
        ...(state === 'requested'
          ? {}
          : { answeredBy: { name: sharon.displayName }, answeredAt: new Date('2026-03-04T22:00:00Z') }),
        history: [
          { state: 'requested' as const, by: jeffrey.displayName, at: new Date('2026-03-01T22:00:00Z') },
          { state: 'refused' as const, by: sharon.displayName, at: new Date('2026-03-02T22:00:00Z') },
          { state: 'requested' as const, by: jeffrey.displayName, at: new Date('2026-03-03T22:00:00Z') },
        ],
        contribution: {
          organisationId: politie.id,
          organisationName: politie.name,
          authorMemberId: sharon.id,
          text: 'Drie meldingen huiselijk geweld dit jaar; vader heeft een contactverbod.',
          sensitive: state === 'refused',
          createdAt: at(5),
        },
      };
      return [
        [
          `consentCard ${state}, the contributor`,
          () =>
            consentCard(
              consent,
              true,
              timeZone,
              state === 'requested' ? 'Er wordt toestemming gevraagd voor inbreng van jouw organisatie.' : undefined,
            ),
        ],
        [
          `consentCard ${state}, the asker`,
          () =>
            consentCard(
              {
                ...consent,
                contribution: {
                  ...consent.contribution,
                  text: state.startsWith('granted') ? consent.contribution.text : '',
                },
              },
              false,
              timeZone,
            ),
        ],
      ];
    },
  ),
  [
    'consentCard with a missing condition',
    () =>
      consentCard(
        {
          id: uuid(1201),
          contributionId: uuid(1001),
          caseId: uuid(500),
          organisation: { id: jeugdzorg.id, name: jeugdzorg.name },
          requestedBy: {
            memberId: jeffrey.id,
            name: jeffrey.displayName,
            aadObjectId: jeffrey.aadObjectId,
            organisationId: jeffrey.organisationId,
          },
          history: [],
          state: 'requested',
          contribution: {
            organisationId: politie.id,
            organisationName: politie.name,
            authorMemberId: sharon.id,
            text: 'Drie meldingen.',
            sensitive: false,
            createdAt: at(5),
          },
        },
        true,
        timeZone,
        undefined,
        { condition: 'Schrijf de voorwaarde.' },
      ),
  ],

  [
    'reassessmentCard, the contributing organisation',
    () =>
      reassessmentCard(
        {
          all: false,
          items: [
            {
              contributionId: uuid(1001),
              caseId: uuid(500),
              reference: 'ZVH-2026-0007',
              organisation: { id: politie.id, name: politie.name },
              text: 'Drie meldingen huiselijk geweld dit jaar.',
              createdAt: at(5),
            },
            {
              contributionId: uuid(1002),
              caseId: uuid(500),
              reference: 'ZVH-2026-0007',
              organisation: { id: politie.id, name: politie.name },
              text: 'Vader heeft een contactverbod.',
              createdAt: at(6),
            },
          ],
        },
        timeZone,
        'Het doel van een casus is veranderd.',
      ),
  ],
  [
    'reassessmentCard, the procesmanager',
    () =>
      reassessmentCard(
        {
          all: true,
          items: [
            {
              contributionId: uuid(1001),
              caseId: uuid(500),
              reference: 'ZVH-2026-0007',
              organisation: { id: politie.id, name: politie.name },
              text: '',
              createdAt: at(5),
            },
          ],
        },
        timeZone,
      ),
  ],
  ['reassessmentCard, nothing open', () => reassessmentCard({ all: false, items: [] }, timeZone)],

  ...((): CardFixture[] => {
    const form = {
      caseId: uuid(500),
      reference: 'ZVH-2026-0007',
      tables: [{ id: uuid(201), name: 'Casusoverleg Jeugd' }],
      organisations: [
        { id: politie.id, name: politie.name },
        { id: jeugdzorg.id, name: jeugdzorg.name },
      ],
      informers: [sharon, jeffrey],
      contributions: [
        { id: uuid(1001), organisation: politie.name, sensitive: false },
        { id: uuid(1002), organisation: politie.name, sensitive: true },
        { id: uuid(1003), organisation: jeugdzorg.name, sensitive: false, text: 'Gezinscoach loopt sinds maart.' },
      ],
    };
    const handover = {
      id: uuid(1300),
      caseId: uuid(500),
      reference: 'ZVH-2026-0007',
      targetName: 'Veiligheidshuis Fryslân',
      necessity: 'Het gezin verhuist.',
      purpose: 'De aanpak daar voortzetten.',
      registeringOrganisation: { id: jeugdzorg.id, name: jeugdzorg.name },
      informer: { memberId: jeffrey.id, name: jeffrey.displayName },
      createdByMemberId: jeffrey.id,
      createdAt: at(1),
      items: [
        {
          contributionId: uuid(1001),
          organisation: { id: politie.id, name: politie.name },
          text: 'Drie meldingen dit jaar.',
          sensitive: false,
          choice: 'include' as const,
          consent: 'requested' as const,
        },
        {
          contributionId: uuid(1002),
          organisation: { id: politie.id, name: politie.name },
          text: 'Lopend onderzoek.',
          sensitive: true,
          choice: 'contactDirectly' as const,
        },
        {
          contributionId: uuid(1003),
          organisation: { id: jeugdzorg.id, name: jeugdzorg.name },
          text: 'Gezinscoach loopt sinds maart.',
          sensitive: false,
          choice: 'include' as const,
        },
      ],
    };
    return [
      ['handoverFormCard', () => handoverFormCard(form)],
      [
        'handoverFormCard with errors',
        () =>
          handoverFormCard(
            form,
            { target: 'external' },
            { externalName: 'Schrijf de naam van het gremium.', necessity: 'Leg uit waarom overdracht nodig is.' },
          ),
      ],
      [
        'handoverCard, the one who prepared it, waiting',
        () => handoverCard(handover, 'manager', timeZone, 'De inbrengers is om toestemming gevraagd.'),
      ],
      [
        'handoverCard, the one who prepared it, all answered',
        () =>
          handoverCard(
            { ...handover, items: handover.items.map((i) => (i.consent ? { ...i, consent: 'granted' as const } : i)) },
            'manager',
            timeZone,
          ),
      ],
      [
        'handoverCard, a contributor',
        () =>
          handoverCard(
            { ...handover, items: handover.items.slice(0, 1) },
            'contributor',
            timeZone,
            'Bij een overdracht zou inbreng van jouw organisatie meegaan. Mag dat?',
          ),
      ],
      [
        'handoverCard, the receiving partner',
        () =>
          handoverCard(
            { ...handover, completedAt: at(30), items: [{ ...handover.items[1]!, text: '' }, handover.items[2]!] },
            'receiver',
            timeZone,
          ),
      ],
    ];
  })(),

  ...(['internal', 'public'] as const).map((mode): CardFixture => [
    `figuresCard ${mode}`,
    () => figuresCard(figuresView(mode), figuresOptions),
  ]),
  [
    'figuresCard in the stuurgroep channel',
    () => figuresCard(figuresView('internal'), { ...figuresOptions, shared: true }),
  ],
  [
    'figuresExportCard',
    () =>
      figuresExportCard({
        period: 'K3 2026',
        csvUrl: `https://casusbot.example/downloads/${uuid(902)}?exp=1&sig=abc`,
        pdfUrl: `https://casusbot.example/downloads/${uuid(903)}?exp=1&sig=abc`,
        expiresAt: lateEvening,
        timeZone,
      }),
  ],
  ['steeringChannelLinkedCard', () => steeringChannelLinkedCard()],
  [
    'noticesCard',
    () =>
      noticesCard(
        {
          total: 4,
          notices: [
            {
              id: uuid(1300),
              to: 'Ria Winklaar',
              kind: 'actionAssigned',
              state: 'failed',
              since: lateEvening,
              attempts: 5,
              lastError: '403',
            },
            {
              id: uuid(1301),
              to: 'Ramon Cicilia',
              kind: 'agendaPublished',
              state: 'failed',
              since: lateEvening,
              attempts: 3,
              lastError: 'NO_CONVERSATION',
            },
            {
              id: uuid(1302),
              to: 'Sharon Frans',
              kind: 'sessionClosed',
              state: 'failed',
              since: lateEvening,
              attempts: 6,
              lastError: '502',
            },
            {
              id: uuid(1303),
              to: 'Jeffrey Statia',
              kind: 'consentRequested',
              state: 'uncertain',
              since: lateEvening,
              attempts: 1,
            },
          ],
        },
        timeZone,
        'Het bericht gaat opnieuw.',
      ),
  ],
  ['noticesCard, all delivered', () => noticesCard({ total: 0, notices: [] }, timeZone)],

  [
    'statementCard to accept, after a refusal',
    () => statementCard({ statement, mustAccept: true, mayEdit: false, refused: true }, timeZone),
  ],
  ['statementCard to accept, typed', () => statementCard({ statement, mustAccept: true, mayEdit: false }, timeZone)],
  ['statementCard accepted already', () => statementCard({ statement, mustAccept: false, mayEdit: false }, timeZone)],
  [
    'statementCard none yet, must accept',
    () => statementCard({ mustAccept: true, mayEdit: false, refused: true }, timeZone),
  ],
  ['statementCard the procesmanager, none yet', () => statementCard({ mustAccept: false, mayEdit: true }, timeZone)],
  [
    'statementCard the procesmanager, saved a version',
    () => statementCard({ statement, mustAccept: false, mayEdit: true, notice: 'Versie 3 is opgeslagen.' }, timeZone),
  ],
  [
    'statementCard the procesmanager, empty text',
    () =>
      statementCard(
        {
          statement,
          mustAccept: false,
          mayEdit: true,
          values: {},
          errors: { text: 'Vul de tekst van de verklaring in.' },
        },
        timeZone,
      ),
  ],
  ['statementAcceptedCard late in the evening', () => statementAcceptedCard(statement, lateEvening, timeZone)],
];

const statement = {
  id: '00000000-0000-4000-8000-00000000c0f1',
  version: 3,
  text: 'Ik houd geheim wat ik in het casusoverleg hoor en lees, ook na afloop, en gebruik het alleen voor de aanpak van de casus.',
  createdAt: new Date('2026-12-05T02:30:00Z'),
};

/**
 * A moment late in the evening on Bonaire that is already the next day in UTC (and in Amsterdam): 22:30 on
 * 4 December there is 02:30 on 5 December in UTC. A card that shows it in UTC shows another day and hour.
 */
export const lateEvening = new Date('2026-12-05T02:30:00Z');

const figuresOptions = { informWithinDays: 14, timeZone };
/** Two years of made-up facts, the same every run, as the figures card and its public export show them. */
export function figuresView(mode: 'internal' | 'public'): FiguresView {
  const facts = fc.sample(twoYearsOfFacts, { seed: 20, numRuns: 1 })[0]!;
  const intakesByMonth = new Map<string, number>();
  for (const f of facts)
    if (f.intakeMonth) intakesByMonth.set(f.intakeMonth, (intakesByMonth.get(f.intakeMonth) ?? 0) + 1);
  const choices = periodChoices(lateEvening, timeZone);
  const ledger = buildLedger({ facts, heldSessions: [], intakesByMonth, informWithinDays: 14, choices });
  return {
    figures: ledgerFigures(ledger, choices[1] ?? choices[0]!, mode),
    organisationNames: {
      police: politie.name,
      youth: jeugdzorg.name,
      health: partners[2]!.name,
      council: partners[5]!.name,
      prison: partners[10]!.name,
    },
    tableNames: { t1: table.name },
    choices,
    generatedAt: lateEvening,
  };
}

/** An inzage of the mother of ZVH-2026-0007: every part of the document filled, its times late in the evening. */
export const inzageFixture: InzageDocument = {
  search: 'bsn',
  producedAt: lateEvening,
  producedBy: { name: members[0]!.displayName, organisationName: members[0]!.organisationName },
  cases: [
    {
      person: {
        caseId: uuid(500),
        name: 'Maria Isenia',
        birthDate: '1984-06-02',
        address: 'Kaya Fictief 1, Kralendijk',
        bsn: '123456782',
        relation: 'moeder',
      },
      case: {
        id: uuid(500),
        reference: 'ZVH-2026-0007',
        status: 'closed',
        tableName: table.name,
        referrerOrganisation: politie.name,
        responsibleOrganisation: jeugdzorg.name,
        submittedAt: new Date('2026-02-01T03:00:00Z'),
        closedAt: lateEvening,
        lifeDomains: {
          housing: 'Dreigende huisuitzetting wegens huurachterstand.',
          finances: 'Schulden bij meerdere schuldeisers.',
        },
        involved: [politie.name, forma.name, jeugdzorg.name],
        contributions: [
          {
            organisation: forma.name,
            text: 'Budgetbeheer loopt sinds maart.',
            sensitive: true,
            at: new Date('2026-03-03T02:10:00Z'),
          },
        ],
        interventions: [
          { organisation: jeugdzorg.name, text: 'Gezinscoach inzetten.', at: new Date('2026-03-03T02:20:00Z') },
        ],
        decisions: [
          {
            goal: 'Het gezin blijft in de woning.',
            plan: 'Budgetbeheer en een gezinscoach.',
            nextStep: 'backOnAgenda',
            at: new Date('2026-03-03T02:40:00Z'),
          },
        ],
        actions: [
          {
            organisation: forma.name,
            text: 'Budgetbeheer aanvragen.',
            state: 'done',
            dueDate: '2026-03-17',
            result: 'Aangevraagd en toegekend.',
          },
          { organisation: jeugdzorg.name, text: 'Gezinscoach inzetten.', state: 'open', dueDate: '2026-04-01' },
          { organisation: politie.name, text: 'Meldingen bijhouden.', state: 'claimed', dueDate: '2026-04-14' },
          { organisation: politie.name, text: 'Huisbezoek.', state: 'cancelled', dueDate: '2026-04-15' },
        ],
        regie: [
          {
            kind: 'progress',
            text: 'De huur wordt weer betaald.',
            organisation: jeugdzorg.name,
            at: new Date('2026-04-01T01:00:00Z'),
          },
          { kind: 'closed', at: lateEvening },
        ],
      },
      logbook: [
        {
          at: new Date('2026-02-01T03:00:00Z'),
          actor: { name: 'Sharon Frans', organisationName: politie.name },
          action: 'referral.submitted',
          activity: 'aanmelding',
          outcome: 'ok',
        },
        {
          at: new Date('2026-03-03T02:10:00Z'),
          actor: { name: 'Ria Winklaar', organisationName: forma.name },
          action: 'contribution.added',
          activity: 'beeldvorming',
          outcome: 'ok',
        },
        { at: lateEvening, action: 'case.closed', activity: 'afsluiten', outcome: 'ok' },
        {
          at: lateEvening,
          actor: { name: 'Ingrid Martina', organisationName: organisations[0]!.name },
          action: 'inzage.produced',
          activity: 'inzage',
          outcome: 'ok',
        },
      ],
    },
  ],
};
