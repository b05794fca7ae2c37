import { beforeEach, describe, expect, it } from 'vitest';
import { composeForTest } from '../support/compose.ts';
import { occurrencesBetween } from '../../src/conferences/schedule.ts';
import { ensureSessionRows, listSessions } from '../../src/conferences/session.repository.ts';
import { listTables, type TableView } from '../../src/conferences/table.repository.ts';
import type { Db } from '../../src/db/client.ts';
import { insertHistory, markSessionsHeld, type HistoricCase } from '../../src/demo/history.repository.ts';
import { linkSteeringGroupChannel, produceFigures, quarterlyFiguresJob } from '../../src/figures/figures.ts';
import { parsePeriod } from '../../src/figures/periods.ts';
import { findJob } from '../../src/jobs/job.repository.ts';
import { deleteDueCases } from '../../src/retention/delete-due.ts';
import { defaultRetention } from '../../src/retention/retention.rules.ts';
import { seedActors, type Actors } from '../support/actors.ts';
import { useDatabase, withSecondInstance } from '../support/database.ts';
import { FixedClock, RecordingNotifier } from '../support/fakes.ts';
import { capturingLogger } from '../support/logs.ts';
import { textOf } from '../support/bot.ts';

const db = useDatabase();
const clock = new FixedClock(new Date('2026-11-25T12:00:00Z'));
const deps = { db, clock, informWithinDays: 14, timeZone: 'Europe/Amsterdam' };
const q3 = parsePeriod('2026-Q3')!;
let a: Actors;
let table: TableView;

const d = (iso: string) => new Date(iso);
/** The demo table's meetings (every other Tuesday, 10:00 Bonaire) from January to now, held. */
async function heldSessions() {
  await ensureSessionRows(db, table.id, occurrencesBetween(table.schedule, d('2026-01-01T00:00:00Z'), clock.now()));
  await markSessionsHeld(db, table.id, clock.now());
  const sessions = await listSessions(db, {
    tableIds: [table.id],
    from: d('2026-01-01T00:00:00Z'),
    statuses: ['held'],
  });
  return (date: string) => sessions.find((s) => s.startsAt.toISOString().startsWith(date))!;
}

/**
 * Seven cases, counted by hand below. Q2 2026: cases 1 and 6 (police), accepted. Q3 2026: 2 (youth care, accepted,
 * 7 working days, on the schaduwlijst), 3 (mental health, rejected), 4 (police, a question), 5 (municipality, not yet
 * screened, a herhaalde aanmelding of case 1's person), 7 (police, accepted). Closed in Q3: 1 (goal reached,
 * evaluated) and 6 (partly).
 */
