import { describe, expect, it } from 'vitest';
import { channelAgendaCard, draftAgendaCard, maxRefreshUsers } from '../../cards/agenda.card.ts';
import { maxCasesPerSession } from '../../src/conferences/schedule.ts';
import { sessionsCard } from '../../cards/tables.card.ts';
import { referralFormCard } from '../../cards/referral.card.ts';
import { screeningCard } from '../../cards/screening.card.ts';
import { decisionFormCard, discussionCard } from '../../cards/meeting.card.ts';
import { caseOverviewCard, maxListedCases, myCasesCard, shadowListCard } from '../../cards/lifecycle.card.ts';
import type { FollowedCase } from '../../src/lifecycle/followed-case.repository.ts';
import type { ActionView } from '../../src/actions/action.repository.ts';
import type { DecisionView } from '../../src/decisions/decision.repository.ts';
import { DecisionField, maxActionsPerDecision } from '../../src/decisions/decision.rules.ts';
import type { DiscussionView } from '../../src/meetings/discussion.ts';
import type { CaseOverview } from '../../src/lifecycle/regie.ts';
import type { CaseRecord } from '../../src/cases/case.types.ts';
import type { AgendaView } from '../../src/conferences/agenda.ts';
import type { TableView } from '../../src/conferences/table.repository.ts';
import { referralLimits as L } from '../../src/referrals/referral-form.rules.ts';
import { lifeDomains, maxPersons } from '../../src/referrals/referral.types.ts';
import { demoPartnerNames } from '../../src/organisations/demo-partners.ts';

/**
 * Teams refuses a message over 28 KB; a card that grows with what people type must stay below it.
 * Filled with plain letters and held to 24 KB: the rest is room for diacritics (two bytes each) and
 * the activity around the card.
 */
