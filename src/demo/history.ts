import { DateTime } from 'luxon';
import { recordAudit } from '../audit/audit.repository.ts';
import { planSessions } from '../conferences/planning.ts';
import { capacityOf, occurrencesBetween } from '../conferences/schedule.ts';
import {
  ensureSessionRows,
  listSessions,
  activeSessionStatuses,
  type SessionView,
} from '../conferences/session.repository.ts';
import { findTableByName, type TableView } from '../conferences/table.repository.ts';
import type { Db } from '../db/client.ts';
import { ensureJobs } from '../jobs/job.repository.ts';
import type { CaseOutcome } from '../lifecycle/lifecycle.types.ts';
import { shadowReturnJobFor } from '../lifecycle/shadow-list.ts';
import type { Logger } from '../logger.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import type { MemberView } from '../members/member.types.ts';
import { demoTable } from '../organisations/demo-partners.ts';
import { listPartners } from '../organisations/organisation.repository.ts';
import { deleteHistoryInBulk } from '../retention/retention.repository.ts';
import { dueMoment, type Retention } from '../retention/retention.rules.ts';
import { formatReference } from '../cases/reference.ts';
import {
  countCases,
  hasDemoHistory,
  insertHistory,
  markSessionsHeld,
  vacuumAfterHistory,
  type HistoricCase,
} from './history.repository.ts';

/**
 * Two years of fictional history for the demo table, so that `cijfers`, `agenda` and `schaduwlijst` show something
 * real at once: aanmeldingen through every stage (screening, meetings with decisions and actions, regie, the
 * schaduwlijst, closure and evaluation), and the deletion of what passed its retention period as of the moment it
 * became due, leaving the facts and tombstones the sweep leaves (in bulk: history is written at once). Every name
 * is made up. Written once.
 */
export async function seedDemoHistory(
  deps: { db: Db; log: Logger; retention: Retention },
  now: Date,
  options: { perYear?: number; years?: number; seed?: number } = {},
): Promise<number> {
  const { db } = deps;
  // Only into a demo database without cases of its own: the references start at 1.
  if ((await hasDemoHistory(db)) || (await countCases(db)) > 0) return 0;
  const table = await findTableByName(db, demoTable.name);
  if (!table) return 0;
  const members = await listActiveMembers(db);
  const pm = members.find((m) => m.role === 'processManager');
  const people = members.filter((m) => m.role !== 'processManager');
  if (!pm || !people.length) return 0;
  const partners = (await listPartners(db)).map((p) => p.id);

  const days = Math.round(365 * (options.years ?? 2));
  const from = new Date(now.getTime() - days * 86_400_000);
  await db.$transaction(async (tx) => {
    await ensureSessionRows(tx, table.id, occurrencesBetween(table.schedule, from, now));
    await markSessionsHeld(tx, table.id, now);
    await planSessions(tx, table, now);
  });
  const past = await listSessions(db, { tableIds: [table.id], from, to: now, statuses: ['held'] });
  const coming = await listSessions(db, {
    tableIds: [table.id],
    from: new Date(now.getTime() + 86_400_000),
    statuses: activeSessionStatuses,
  });
  const cases = planHistory({
    now,
    days,
    table,
    past,
    coming,
    pm,
    people,
    partners,
    perYear: options.perYear ?? 90,
    random: mulberry32(options.seed ?? 2026),
  });

  const ids: string[] = [];
  for (let start = 0; start < cases.length; start += 1000)
    ids.push(
      ...(await db.$transaction((tx) => insertHistory(tx, cases.slice(start, start + 1000)), { timeout: 60_000 })),
    );
  await db.$transaction(async (tx) => {
    await ensureJobs(
      tx,
      cases.flatMap((c, i) =>
        c.shadow && !c.shadow.leftAt && !c.closure
          ? [shadowReturnJobFor(ids[i]!, c.shadow.returnDate, table.schedule.timeZone)]
          : [],
      ),
    );
    await recordAudit(tx, 'system', { action: 'demo.historySeeded', recordType: 'demo', purpose: 'demogegevens' });
  });

  // What passed its retention period went when it became due: deleted now, as of that moment.
  const due = cases.flatMap((c, i) => {
    const at = c.closure
      ? dueMoment(c.closure.at, { months: deps.retention.closedCaseMonths })
      : c.screening && c.screening.outcome !== 'accepted'
        ? dueMoment(c.screening.decidedAt, { months: deps.retention.rejectedReferralMonths })
        : undefined;
    return at && at <= now ? [{ id: ids[i]!, at }] : [];
  });
  for (let start = 0; start < due.length; start += 1000)
    await db.$transaction(
      (tx) =>
        deleteHistoryInBulk(
          tx,
          due.slice(start, start + 1000).map((d) => d.id),
          deps.retention,
        ),
      { timeout: 60_000 },
    );
  await vacuumAfterHistory(db);
  deps.log.info({ cases: cases.length, deleted: due.length }, 'demo history seeded');
  return cases.length;
}