async function sevenCases(): Promise<HistoricCase[]> {
  const at = await heldSessions();
  const o = a.orgs;
  const P = o['Korps Politie CN']!,
    J = o['Jeugdzorg CN']!,
    M = o['Mental Health Caribbean']!,
    O = o['Openbaar Lichaam Bonaire']!;
  const base = (n: number, referrer: Actors['police'], submittedAt: string, involved: string[]): HistoricCase => ({
    reference: `ZVH-2026-${String(n).padStart(4, '0')}`,
    referrer: { memberId: referrer.memberId, organisationId: referrer.organisationId },
    responsibleOrganisationId: referrer.organisationId,
    involvedOrganisationIds: involved,
    persons: [{ name: `Persoon Fictief${n}`, birthDate: '1980-01-01', address: 'Kaya Fictief 1' }],
    lifeDomains: { housing: 'x' },
    chains: ['care'],
    submittedAt: d(submittedAt),
    discussions: [],
    evaluations: [],
  });
  const accepted = (decidedAt: string) => ({
    decidedAt: d(decidedAt),
    decidedByMemberId: a.pm.memberId,
    outcome: 'accepted' as const,
    tableId: table.id,
  });
  const decision = {
    goal: 'Doel',
    plan: 'Plan',
    directorMemberId: a.youthCareContact.memberId,
    decidedByMemberId: a.pm.memberId,
    nextStep: 'regieFollowUp' as const,
  };
  const discussion = (
    date: string,
    present: string[],
    actions: HistoricCase['discussions'][number]['actions'] = [],
  ) => {
    const s = at(date);
    return {
      sessionId: s.id,
      startsAt: s.startsAt,
      reason: 'newCase' as const,
      presentOrganisationIds: present,
      decision,
      actions,
    };
  };
  return [
    {
      ...base(1, a.police, '2026-04-10T12:00:00Z', [P, J]),
      screening: accepted('2026-04-14T12:00:00Z'),
      informer: { memberId: a.police.memberId, informedOn: '2026-04-20' },
      discussions: [
        discussion(
          '2026-04-28',
          [P, J],
          [
            {
              description: 'a',
              organisationId: P,
              dueDate: '2026-05-01',
              state: 'done',
              doneAt: d('2026-04-29T12:00:00Z'),
            },
          ],
        ),
      ],
      closure: { at: d('2026-08-20T12:00:00Z'), outcome: 'goalReached' },
      evaluations: [
        {
          organisationId: J,
          memberId: a.youthCareContact.memberId,
          goalReached: 'yes',
          cooperation: 4,
          at: d('2026-08-25T12:00:00Z'),
        },
      ],
    },
    {
      ...base(2, a.youthCareContact, '2026-07-01T12:00:00Z', [J, P]),
      screening: accepted('2026-07-10T12:00:00Z'),
      informer: { memberId: a.youthCareContact.memberId, informedOn: '2026-07-30' },
      discussions: [
        discussion(
          '2026-07-21',
          [J],
          [
            {
              description: 'b',
              organisationId: J,
              dueDate: '2026-08-15',
              state: 'done',
              doneAt: d('2026-08-10T12:00:00Z'),
            },
            { description: 'c', organisationId: P, dueDate: '2026-09-10', state: 'open' },
          ],
        ),
      ],
      shadow: { at: d('2026-08-01T12:00:00Z'), returnDate: '2027-02-01' },
    },
    {
      ...base(3, a.mentalHealth, '2026-07-15T12:00:00Z', [M]),
      screening: { decidedAt: d('2026-07-16T12:00:00Z'), decidedByMemberId: a.pm.memberId, outcome: 'rejected' },
    },
    {
      ...base(4, a.police, '2026-08-03T12:00:00Z', [P]),
      screening: { decidedAt: d('2026-08-05T12:00:00Z'), decidedByMemberId: a.pm.memberId, outcome: 'infoRequested' },
    },
    // A herhaalde aanmelding: the person of case 1, closed in August, written otherwise (no BSN in either).
    {
      ...base(5, a.municipality, '2026-09-28T12:00:00Z', [O]),
      persons: [{ name: 'persoon  FICTIEF1', birthDate: '1980-01-01', address: 'Kaya Fictief 9' }],
    },
    {
      ...base(6, a.police, '2026-05-04T12:00:00Z', [P]),
      screening: accepted('2026-05-06T12:00:00Z'),
      informer: { memberId: a.police.memberId },
      discussions: [discussion('2026-05-12', [P])],
      closure: { at: d('2026-09-15T12:00:00Z'), outcome: 'goalPartlyReached' },
    },
    {
      ...base(7, a.police, '2026-07-20T12:00:00Z', [P, M]),
      screening: accepted('2026-07-21T12:00:00Z'),
      informer: { memberId: a.police.memberId, informedOn: '2026-07-25' },
      discussions: [
        discussion(
          '2026-08-04',
          [P, M],
          [{ description: 'd', organisationId: M, dueDate: '2026-12-10', state: 'open' }],
        ),
      ],
    },
  ];
}

beforeEach(async () => {
  clock.set(d('2026-11-25T12:00:00Z'));
  a = await seedActors(db);
  table = (await listTables(db))[0]!;
});