const teamsLimit = 24 * 1024;
const size = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');
const full = (n: number) => 'a'.repeat(n);
const partners = demoPartnerNames.map((name, i) => ({
  id: `7d5b0c43-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
  name,
}));

describe('card sizes at the limits of every field', () => {
  it('the intake form, all six persons and every field full, every field that can be full and wrong in error, stays under 24 KB', () => {
    const values: Record<string, string> = { personCount: String(maxPersons) };
    // A field filled to its length can still be wrong in its content (a date, a BSN) and a choice can be missing.
    const errors: Record<string, string> = {
      organisations: 'Kies alleen organisaties uit de lijst.',
      chains: 'Kies de betrokken ketens.',
      informed: 'Geef aan of de betrokkene is geïnformeerd over de aanmelding.',
      urgency: 'Kies de urgentie.',
    };
    for (let i = 1; i <= maxPersons; i++) {
      for (const key of ['name', 'birthDate', 'address', 'bsn', 'relation'] as const)
        values[`p${i}_${key}`] = full(L[key]);
      errors[`p${i}_bsn`] = 'Dit BSN klopt niet (elfproef). Controleer de cijfers of laat het veld leeg.';
      errors[`p${i}_birthDate`] = 'Geen geldige datum. Schrijf hem als dd-mm-jjjj, bijvoorbeeld 12-04-1990.';
    }
    for (const d of lifeDomains) values[`domain_${d}`] = full(L.domain);
    for (const k of ['criterionDomains', 'criterionChains', 'criterionFamily']) values[k] = full(L.criterion);
    Object.assign(values, {
      otherOrganisations: full(L.otherOrganisations),
      informedBy: full(L.informedBy),
      notInformedReason: full(L.notInformedReason),
    });
    const card = referralFormCard({ values, errors, partners, forExternal: true, question: full(1000) });
    expect(size(card)).toBeLessThan(teamsLimit);
  });

  it('the screening card of the fullest aanmelding stays under 24 KB', () => {
    const c: CaseRecord = {
      id: 'c',
      reference: 'ZVH-2026-0001',
      status: 'submitted',
      form: {},
      chains: ['care', 'justice', 'administration'],
      updatedAt: new Date(),
      referrer: {
        memberId: 'm',
        aadObjectId: 'a',
        name: full(L.name),
        organisationId: 'o',
        organisationName: full(60),
      },
      external: { name: full(L.name), organisation: full(L.name), phone: full(L.phone), email: full(L.email) },
      responsibleOrganisation: { id: 'o', name: full(60) },
      urgency: 'high',
      lifeDomains: Object.fromEntries(lifeDomains.map((d) => [d, full(L.domain)])),
      criteria: {
        multipleDomains: full(L.criterion),
        chainsAndOrganisations: full(L.criterion),
        familyOrSafety: full(L.criterion),
      },
      informed: { informed: false, reason: full(L.notInformedReason) },
      persons: Array.from({ length: maxPersons }, (_, i) => ({
        position: i + 1,
        name: full(L.name),
        birthDate: '1990-01-01',
        address: full(L.address),
        bsn: '111222333',
        relation: full(L.relation),
      })),
      organisations: partners.map((p) => ({ id: p.id, name: p.name })),
    };
    expect(size(screeningCard({ case: c, tables: [], timeZone: 'America/Kralendijk' }))).toBeLessThan(teamsLimit);
  });

  // The fullest agenda: as many items as a table may hold, every partner invited to every item under a long name
  // (the longest Bonaire partner has 33 characters), the longest table name the form allows, overflow waiting, and
  // many cases to add.
  const longName = (n: number) => `${full(45)}${n}`;
  const id = (n: number) => `7d5b0c43-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const startsAt = new Date('2026-03-03T14:00:00Z');
  const slot = (n: number) => ({
    start: new Date(startsAt.getTime() + n * 15 * 60_000),
    end: new Date(startsAt.getTime() + (n + 1) * 15 * 60_000),
  });
  const item = (n: number, withSlot: boolean) => ({
    id: id(800 + n),
    caseId: id(600 + n),
    reference: `ZVH-2026-${String(n).padStart(4, '0')}`,
    reason: 'returnFromShadowList' as const,
    state: 'waiting' as const,
    ...(withSlot ? { slot: slot(n) } : {}),
    invitedOrganisations: partners.map((p, k) => ({ id: p.id, name: longName(k) })),
  });
  const fullAgenda: AgendaView = {
    session: {
      id: id(700),
      tableId: id(200),
      occurrenceAt: startsAt,
      startsAt,
      status: 'moved',
      agendaPublishedAt: startsAt,
      post: { conversationId: `19:${full(40)}@thread.tacv2`, activityId: '1740837600000' },
    },
    table: {
      id: id(200),
      name: full(100),
      timeZone: 'America/Kralendijk',
      minutesPerCase: 15,
      capacity: maxCasesPerSession,
      chairMemberId: id(300),
      channelLinked: true,
    },
    items: Array.from({ length: maxCasesPerSession }, (_, n) => item(n, true)),
    overflow: Array.from({ length: 8 }, (_, n) => item(8 + n, false)),
  };

  it('the channel agenda of a full session, every partner invited to each item, refreshed for 60 users, stays under 24 KB', () => {
    const users = Array.from({ length: maxRefreshUsers + 40 }, (_, n) => `29:${full(100)}${n}`);
    expect(size(channelAgendaCard(fullAgenda, users))).toBeLessThan(teamsLimit);
  });

  it('the draft agenda of a full session, with overflow and 50 cases to add, stays under 24 KB', () => {
    const addable = Array.from({ length: 50 }, (_, n) => ({
      id: id(900 + n),
      reference: `ZVH-2026-${String(100 + n).padStart(4, '0')}`,
    }));
    const unpublished = {
      ...fullAgenda,
      session: { ...fullAgenda.session, agendaPublishedAt: undefined, post: undefined },
    };
    expect(size(draftAgendaCard({ agenda: unpublished, addable, notice: full(200) }))).toBeLessThan(teamsLimit);
  });

  it('the sessions of a table, ten coming meetings with errors, stays under 24 KB', () => {
    const table: TableView = {
      id: id(200),
      name: full(100),
      agendaLeadHours: 336,
      organisationIds: partners.map((p) => p.id),
      chair: { memberId: id(300), name: full(L.name) },
      schedule: {
        timeZone: 'America/Lower_Princes',
        weekday: 2,
        startTime: '10:00',
        anchorDate: '2026-01-06',
        intervalWeeks: 1,
        sessionMinutes: 480,
        minutesPerCase: 40,
      },
    };
    const sessions = Array.from({ length: 10 }, (_, n) => {
      const at = new Date(startsAt.getTime() + n * 7 * 24 * 60 * 60_000);
      return {
        id: id(700 + n),
        tableId: table.id,
        startsAt: at,
        status: n % 2 ? ('moved' as const) : ('extra' as const),
        agendaPublishedAt: at,
        itemCount: 96,
        local: { date: '2026-03-03', time: '10:00' },
      };
    });
    const errors = { date: 'Kies een moment in de toekomst.', time: 'Vul een tijd in als uu:mm, bijvoorbeeld 10:00.' };
    expect(size(sessionsCard({ table, sessions, errors, notice: full(200) }))).toBeLessThan(teamsLimit);
  });

  // The meeting: the longest texts the forms accept, every person and partner, a chair who may do everything.
  const people = (n: number) => ({ memberId: id(300 + n), name: full(L.name) });
  const maxDecision = (n: number, extra: Partial<DecisionView> = {}): DecisionView => ({
    id: id(1030 + n),
    caseId: id(500),
    agendaItemId: id(800),
    goal: full(1000),
    plan: full(2000),
    director: people(1),
    nextStep: 'backOnAgenda',
    nextDate: '2026-04-14',
    correctionReason: full(1000),
    decidedBy: people(2),
    createdAt: startsAt,
    ...extra,
  });
  const maxAction = (n: number): ActionView => ({
    id: id(1040 + n),
    caseId: id(500),
    reference: 'ZVH-2026-0001',
    decisionId: id(1032),
    description: full(500),
    organisation: partners[n % partners.length]!,
    dueDate: '2026-03-17',
    state: (['open', 'claimed', 'done'] as const)[n % 3]!,
    ...(n % 3 ? { claimedBy: people(n) } : {}),
    ...(n % 3 === 2 ? { result: full(1000) } : {}),
  });

  const notDone = (n: number): ActionView => ({
    ...maxAction(n),
    state: 'notDone',
    closeReason: 'changed',
    closeExplanation: full(500),
  });

  // The card shows the newest 10 contributions and interventions (a line counts the older ones) and a replaced besluit as one line.
  it('the fullest case card in the overleg: 15 long contributions, 10 hidden, 10 interventions, 3 decisions, 10 actions and 4 not done last time, stays under 24 KB', () => {
    const view: DiscussionView = {
      agendaItemId: id(800),
      itemState: 'active',
      session: fullAgenda.session,
      table: {
        id: id(200),
        name: full(100),
        agendaLeadHours: 24,
        organisationIds: partners.map((p) => p.id),
        schedule: {
          timeZone: 'America/Kralendijk',
          weekday: 2,
          startTime: '10:00',
          anchorDate: '2026-01-06',
          intervalWeeks: 2,
          sessionMinutes: 120,
          minutesPerCase: 15,
        },
      },
      case: {
        id: id(500),
        reference: 'ZVH-2026-0001',
        lifeDomains: Object.fromEntries(lifeDomains.map((d) => [d, full(L.domain)])),
        organisations: partners,
        persons: Array.from({ length: maxPersons }, (_, i) => ({
          position: i + 1,
          name: full(L.name),
          birthDate: '1990-01-01',
          address: full(L.address),
          relation: full(L.relation),
        })),
      },
      contributions: Array.from({ length: 15 }, (_, n) => ({
        id: id(1000 + n),
        agendaItemId: id(800),
        organisation: partners[n % partners.length]!,
        author: people(n),
        lifeDomain: lifeDomains[n % lifeDomains.length],
        text: full(2000),
        sensitive: n % 2 === 0,
        createdAt: startsAt,
        inOpenSession: true,
        consentedOrganisationIds: [],
      })),
      hiddenContributions: Array.from({ length: 10 }, (_, n) => ({
        contributionId: id(1100 + n),
        organisation: partners[n]!.name,
        sensitive: n % 2 === 0,
      })),
      interventions: Array.from({ length: 10 }, (_, n) => ({
        id: id(1020 + n),
        organisation: partners[n]!,
        author: people(n),
        description: full(1000),
        createdAt: startsAt,
      })),
      decisions: [
        maxDecision(0, { supersededById: id(1031) }),
        maxDecision(1, { supersedesId: id(1030), supersededById: id(1032) }),
        maxDecision(2, { supersedesId: id(1031) }),
      ],
      // Of the 10 actions, the last meeting's 4 ended not done, each with the longest explanation: listed once, above.
      actions: Array.from({ length: 10 }, (_, n) => (n < 4 ? notDone(n) : maxAction(n))),
      unfinishedFromLastMeeting: Array.from({ length: 4 }, (_, n) => notDone(n)),
      chairing: true,
      mayContribute: true,
    };
    expect(size(discussionCard(view, full(200)))).toBeLessThan(teamsLimit);
  });

  // The candidates for casusregisseur are every registered member of an invited organisation: here two per partner
  // (a contactpersoon and a participant), every partner invited. The card clips a candidate's name at 40 characters;
  // with every field full and in error it holds up to 38 candidates under the longest names.
  it('the besluit form, correcting, every field full and in error, every partner and 28 candidates, stays under 24 KB', () => {
    const values: Record<string, string> = {
      goal: full(1000),
      plan: full(2000),
      directorMemberId: id(300),
      nextStep: 'backOnAgenda',
      nextDate: '31-02-2026',
      correctionReason: full(1000),
    };
    const errors: Record<string, string> = {
      goal: 'Maximaal 1000 tekens.',
      plan: 'Maximaal 2000 tekens.',
      directorMemberId: 'Kies een casusregisseur van een betrokken organisatie.',
      nextStep: 'Kies de volgende stap.',
      nextDate: 'Schrijf de datum waarop de casus terugkomt als dd-mm-jjjj.',
      correctionReason: 'Maximaal 1000 tekens.',
    };
    for (let n = 1; n <= maxActionsPerDecision; n++) {
      Object.assign(values, {
        [DecisionField.action(n, 'description')]: full(500),
        [DecisionField.action(n, 'organisationId')]: partners[n]!.id,
        [DecisionField.action(n, 'dueDate')]: '31-02-2026',
      });
      Object.assign(errors, {
        [DecisionField.action(n, 'description')]: 'Maximaal 500 tekens.',
        [DecisionField.action(n, 'organisationId')]: 'Kies een organisatie die bij de casus betrokken is.',
        [DecisionField.action(n, 'dueDate')]:
          'Geen geldige datum. Schrijf hem als dd-mm-jjjj, bijvoorbeeld 01-12-2026.',
      });
    }
    const card = decisionFormCard({
      agendaItemId: id(800),
      reference: 'ZVH-2026-0001',
      current: maxDecision(2),
      values,
      errors,
      organisations: partners,
      candidates: Array.from({ length: 2 * partners.length }, (_, n) => ({
        id: id(300 + n),
        name: full(L.name),
        organisationName: partners[n % partners.length]!.name,
      })),
    });
    expect(size(card)).toBeLessThan(teamsLimit);
  });

  // The case card after the besluit, every part at its fullest: more actions than it shows (8), the 8 newest regie
  // updates of 1000 characters, the longest goal, an evaluation of each of the 14 partners with both texts full (and
  // all 14 named as missing too), and two director candidates per partner. The buttons are those caseOverview gives
  // the procesmanager in each phase (the forms and candidates only before closure, evaluations only after), plus the
  // evaluation form on the closed case: every part at once would be ~27 KB, but no one ever sees that card.
  it('the fullest case overview: 12 actions, 8 long regie updates, 14 long evaluations, 28 candidates, every form, stays under 24 KB', () => {
    const view = (status: CaseOverview['case']['status'], openProposal: boolean): CaseOverview => ({
      case: {
        id: id(500),
        reference: 'ZVH-2026-0001',
        status,
        tableId: id(200),
        tableName: full(100),
        timeZone: 'America/Kralendijk',
        firstPersonName: full(L.name),
        goal: full(1000),
        plan: full(2000),
        directorMemberId: id(301),
        director: people(1),
        shadowListedAt: startsAt,
        shadowReturnDate: '2026-09-03',
        closedAt: startsAt,
        outcome: 'goalPartlyReached',
        evaluationRemindedAt: startsAt,
      },
      nextSessionAt: startsAt,
      actions: Array.from({ length: 12 }, (_, n) => maxAction(n)),
      updates: Array.from({ length: 8 }, (_, n) => ({
        id: id(1100 + n),
        kind: 'progress' as const,
        text: full(1000),
        author: { name: full(L.name), organisationName: partners[n]!.name },
        at: startsAt,
      })),
      ...(openProposal
        ? {
            openProposal: {
              id: id(1110),
              caseId: id(500),
              kind: 'closure' as const,
              outcome: 'goalPartlyReached' as const,
              note: full(1000),
              proposedBy: { memberId: id(301), aadObjectId: id(401), name: full(L.name) },
              createdAt: startsAt,
            },
          }
        : {}),
      evaluations: partners.map((p, n) => ({
        organisationId: p.id,
        organisationName: p.name,
        member: { name: full(L.name) },
        goalReached: 'partly' as const,
        cooperation: 1 + (n % 5),
        wentWell: full(1000),
        couldBeBetter: full(1000),
        at: startsAt,
      })),
      missingEvaluations: partners.map((p) => p.name),
      directorCandidates: Array.from({ length: 2 * partners.length }, (_, n) => ({
        id: id(300 + n),
        aadObjectId: id(400 + n),
        displayName: full(L.name),
        role: n % 2 ? ('participant' as const) : ('contactPerson' as const),
        organisationId: partners[n % partners.length]!.id,
        organisationName: partners[n % partners.length]!.name,
      })),
      informing: { informerName: full(L.name), reason: full(500), overdue: true },
      may: {
        direct: status !== 'closed',
        manage: status !== 'closed',
        pullBack: status === 'shadowList',
        evaluate: status === 'closed',
        remind: status === 'closed',
        inform: status !== 'closed',
      },
    });
    for (const status of ['accepted', 'shadowList', 'closed'] as const) {
      for (const openProposal of [false, true]) {
        expect(
          size(caseOverviewCard(view(status, openProposal), { text: full(200), color: 'Attention' })),
          `${status}${openProposal ? ', open proposal' : ''}`,
        ).toBeLessThan(teamsLimit);
      }
    }
  });

  it('mijn casussen and the schaduwlijst, more cases than they show, every name at its longest, stay under 24 KB', () => {
    const followed = (n: number): FollowedCase => ({
      id: `7d5b0c43-0000-4000-8000-${String(n).padStart(12, '0')}`,
      reference: `ZVH-2026-${String(n).padStart(4, '0')}`,
      status: 'shadowList',
      table: { id: 't', name: full(100), timeZone: 'America/Kralendijk' },
      goal: full(1000),
      directorName: full(100),
      openActions: 12,
      overdueActions: 11,
      nextSessionAt: new Date('2027-01-05T14:00:00Z'),
      shadowReturnDate: '2027-06-01',
      shadowListedAt: new Date('2026-12-01T14:00:00Z'),
    });
    const many = Array.from({ length: maxListedCases + 1 }, (_, n) => followed(n));
    expect(size(myCasesCard(many))).toBeLessThan(teamsLimit);
    expect(size(shadowListCard(many, 'all'))).toBeLessThan(teamsLimit);
    expect(JSON.stringify(myCasesCard(many))).toContain(`Er zijn er meer dan ${maxListedCases}`);
  });
});