/** Of the last few hundred cases, the one closed last in the year before `at` (none: undefined). */
function closedInYearBefore(cases: readonly HistoricCase[], at: Date): HistoricCase | undefined {
  const from = at.getTime() - 365 * 24 * 3_600_000;
  let found: HistoricCase | undefined;
  for (const c of cases.slice(-300)) {
    const closed = c.closure?.at.getTime();
    if (
      closed !== undefined &&
      closed >= from &&
      closed <= at.getTime() &&
      closed > (found?.closure!.at.getTime() ?? 0)
    )
      found = c;
  }
  return found;
}

/** A small, seeded random generator: the same history on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const firstNames = [
  'Dayenne',
  'Jurmaine',
  'Shurandy',
  'Nathaly',
  'Rignald',
  'Xiomara',
  'Ruthmila',
  'Jeandro',
  'Kimberly',
  'Glenda',
  'Sirvano',
  'Marisol',
  'Edsel',
  'Yunaira',
  'Quincy',
  'Lisandra',
];
const lastNames = [
  'Bramasol',
  'Kwintera',
  'Lorisma',
  'Dovelaar',
  'Zandhaver',
  'Merolin',
  'Tarpenta',
  'Quillard',
  'Vosmara',
  'Ebberink',
  'Calderine',
  'Novarro',
];
const domainTexts: Record<string, string> = {
  housing: 'Huurachterstand (fictief)',
  finances: 'Schulden (fictief)',
  mentalHealth: 'Psychische klachten (fictief)',
  addiction: 'Middelengebruik (fictief)',
  domesticViolence: 'Spanningen thuis (fictief)',
  justice: 'Contact met politie (fictief)',
  parenting: 'Opvoedvragen (fictief)',
  schoolWork: 'Schoolverzuim (fictief)',
};
const outcomeWeights: [CaseOutcome, number][] = [
  ['goalReached', 0.45],
  ['goalPartlyReached', 0.3],
  ['goalNotReached', 0.1],
  ['transferred', 0.1],
  ['other', 0.05],
];

interface PlanInput {
  now: Date;
  /** How many days of history, back from `now`. */
  days: number;
  table: TableView;
  past: SessionView[];
  coming: SessionView[];
  pm: MemberView;
  people: MemberView[];
  partners: string[];
  perYear: number;
  random: () => number;
}

const day = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function addWorkingDays(from: Date, n: number): Date {
  let d = DateTime.fromJSDate(from, { zone: 'utc' });
  for (let left = n; left > 0;) {
    d = d.plus({ days: 1 });
    if (d.weekday <= 5) left--;
  }
  return d.toJSDate();
}