describe('the figures of a seeded history', () => {
  it('equal what was counted by hand, and stay the same when the cases are deleted a year later', async () => {
    await insertHistory(db, await sevenCases());
    const view = await produceFigures(deps, q3, 'internal');
    const v = view.figures.system.values;
    const o = a.orgs;
    const P = o['Korps Politie CN']!,
      J = o['Jeugdzorg CN']!,
      M = o['Mental Health Caribbean']!,
      O = o['Openbaar Lichaam Bonaire']!;
    const pick = (...ids: string[]) => ids.map((id) => v[id]);

    // Aanmeldingen: Q3 2, 3, 4, 5, 7; Q2 1 and 6. No partner has 5 in every quarter since the first: all of
    // them fold into "Overige organisaties" (the ledger's recoding), in every period alike.
    expect(pick('cur.intake', 'cur.intake.org.other', 'prev.intake', 'prev.intake.org.other')).toEqual([5, 5, 2, 2]);
    expect(pick(`cur.intake.org.${P}`, `cur.intake.org.${J}`, `cur.intake.org.${M}`, `cur.intake.org.${O}`)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    // Herhaalde aanmeldingen: 5 (case 1 closed five weeks before); none in Q2.
    expect(pick('cur.repeat.yes', 'cur.repeat.no', 'prev.repeat.yes', 'prev.repeat.no')).toEqual([1, 4, 0, 2]);
    // Screening: accepted 2 and 7, rejected 3, a question 4, open 5; within 5 working days 3, 4, 7, over 2.
    expect(
      pick(
        'cur.screen.accepted',
        'cur.screen.rejected',
        'cur.screen.info',
        'cur.screen.open',
        'cur.norm.within',
        'cur.norm.over',
      ),
    ).toEqual([2, 1, 1, 1, 3, 1]);
    // Open cases: Q2 0 + 2 - 0 = 2; Q3 2 + 2 - 2 = 2.
    expect(
      pick(
        'prev.stock.start',
        'prev.stock.in',
        'prev.stock.out',
        'prev.stock.end',
        'cur.stock.in',
        'cur.stock.out',
        'cur.stock.end',
      ),
    ).toEqual([0, 2, 0, 2, 2, 2, 2]);
    expect(pick('cur.outcome.goalReached', 'cur.outcome.goalPartlyReached', 'cur.outcome.goalNotReached')).toEqual([
      1, 1, 0,
    ]);
    expect(pick('cur.shadow.placed', 'cur.shadow.left', 'cur.shadow.end', 'prev.shadow.end')).toEqual([1, 0, 1, 0]);
    // Actions due in Q3: case 2's two, one on time and one not done; case 1's in Q2 on time; case 7's is due in December.
    expect(pick('cur.actions.due', 'cur.actions.onTime', 'cur.actions.late', 'prev.actions.onTime')).toEqual([
      2, 1, 1, 1,
    ]);
    // Informed within 14 days: 7 (4 days) yes, 2 (20 days) late; Q2: 1 (6 days) yes, 6 never.
    expect(
      pick('cur.inform.inTime', 'cur.inform.late', 'cur.inform.pending', 'prev.inform.inTime', 'prev.inform.late'),
    ).toEqual([1, 1, 0, 1, 1]);
    // Attendance in Q3: youth care at 1 of 1 (case 2), police at 1 of 2 (2 and 7), mental health 1 of 1: all
    // small, so together as "Overige organisaties", 3 of 4.
    expect(pick('cur.att.other.present', 'cur.att.other.invited', `cur.att.${J}.present`)).toEqual([3, 4, undefined]);
    expect(
      pick('cur.eval.answers', 'cur.eval.yes', 'cur.firstDiscussion', 'prev.firstDiscussion', 'cur.deleted'),
    ).toEqual([1, 1, 2, 2, 0]);
    // Meetings held: 7 in Q3 (7 and 21 July, 4 and 18 August, 1, 15 and 29 September), 6 in Q2.
    expect(view.figures.sessionsHeld).toMatchObject({ current: 7, previous: 6 });
    // Inside the stuurgroep every count below 5 shows as <5; a count of 5 never does, though the ledger may hide
    // it ("x") for the small quarters around it in the year.
    expect(view.figures.shown['cur.intake']!.state).not.toBe('small');
    expect(view.figures.shown['cur.intake.org.other']!.state).not.toBe('small');
    // The aanmeldingen of a period are published however small (no small-cell risk on their own); Q2's single row
    // "Overige organisaties" is that total itself, so it shows too (it was "<5" before).
    expect(view.figures.shown['prev.intake']).toEqual({ state: 'shown', value: 2 });
    expect(view.figures.shown['prev.intake.org.other']).toEqual({ state: 'shown', value: 2 });

    // A year and more later: the closed cases, the rejected one and the unanswered question are deleted.
    clock.set(d('2027-10-01T12:00:00Z'));
    const swept = await deleteDueCases({ db, clock, log: capturingLogger().log }, defaultRetention);
    expect(swept).toMatchObject({ case: 2, referral: 2 });
    expect(await db.caseFact.count()).toBe(4);
    const later = await produceFigures(deps, q3, 'internal');
    // The trend now runs on to 2027-Q4 (running then): the cells up to Q4 2026 stay what they were.
    const upTo2026 = <T>(cells: Record<string, T>) =>
      Object.fromEntries(Object.entries(cells).filter(([id]) => !id.startsWith('trend.2027')));
    expect(later.figures.system.equations).toEqual(view.figures.system.equations);
    expect(upTo2026(later.figures.system.values)).toEqual(view.figures.system.values);
    expect(upTo2026(later.figures.shown)).toEqual(view.figures.shown);
    expect(later.figures.stats).toEqual(view.figures.stats);
    // Case 1 is gone, and nothing of it was copied: the herhaalde aanmelding still counts, from case 5's own mark.
    expect(await db.case.count({ where: { reference: 'ZVH-2026-0001' } })).toBe(0);
    expect(later.figures.system.values['cur.repeat.yes']).toBe(1);
    expect(later.figures.sessionsHeld).toEqual(view.figures.sessionsHeld);
    // And what the deletion quarter itself shows: four deleted on time.
    const deletedQuarter = await produceFigures(deps, parsePeriod('2027-Q4')!, 'internal');
    expect(deletedQuarter.figures.system.values['cur.deleted']).toBe(4);
  });
});

describe('actions not done in the figures', () => {
  it('count per reason, in place of late, with the same disclosure as the other action cells; no explanation reaches them', async () => {
    await insertHistory(db, await sevenCases());
    // Case 2's open action due in September: closed as not done ("niet gedaan") by its holder.
    const explanation = 'Geen capaciteit, opnieuw bespreken';
    await db.caseAction.updateMany({
      where: { description: 'c' },
      data: {
        state: 'notDone',
        closeReason: 'skipped',
        closeExplanation: explanation,
        doneAt: d('2026-09-12T12:00:00Z'),
      },
    });
    const view = await produceFigures(deps, q3, 'internal');
    const v = view.figures.system.values;
    expect(
      ['due', 'onTime', 'late', 'pending', 'failed', 'changed', 'skipped'].map((k) => v[`cur.actions.${k}`]),
    ).toEqual([2, 1, 0, 0, 0, 0, 1]);
    // Inside the stuurgroep a count below 5 shows as <5, like every other action cell.
    expect(view.figures.shown['cur.actions.skipped']!.state).toBe(view.figures.shown['cur.actions.onTime']!.state);
    expect(view.figures.shown['cur.actions.skipped']!.state).not.toBe('shown');
    expect(JSON.stringify(view)).not.toContain(explanation);
  });
});

describe("the quarter's figures in the stuurgroep channel", () => {
  const channel = '19:stuurgroep@thread.tacv2';
  function instance(options: { db?: Db; notifier?: RecordingNotifier; owner?: string } = {}) {
    const logs = capturingLogger();
    const notifier = options.notifier ?? new RecordingNotifier();
    const { jobs: runner, background } = composeForTest(options.db ?? db, {
      clock,
      log: logs.log,
      notifier,
      owner: options.owner,
      env: { INFORM_WITHIN_DAYS: '14', FIGURES_TIME_ZONE: 'Europe/Amsterdam' },
    });
    return {
      notifier,
      logs,
      run: async () => {
        const n = await runner.runDue();
        await background.settled();
        return n;
      },
    };
  }

  it('go out once on the first working day after the quarter, also with two instances, and the next quarter is planned', async () => {
    await insertHistory(db, await sevenCases());
    await linkSteeringGroupChannel(deps, a.pm, channel);
    expect(await findJob(db, quarterlyFiguresJob, '2026-Q4')).toMatchObject({
      state: 'pending',
      dueAt: d('2027-01-04T08:00:00Z'),
    });
    // Not before.
    clock.set(d('2027-01-04T07:59:00Z'));
    expect(await instance().run()).toBe(0);

    await withSecondInstance(db, async (other) => {
      const shared = new RecordingNotifier();
      const one = instance({ notifier: shared, owner: 'instance-a' });
      const two = instance({ notifier: shared, db: other, owner: 'instance-b' });
      clock.set(d('2027-01-04T08:00:00Z'));
      await Promise.all([one.run(), two.run(), one.run(), two.run()]);
      const posts = shared.inConversation(channel);
      expect(posts).toHaveLength(1);
      const card = posts[0]!.card!;
      expect(textOf(card)).toContain('Kengetallen 4e kwartaal 2026');
      // In the channel everyone reads it: no period choice, no download, no person.
      expect(JSON.stringify(card)).not.toMatch(/Input\.ChoiceSet|figures\.export|Fictief|ZVH-2026/);
      expect((await findJob(db, quarterlyFiguresJob, '2026-Q4'))?.state).toBe('done');
      expect(await findJob(db, quarterlyFiguresJob, '2027-Q1')).toMatchObject({
        state: 'pending',
        dueAt: d('2027-04-01T07:00:00Z'),
      });
      expect(await db.auditEvent.count({ where: { action: 'figures.posted', recordId: '2026-Q4' } })).toBe(1);
      // A restart the same day posts nothing again.
      expect(shared.inConversation(channel)).toHaveLength(1);
      await one.run();
      expect(shared.inConversation(channel)).toHaveLength(1);
    });
  });

  it('without a linked channel the quarter waits; linking the channel posts it then', async () => {
    const { ensureQuarterlyFiguresJob } = await import('../../src/figures/figures.ts');
    await ensureQuarterlyFiguresJob(db, d('2026-11-25T12:00:00Z'), 'Europe/Amsterdam');
    clock.set(d('2027-01-05T09:00:00Z'));
    const bot = instance();
    await bot.run();
    expect((await findJob(db, quarterlyFiguresJob, '2026-Q4'))?.state).toBe('failed');
    expect(bot.notifier.sent).toHaveLength(0);
    expect(bot.logs.text()).toContain('no stuurgroep channel linked');
    await linkSteeringGroupChannel(deps, a.pm, channel);
    await bot.run();
    expect(bot.notifier.inConversation(channel)).toHaveLength(1);
    expect((await findJob(db, quarterlyFiguresJob, '2026-Q4'))?.state).toBe('done');
  });
});