/** The fictional cases, oldest first: what each went through, decided by the seeded random generator. */
export function planHistory(input: PlanInput): HistoricCase[] {
  const { now, random, past, coming } = input;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const chance = (p: number) => random() < p;
  const weighted = <T>(options: [T, number][]) => {
    let r = random();
    for (const [v, w] of options) if ((r -= w) < 0) return v;
    return options[0]![0];
  };
  const capacity = capacityOf(input.table.schedule);
  const booked = new Map<string, number>();
  const sessionFrom = (list: SessionView[], at: Date, limit = Infinity) =>
    list.find((s) => s.startsAt >= at && (booked.get(s.id) ?? 0) < limit);
  const book = (s: SessionView) => booked.set(s.id, (booked.get(s.id) ?? 0) + 1);
  const membersOf = (org: string) => input.people.filter((m) => m.organisationId === org);
  const staffedOrgs = [...new Set(input.people.map((m) => m.organisationId))];
  const counters = new Map<number, number>();

  const total = Math.round((input.perYear * input.days) / 365);
  const cases: HistoricCase[] = [];
  for (let n = 0; n < total; n++) {
    const submittedAt = new Date(
      now.getTime() - ((input.days * (total - n)) / total) * day + between(0, 8) * 3_600_000,
    );
    const referrer = pick(input.people);
    const involved = [
      ...new Set([
        referrer.organisationId,
        pick(staffedOrgs),
        pick(input.partners),
        ...(chance(0.5) ? [pick(input.partners)] : []),
      ]),
    ];
    const year = submittedAt.getUTCFullYear();
    counters.set(year, (counters.get(year) ?? 0) + 1);
    const domains = [
      ...new Set([
        pick(Object.keys(domainTexts)),
        pick(Object.keys(domainTexts)),
        ...(chance(0.4) ? [pick(Object.keys(domainTexts))] : []),
      ]),
    ];
    const c: HistoricCase = {
      reference: formatReference(year, counters.get(year)!),
      referrer: { memberId: referrer.id, organisationId: referrer.organisationId },
      responsibleOrganisationId: referrer.organisationId,
      involvedOrganisationIds: involved,
      persons: [
        {
          name: `${pick(firstNames)} ${pick(lastNames)}`,
          birthDate: `${between(1960, 2010)}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`,
          address: `Kaya Fictief ${between(1, 120)}, Kralendijk`,
        },
      ],
      lifeDomains: Object.fromEntries(domains.map((d) => [d, domainTexts[d]!])),
      chains: chance(0.5) ? ['care', 'justice'] : ['care', 'justice', 'administration'],
      submittedAt,
      discussions: [],
      evaluations: [],
    };
    // Every third aanmelding is for the person of a case closed in the year before, if there is one: a repeat.
    const earlier = n % 3 === 0 ? closedInYearBefore(cases, submittedAt) : undefined;
    if (earlier) c.persons = [{ ...earlier.persons[0]! }];
    cases.push(c);
    const decidedAt = addWorkingDays(
      submittedAt,
      weighted([
        [between(1, 3), 0.55],
        [between(4, 5), 0.25],
        [between(6, 9), 0.2],
      ]),
    );
    // The last few days' aanmeldingen still wait for screening.
    if (decidedAt > now || submittedAt.getTime() > now.getTime() - 3 * day) continue;
    const outcome = weighted<'accepted' | 'rejected' | 'infoRequested'>([
      ['accepted', 0.74],
      ['rejected', 0.16],
      ['infoRequested', 0.1],
    ]);
    c.screening = {
      decidedAt,
      decidedByMemberId: input.pm.id,
      outcome,
      ...(outcome === 'accepted' ? { tableId: input.table.id } : {}),
    };
    if (outcome !== 'accepted') continue;
    c.informer = {
      memberId: referrer.id,
      ...(chance(0.88)
        ? {
            informedOn: isoDate(
              new Date(
                decidedAt.getTime() +
                  weighted([
                    [between(0, 10), 0.8],
                    [between(15, 30), 0.2],
                  ]) *
                    day,
              ),
            ),
          }
        : {}),
    };
    if (c.informer.informedOn && c.informer.informedOn > isoDate(now)) delete c.informer.informedOn;

    const first = sessionFrom(past, new Date(decidedAt.getTime() + day));
    if (!first) {
      const next = sessionFrom(coming, new Date(now.getTime() + day), capacity);
      if (next) {
        book(next);
        c.coming = { sessionId: next.id, reason: 'newCase' };
      }
      continue;
    }
    const director = pick(involved.flatMap(membersOf).length ? involved.flatMap(membersOf) : [referrer]);
    const discuss = (
      s: SessionView,
      reason: 'newCase' | 'backOnAgenda',
      nextStep: HistoricCase['discussions'][number]['decision']['nextStep'],
    ) => {
      const actions = Array.from({ length: between(1, 3) }, (_, k) => {
        const organisationId = pick(involved);
        const due = new Date(s.startsAt.getTime() + between(14, 42) * day);
        const holder = membersOf(organisationId)[0];
        if (due > now) {
          return holder && chance(0.5)
            ? {
                description: `Actie ${k + 1} (fictief)`,
                organisationId,
                dueDate: isoDate(due),
                state: 'claimed' as const,
                claimedByMemberId: holder.id,
              }
            : {
                description: `Actie ${k + 1} (fictief)`,
                organisationId,
                dueDate: isoDate(due),
                state: 'open' as const,
              };
        }
        const kind = weighted<'onTime' | 'late' | 'open'>([
          ['onTime', 0.72],
          ['late', 0.18],
          ['open', 0.1],
        ]);
        if (kind === 'open')
          return {
            description: `Actie ${k + 1} (fictief)`,
            organisationId,
            dueDate: isoDate(due),
            state: 'open' as const,
          };
        const doneAt = new Date(due.getTime() + (kind === 'onTime' ? -between(0, 6) : between(2, 12)) * day);
        return {
          description: `Actie ${k + 1} (fictief)`,
          organisationId,
          dueDate: isoDate(due),
          state: 'done' as const,
          ...(holder ? { claimedByMemberId: holder.id } : {}),
          doneAt: doneAt < now ? doneAt : now,
        };
      });
      c.discussions.push({
        sessionId: s.id,
        startsAt: s.startsAt,
        reason,
        presentOrganisationIds: involved.filter(() => chance(0.85)),
        decision: {
          goal: 'Stabiele woon- en gezinssituatie (fictief)',
          plan: 'Gezamenlijk plan van aanpak (fictief)',
          directorMemberId: director.id,
          decidedByMemberId: input.pm.id,
          nextStep,
        },
        actions,
      });
    };
    const fate = weighted<'shadow' | 'close' | 'regie'>([
      ['shadow', 0.35],
      ['close', 0.5],
      ['regie', 0.15],
    ]);
    const second = chance(0.3)
      ? past.find((s) => s.startsAt.getTime() >= first.startsAt.getTime() + 40 * day)
      : undefined;
    discuss(
      first,
      'newCase',
      second ? 'backOnAgenda' : fate === 'shadow' ? 'shadowList' : fate === 'close' ? 'closure' : 'regieFollowUp',
    );
    if (second)
      discuss(
        second,
        'backOnAgenda',
        fate === 'shadow' ? 'shadowList' : fate === 'close' ? 'closure' : 'regieFollowUp',
      );
    const lastMeeting = (second ?? first).startsAt;
    const close = (at: Date) => {
      if (at > now) return;
      c.closure = { at, outcome: weighted(outcomeWeights) };
      for (const org of involved) {
        const answerer = membersOf(org)[0];
        if (answerer && chance(0.75))
          c.evaluations.push({
            organisationId: org,
            memberId: answerer.id,
            goalReached: weighted([
              ['yes', 0.5],
              ['partly', 0.35],
              ['no', 0.15],
            ]),
            cooperation: between(2, 5),
            at: new Date(at.getTime() + between(1, 20) * day),
          });
      }
      for (const e of c.evaluations) if (e.at > now) e.at = now;
    };
    if (fate === 'shadow') {
      const returnDate = DateTime.fromJSDate(lastMeeting, { zone: input.table.schedule.timeZone })
        .plus({ months: 6 })
        .toISODate()!;
      c.shadow = { at: lastMeeting, returnDate };
      const back = sessionFrom(past, new Date(`${returnDate}T00:00:00Z`));
      if (back) {
        c.shadow.leftAt = new Date(`${returnDate}T04:00:00Z`);
        close(new Date(back.startsAt.getTime() + 60 * 60_000));
      }
    } else if (fate === 'close') {
      close(new Date(lastMeeting.getTime() + between(30, 200) * day));
    }
    if (!c.closure && !(c.shadow && !c.shadow.leftAt) && chance(0.4)) {
      const next = sessionFrom(coming, new Date(now.getTime() + day), capacity - 2);
      if (next) {
        book(next);
        c.coming = { sessionId: next.id, reason: 'backOnAgenda' };
      }
    }
  }
  return cases;
}
