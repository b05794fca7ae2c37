import { beforeEach, describe, expect, it } from 'vitest';
import { composeForTest } from '../support/compose.ts';
import { claimAction, closeActionNotDone, completeAction } from '../../src/actions/actions.ts';
import { listAuditEvents } from '../../src/audit/audit.repository.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import type { Db } from '../../src/db/client.ts';
import { recordDecision } from '../../src/decisions/record-decision.ts';
import { ensureJob, findJob, listJobs } from '../../src/jobs/job.repository.ts';
import { JobRunner } from '../../src/jobs/runner.ts';
import { setClosed } from '../../src/lifecycle/case-state.repository.ts';
import { saveEvaluation } from '../../src/lifecycle/evaluation.repository.ts';
import { addContributionRow } from '../../src/meetings/discussion.repository.ts';
import { saveReferralDraft, submitReferral } from '../../src/referrals/submit-referral.ts';
import {
  deleteDueCases,
  ensureRetentionSweep,
  retentionSweepHandler,
  retentionSweepJob,
} from '../../src/retention/delete-due.ts';
import { deletedNotice } from '../../src/retention/deleted.ts';
import { caseByReference } from '../../src/lifecycle/regie.ts';
import type { DomainError } from '../../src/errors.ts';
import {
  deleteCasesIfDue,
  findDeletedCaseById,
  listDueForDeletion,
  nextRetentionDueAt,
} from '../../src/retention/retention.repository.ts';
import { defaultRetention, retentionCutoffs } from '../../src/retention/retention.rules.ts';
import { decideScreening } from '../../src/screening/decide-screening.ts';
import { seedActors, type Actors } from '../support/actors.ts';
import { useDatabase, withSecondInstance } from '../support/database.ts';
import { FixedClock } from '../support/fakes.ts';
import { capturingLogger } from '../support/logs.ts';
import { validReferralData, savedDraft } from '../support/referral.ts';

const db = useDatabase();
const clock = new FixedClock(new Date('2026-11-20T09:00:00Z'));
/** The use cases' dependencies, with INFORM_WITHIN_DAYS at its default. */
const deps = { db, clock, informWithinDays: 14 };
const day = 24 * 3600_000;
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * day);
let a: Actors;

beforeEach(async () => {
  clock.set(new Date('2026-11-20T09:00:00Z')); // a Friday
  a = await seedActors(db);
});

/** The person of the proof: distinctive values, so a hit anywhere in the database can only be theirs. */
const person = {
  name: 'Zefanja Quirindongo',
  bsn: '739461503',
  birthDate: '03-07-1984',
  isoBirthDate: '1984-07-03',
  address: 'Kaya Flamboyan 17',
};
const needles = ['Zefanja', 'Quirindongo', person.bsn, person.isoBirthDate, person.birthDate, person.address];

const referralOf = (overrides: Record<string, string> = {}) =>
  validReferralData([a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!], {
    p1_name: person.name,
    p1_bsn: person.bsn,
    p1_birthDate: person.birthDate,
    p1_address: `${person.address}, Rincon`,
    p2_address: `${person.address}, Rincon`,
    domain_housing: `${person.name} dreigt haar huis aan de ${person.address} te verliezen`,
    ...overrides,
  });

/**
 * Every column of every table in the public schema, cast to text, searched for each needle: which
 * table.column holds which needle. Text, varchar, json(b) and text[] columns are among them (and dates,
 * for the birth date), so nothing of the person can hide anywhere.
 */
async function findNeedles(client: Db = db): Promise<{ column: string; needle: string }[]> {
  const columns = await client.$queryRaw<
    { table_name: string; column_name: string; data_type: string; udt_name: string }[]
  >`
    SELECT c.table_name::text AS table_name, c.column_name::text AS column_name, c.data_type::text AS data_type, c.udt_name::text AS udt_name
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = 'public'`;
  const textual = columns.filter(
    (c) =>
      ['text', 'character varying', 'json', 'jsonb'].includes(c.data_type) ||
      (c.data_type === 'ARRAY' && ['_text', '_varchar'].includes(c.udt_name)),
  );
  // The scan must see the places personal data live, or it proves nothing.
  for (const place of [
    'case_person.name',
    'case_person.address',
    'case_person.bsn',
    'case_record.form',
    'case_record.lifeDomains',
    'contribution.text',
    'regie_update.text',
    'evaluation.wentWell',
    'decision.goal',
    'case_action.result',
    'case_action.closeExplanation',
    'case_record.closureNote',
    'case_fact.lifeDomains',
    'case_fact.evaluationScores',
  ]) {
    expect(textual.map((c) => `${c.table_name}.${c.column_name}`)).toContain(place);
  }
  const hits: { column: string; needle: string }[] = [];
  for (const c of columns) {
    const found = await client.$queryRawUnsafe<{ needle: string }[]>(
      `SELECT n.needle FROM unnest($1::text[]) AS n(needle)
        WHERE EXISTS (SELECT 1 FROM "${c.table_name}" WHERE "${c.column_name}"::text ILIKE '%' || n.needle || '%')`,
      needles,
    );
    hits.push(...found.map((f) => ({ column: `${c.table_name}.${c.column_name}`, needle: f.needle })));
  }
  return hits;
}

/**
 * A case as it lives: submitted on Friday 20 November, accepted on Monday 23, decided on in the meeting of
 * Tuesday 24 November with an action (done on time) and one not done (its explanation names the person), a contribution, a regie update, an evaluation with free
 * text, and closed on 15 January 2027. Every free text names the person.
 */
async function livedCase() {
  const submitted = await submitReferral(deps, a.police, { data: referralOf() });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted.errors));
  clock.set(new Date('2026-11-23T09:00:00Z'));
  const accepted = await decideScreening(deps, a.pm, submitted.caseId, {
    decision: 'accept',
    tableId: (await listTables(db))[0]!.id,
  });
  if (!accepted.ok) throw new Error('not accepted');
  const caseId = submitted.caseId;
  const agendaItemId = (await db.agendaItem.findFirstOrThrow({ where: { caseId } })).id;
  clock.set(new Date('2026-11-24T15:00:00Z'));
  await addContributionRow(db, {
    caseId,
    agendaItemId,
    organisationId: a.orgs['Korps Politie CN']!,
    authorMemberId: a.police.memberId,
    lifeDomain: 'housing',
    text: `${person.name} (BSN ${person.bsn}) woont aan de ${person.address}`,
    sensitive: false,
  });
  const decided = await recordDecision(deps, a.pm, {
    caseId,
    agendaItemId,
    values: {
      goal: `${person.name} houdt haar woning`,
      plan: 'Schuldhulp en een gezinscoach',
      directorMemberId: a.youthCareContact.memberId,
      nextStep: 'regieFollowUp',
      action1_description: `Huisbezoek bij ${person.name}`,
      action1_organisationId: a.orgs['Korps Politie CN']!,
      action1_dueDate: '2026-12-01',
      action2_description: 'Gezinscoach inzetten',
      action2_organisationId: a.orgs['Jeugdzorg CN']!,
      action2_dueDate: '2026-12-10',
    },
  });
  if (!decided.ok) throw new Error(JSON.stringify(decided));
  const actionId = (
    await db.caseAction.findFirstOrThrow({ where: { caseId, description: { startsWith: 'Huisbezoek' } } })
  ).id;
  const coachId = (await db.caseAction.findFirstOrThrow({ where: { caseId, description: 'Gezinscoach inzetten' } })).id;
  // The regisseur closes it as not done; free text, so someone writes the person's name in it.
  const notDone = await closeActionNotDone(deps, a.youthCareContact, coachId, {
    closeReason: 'changed',
    closeExplanation: `${person.name} heeft zelf hulp gevonden`,
  });
  if ('errors' in notDone) throw new Error('not closed');
  clock.set(new Date('2026-11-30T15:00:00Z'));
  await claimAction(deps, a.police, actionId);
  const done = await completeAction(deps, a.police, actionId, {
    result: `Gesproken met ${person.name}, geboren ${person.birthDate}`,
  });
  if ('errors' in done) throw new Error('not completed');
  await db.regieUpdate.create({
    data: {
      caseId,
      kind: 'progress',
      authorMemberId: a.youthCareContact.memberId,
      organisationId: a.orgs['Jeugdzorg CN']!,
      text: `${person.name} heeft een betalingsregeling`,
    },
  });
  const closedAt = new Date('2027-01-15T15:00:00Z');
  clock.set(closedAt);
  expect(
    await setClosed(db, caseId, {
      at: closedAt,
      outcome: 'goalReached',
      note: `${person.name} woont weer zelfstandig aan de ${person.address}`,
    }),
  ).toBe(true);
  await saveEvaluation(db, {
    caseId,
    organisationId: a.orgs['Jeugdzorg CN']!,
    memberId: a.youthCareContact.memberId,
    goalReached: 'yes',
    cooperation: 4,
    at: closedAt,
    wentWell: `Snel contact met ${person.name}`,
    couldBeBetter: 'Eerder de schuldhulp inschakelen',
  });
  // Work still waiting for the case: it stops with the deletion.
  await ensureJob(db, { kind: 'test.later', subjectId: caseId, dueAt: new Date('2030-01-01T00:00:00Z') });
  await ensureJob(db, {
    kind: 'test.later',
    subjectId: `${caseId}:2027-07-15`,
    dueAt: new Date('2030-01-01T00:00:00Z'),
  });
  return { caseId, reference: submitted.reference, actionId, closedAt };
}

/** The bot's job runner, as the scheduler runs it. */
function jobRunner(client: Db = db, owner?: string) {
  const logs = capturingLogger();
  const { jobs: runner, background } = composeForTest(client, { clock, log: logs.log, owner });
  return {
    logs,
    run: async () => {
      const n = await runner.runDue();
      await background.settled();
      return n;
    },
  };
}

const factRows = () => db.caseFact.findMany();
const auditActions = async (caseId: string) =>
  (await listAuditEvents(db, { recordType: 'case', recordId: caseId })).map((e) => e.action);

describe('a closed case is deleted a year after its closure, and nothing of the person stays', () => {
  it('364 days after closure it is all there; at 366 the sweep has deleted it: no trace of the person in any column of any table', async () => {
    const { caseId, reference, actionId, closedAt } = await livedCase();
    const bot = jobRunner();

    clock.set(plusDays(closedAt, 364));
    await ensureRetentionSweep(db, clock.now());
    await bot.run();
    expect(await db.case.count({ where: { id: caseId } })).toBe(1);
    expect(await db.casePerson.count({ where: { caseId } })).toBe(2);
    expect(await factRows()).toEqual([]);
    // The scan finds every needle while the case lives: it is able to see them.
    const before = await findNeedles();
    expect(new Set(before.map((h) => h.needle))).toEqual(new Set(needles));
    for (const column of [
      'case_person.name',
      'case_person.bsn',
      'case_person.address',
      'case_record.form',
      'contribution.text',
      'regie_update.text',
      'evaluation.wentWell',
      'case_action.result',
      'case_action.closeExplanation',
      'case_record.closureNote',
      'decision.goal',
    ]) {
      expect(before.map((h) => h.column)).toContain(column);
    }
    // The sweep planned the next one: at the next midnight (UTC), since the case comes due later than that.
    expect((await listJobs(db, { kind: retentionSweepJob, state: 'pending' })).map((j) => j.dueAt)).toEqual([
      new Date('2028-01-15T00:00:00Z'),
    ]);

    clock.set(plusDays(closedAt, 366));
    await bot.run(); // the sweep planned for midnight, run late
    expect(await db.case.count({ where: { id: caseId } })).toBe(0);
    expect(await findNeedles()).toEqual([]);
    for (const table of [
      'casePerson',
      'caseOrganisation',
      'agendaItem',
      'contribution',
      'decision',
      'caseAction',
      'regieUpdate',
      'evaluation',
    ] as const) {
      expect(
        await (db[table] as unknown as { count(args: object): Promise<number> }).count({ where: { caseId } }),
      ).toBe(0);
    }
    expect(await db.attendance.count()).toBe(0);

    // What stays: the anonymous facts, without reference or id,
    const facts = await factRows();
    expect(facts).toHaveLength(1);
    const { id: _id, createdAt: _createdAt, ...fact } = facts[0]!;
    expect(fact).toEqual({
      kind: 'case',
      intakeMonth: '2026-11',
      acceptedMonth: '2026-11',
      firstDiscussionMonth: '2026-11',
      closedMonth: '2027-01',
      deletedMonth: '2028-01',
      screeningOutcome: 'accepted',
      screeningWorkingDays: 1, // Friday to Monday
      daysToFirstDiscussion: 4,
      lifeDomains: ['domesticViolence', 'finances', 'housing'],
      chains: ['care', 'justice'],
      referrerOrganisationId: a.orgs['Korps Politie CN'],
      responsibleOrganisationId: a.orgs['Korps Politie CN'],
      involvedOrganisationIds: [a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!].sort(),
      tableId: (await listTables(db))[0]!.id,
      sessions: 1,
      actions: 2,
      actionsDoneOnTime: 1,
      wasOnShadowList: false,
      outcome: 'goalReached',
      evaluationScores: [{ organisationId: a.orgs['Jeugdzorg CN'], goalReached: 'yes', cooperation: 4 }],
      screenedMonth: '2026-11',
      daysToClosure: 56,
      daysToInformed: 0,
      shadowListSpells: [],
      // Of the action not done only its reason code stays, never its explanation.
      actionFacts: expect.arrayContaining([
        { dueMonth: '2026-12', onTime: true },
        { dueMonth: '2026-12', onTime: false, closeReason: 'changed' },
      ]),
      // The one discussion: nobody was marked present (the decision form's attendance was left empty).
      attendance: [a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!]
        .sort()
        .map((organisationId) => ({ month: '2026-11', organisationId, invited: 1, present: 0 })),
      // Swept a day after the year was over.
      deletedLateDays: 1,
      // Nobody in it was in a case closed in the year before its aanmelding: a yes or no, nothing of another case.
      repeatReferral: false,
    });
    expect(JSON.stringify(facts)).not.toContain(reference);
    expect(JSON.stringify(facts)).not.toContain(caseId);
    // the audit trail with ids only, and the tombstone that answers the reference.
    expect(await auditActions(caseId)).toEqual(
      expect.arrayContaining(['referral.submitted', 'screening.accepted', 'decision.recorded', 'case.deleted']),
    );
    expect((await listAuditEvents(db, { recordId: caseId })).find((e) => e.action === 'case.deleted')).toMatchObject({
      actorAadObjectId: null,
      actorOrganisationId: null,
      purpose: 'verwijdering',
    });
    const deletedAt = plusDays(closedAt, 366);
    const tombstone = { reference, deletedAt, organisationIds: expect.arrayContaining([a.orgs['Korps Politie CN']!]) };
    expect(await deletedNotice(db, reference)).toEqual(tombstone);
    expect(await deletedNotice(db, ` ${reference.toLowerCase()} `)).toEqual(tombstone);
    // Silent tombstones: "verwijderd op" only to the involved organisations and the procesmanager; an organisation
    // that was not involved gets exactly what a reference that never existed gets.
    expect(await caseByReference(deps, a.police, reference)).toEqual({ kind: 'deleted', deletedAt });
    expect(await caseByReference(deps, a.pm, reference)).toEqual({ kind: 'deleted', deletedAt });
    const refusal = async (ref: string) =>
      caseByReference(deps, a.krusada, ref).then(
        () => 'answered',
        (error: DomainError) => ({ code: error.code, details: error.details, message: error.message }),
      );
    expect(await refusal(reference)).toEqual(await refusal('ZVH-2026-9999'));
    expect(await refusal(reference)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await deletedNotice(db, 'ZVH-2026-9999')).toBeUndefined();
    expect(await findDeletedCaseById(db, caseId)).toEqual({ reference, deletedAt });
    // Work that waited for the case or its action stopped.
    expect((await listJobs(db, { kind: 'test.later' })).map((j) => j.state)).toEqual(['cancelled', 'cancelled']);
    expect((await listJobs(db, { subjectId: actionId })).every((j) => j.state !== 'pending')).toBe(true);
    // The log says how many, never who.
    expect(bot.logs.lines().find((l) => l.msg === 'retention sweep: cases deleted')).toMatchObject({
      case: 1,
      referral: 0,
      draft: 0,
      failed: 0,
    });
    for (const needle of [...needles, reference]) expect(bot.logs.text()).not.toContain(needle);
  });

  it('a configured period counts instead of the default', async () => {
    const { caseId, closedAt } = await livedCase();
    clock.set(plusDays(closedAt, 40));
    expect(await deleteDueCases({ db, clock, log: capturingLogger().log }, defaultRetention)).toMatchObject({
      case: 0,
    });
    expect(
      await deleteDueCases({ db, clock, log: capturingLogger().log }, { ...defaultRetention, closedCaseMonths: 1 }),
    ).toMatchObject({ case: 1 });
    expect(await db.case.count({ where: { id: caseId } })).toBe(0);
  });
});

describe('a rejected aanmelding goes three months after the decision, a draft 30 days after its last change', () => {
  it('rejected: there after 89 days, gone after 93, with its anonymous facts and tombstone', async () => {
    const submitted = await submitReferral(deps, a.police, { data: referralOf() });
    if (!submitted.ok) throw new Error('invalid');
    const decidedAt = new Date('2026-11-23T09:00:00Z');
    clock.set(decidedAt);
    const rejected = await decideScreening(deps, a.pm, submitted.caseId, {
      decision: 'reject',
      reason: `${person.name} woont niet op Bonaire`,
    });
    if (!rejected.ok) throw new Error('not rejected');
    const log = capturingLogger();
    const sweep = () => deleteDueCases({ db, clock, log: log.log }, defaultRetention);

    clock.set(plusDays(decidedAt, 89));
    expect(await sweep()).toEqual({ case: 0, referral: 0, draft: 0, failed: 0, batches: 0, unfinished: false });
    expect(await db.case.count()).toBe(1);
    expect((await findNeedles()).length).toBeGreaterThan(0);

    clock.set(plusDays(decidedAt, 93));
    expect(await sweep()).toEqual({ case: 0, referral: 1, draft: 0, failed: 0, batches: 1, unfinished: false });
    expect(await db.case.count()).toBe(0);
    expect(await findNeedles()).toEqual([]);
    const facts = await factRows();
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({
      kind: 'referral',
      intakeMonth: '2026-11',
      acceptedMonth: null,
      firstDiscussionMonth: null,
      closedMonth: null,
      deletedMonth: '2027-02',
      screeningOutcome: 'rejected',
      screeningWorkingDays: 1,
      daysToFirstDiscussion: null,
      tableId: null,
      sessions: 0,
      actions: 0,
      outcome: null,
      lifeDomains: ['domesticViolence', 'finances', 'housing'],
      referrerOrganisationId: a.orgs['Korps Politie CN'],
      evaluationScores: [],
    });
    expect(await deletedNotice(db, submitted.reference)).toEqual({
      reference: submitted.reference,
      deletedAt: plusDays(decidedAt, 93),
      organisationIds: expect.arrayContaining([a.orgs['Korps Politie CN']!]),
    });
    expect(await auditActions(submitted.caseId)).toContain('referral.deleted');
  });

  it('a question the referrer never answered counts as withdrawn: there after 89 days, gone after 93', async () => {
    const submitted = await submitReferral(deps, a.police, { data: referralOf() });
    if (!submitted.ok) throw new Error('invalid');
    const askedAt = new Date('2026-11-23T09:00:00Z');
    clock.set(askedAt);
    const asked = await decideScreening(deps, a.pm, submitted.caseId, {
      decision: 'askInfo',
      question: `Woont ${person.name} nog op dit adres?`,
    });
    if (!asked.ok) throw new Error('not asked');
    const sweep = () => deleteDueCases({ db, clock, log: capturingLogger().log }, defaultRetention);
    clock.set(plusDays(askedAt, 89));
    expect((await sweep()).referral).toBe(0);
    expect(await db.case.count()).toBe(1);
    clock.set(plusDays(askedAt, 93));
    expect((await sweep()).referral).toBe(1);
    expect(await findNeedles()).toEqual([]);
    expect(await factRows()).toMatchObject([{ kind: 'referral', screeningOutcome: 'withdrawn', acceptedMonth: null }]);
    expect(await deletedNotice(db, submitted.reference)).toEqual({
      reference: submitted.reference,
      deletedAt: plusDays(askedAt, 93),
      organisationIds: expect.arrayContaining([a.orgs['Korps Politie CN']!]),
    });
  });

  it('an abandoned draft: there after 29 days, gone after 31, leaving no facts and no tombstone', async () => {
    const caseId = await savedDraft(saveReferralDraft(deps, a.police, { data: referralOf() }));
    // Prisma stamps updatedAt with the real time, not the test clock: count from what it stamped.
    const { updatedAt } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { updatedAt: true } });
    const sweep = () => deleteDueCases({ db, clock, log: capturingLogger().log }, defaultRetention);

    clock.set(plusDays(updatedAt, 29));
    expect(await sweep()).toMatchObject({ draft: 0 });
    expect(await db.case.count({ where: { id: caseId } })).toBe(1);
    expect(new Set((await findNeedles()).map((h) => h.needle))).toEqual(
      new Set(needles.filter((n) => n !== person.isoBirthDate)),
    ); // a draft holds the form only

    clock.set(plusDays(updatedAt, 31));
    expect(await sweep()).toMatchObject({ draft: 1, case: 0, referral: 0 });
    expect(await db.case.count({ where: { id: caseId } })).toBe(0);
    expect(await findNeedles()).toEqual([]);
    expect(await factRows()).toEqual([]);
    expect(await db.deletedCase.count()).toBe(0);
    expect(await auditActions(caseId)).toEqual(['referral.draftSaved', 'draft.deleted']);
  });

  it('a draft its author changed is kept: the 30 days count from the last change', async () => {
    const changed = await savedDraft(saveReferralDraft(deps, a.police, { data: referralOf() }));
    const untouched = await savedDraft(saveReferralDraft(deps, a.mentalHealth, { data: { p1_name: 'Ander Concept' } }));
    const longAgo = new Date(Date.now() - 40 * day);
    await db.case.updateMany({ where: { id: { in: [changed, untouched] } }, data: { updatedAt: longAgo } });
    expect(await db.case.findUniqueOrThrow({ where: { id: changed }, select: { updatedAt: true } })).toEqual({
      updatedAt: longAgo,
    });

    await saveReferralDraft(deps, a.police, { caseId: changed, data: referralOf({ p2_relation: 'zus' }) });
    const { updatedAt } = await db.case.findUniqueOrThrow({ where: { id: changed }, select: { updatedAt: true } });
    expect(updatedAt.getTime()).toBeGreaterThan(longAgo.getTime() + 39 * day);

    clock.set(plusDays(updatedAt, 1));
    expect(await deleteDueCases({ db, clock, log: capturingLogger().log }, defaultRetention)).toMatchObject({
      draft: 1,
    });
    expect((await db.case.findMany({ select: { id: true } })).map((c) => c.id)).toEqual([changed]);
    // Its next due moment is 30 days after the change.
    expect(await nextRetentionDueAt(db, defaultRetention)).toEqual(plusDays(updatedAt, 30));
  });

  it('a case listed as due but changed before its turn (its author picked the draft up again) is checked again under the lock and kept', async () => {
    const draft = await savedDraft(saveReferralDraft(deps, a.police, { data: referralOf() }));
    await db.case.updateMany({ where: { id: draft }, data: { updatedAt: new Date(Date.now() - 40 * day) } });
    clock.set(new Date());
    const cutoffs = retentionCutoffs(defaultRetention, clock.now());
    expect(await listDueForDeletion(db, cutoffs, 10)).toEqual([draft]);
    await saveReferralDraft(deps, a.police, { caseId: draft, data: referralOf({ p2_relation: 'zus' }) });
    expect(await db.$transaction((tx) => deleteCasesIfDue(tx, [draft], defaultRetention, clock.now()))).toEqual(
      new Map(),
    );
    expect(await db.case.count({ where: { id: draft } })).toBe(1);
    // A case that is gone already (another instance deleted it) is nothing to do.
    await db.case.delete({ where: { id: draft } });
    expect(await db.$transaction((tx) => deleteCasesIfDue(tx, [draft], defaultRetention, clock.now()))).toEqual(
      new Map(),
    );
  });

  it('other phases are never deleted, however old', async () => {
    const submitted = await submitReferral(deps, a.police, { data: referralOf() });
    if (!submitted.ok) throw new Error('invalid');
    const other = await submitReferral(deps, a.mentalHealth, {
      data: validReferralData([a.orgs['Mental Health Caribbean']!]),
    });
    if (!other.ok) throw new Error('invalid');
    await decideScreening(deps, a.pm, other.caseId, { decision: 'accept', tableId: (await listTables(db))[0]!.id });
    clock.set(new Date('2036-01-01T00:00:00Z'));
    expect(await deleteDueCases({ db, clock, log: capturingLogger().log }, defaultRetention)).toEqual({
      case: 0,
      referral: 0,
      draft: 0,
      failed: 0,
      batches: 0,
      unfinished: false,
    });
    expect(await db.case.count()).toBe(2);
    expect(await nextRetentionDueAt(db, defaultRetention)).toBeUndefined();
  });
});

/** `count` accepted cases closed on 15 January 2027 (referrals written by the use cases, so each has its persons). */
async function closedCases(count: number): Promise<string[]> {
  const ids: string[] = [];
  const tableId = (await listTables(db))[0]!.id;
  for (let i = 0; i < count; i++) {
    clock.set(new Date('2026-11-20T09:00:00Z'));
    const s = await submitReferral(deps, a.police, { data: referralOf({ p1_name: `${person.name} ${i}` }) });
    if (!s.ok) throw new Error('invalid');
    const d = await decideScreening(deps, a.pm, s.caseId, { decision: 'accept', tableId });
    if (!d.ok) throw new Error('not accepted');
    expect(await setClosed(db, s.caseId, { at: new Date('2027-01-15T15:00:00Z'), outcome: 'transferred' })).toBe(true);
    ids.push(s.caseId);
  }
  return ids;
}

describe('exactly once, also with two instances, and late', () => {
  it('two instances sweeping at once delete each of 20 due cases exactly once', async () => {
    const ids = await closedCases(20);
    clock.set(new Date('2028-02-01T00:00:00Z'));
    await withSecondInstance(db, async (other, separate) => {
      const sweep = (client: Db) =>
        deleteDueCases({ db: client, clock, log: capturingLogger().log }, defaultRetention, { batchSize: 5 });
      const results = separate ? await Promise.all([sweep(db), sweep(other)]) : [await sweep(db), await sweep(other)];
      expect(results[0]!.case + results[1]!.case).toBe(20);
      if (!separate)
        expect(results[1]).toEqual({ case: 0, referral: 0, draft: 0, failed: 0, batches: 0, unfinished: false });
      expect(results.every((r) => r.failed === 0)).toBe(true);
    });
    expect(await db.case.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'case.deleted' } })).toBe(20);
    expect(
      new Set(
        (await db.auditEvent.findMany({ where: { action: 'case.deleted' }, select: { recordId: true } })).map(
          (e) => e.recordId,
        ),
      ),
    ).toEqual(new Set(ids));
    expect(await db.caseFact.count()).toBe(20);
    expect(await db.deletedCase.count()).toBe(20);
    expect(await findNeedles()).toEqual([]);
  });

  it('two job runners with a sweep each: every case once, and the next sweeps planned once', async () => {
    await closedCases(6);
    clock.set(new Date('2028-02-01T10:00:00Z'));
    await ensureRetentionSweep(db, clock.now());
    await ensureRetentionSweep(db, clock.now()); // a second instance starting the same day
    expect(await listJobs(db, { kind: retentionSweepJob })).toHaveLength(1);
    await ensureJob(db, {
      kind: retentionSweepJob,
      subjectId: '2028-01-31T00:00:00.000Z',
      dueAt: new Date('2028-01-31T00:00:00Z'),
    });
    await withSecondInstance(db, async (other) => {
      const one = jobRunner(db, 'instance-a');
      const two = jobRunner(other, 'instance-b');
      await Promise.all([one.run(), two.run()]);
    });
    expect(await db.case.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'case.deleted' } })).toBe(6);
    expect(await db.caseFact.count()).toBe(6);
    const sweeps = await listJobs(db, { kind: retentionSweepJob });
    expect(sweeps.filter((j) => j.state === 'done')).toHaveLength(2);
    expect(sweeps.filter((j) => j.state === 'pending').map((j) => j.subjectId)).toEqual(['2028-02-02T00:00:00.000Z']);
  });

  it('a long backlog is swept in turns that each stay well within the job lease, one after the other at once', async () => {
    await closedCases(4);
    clock.set(new Date('2028-02-01T10:00:00Z'));
    const oneAtATime = { maxMs: 0, batchSize: 1 };
    expect(await deleteDueCases({ db, clock, log: capturingLogger().log }, defaultRetention, oneAtATime)).toEqual({
      case: 1,
      referral: 0,
      draft: 0,
      failed: 0,
      batches: 1,
      unfinished: true,
    });
    await ensureRetentionSweep(db, clock.now());
    const logs = capturingLogger();
    const runner = new JobRunner({
      db,
      clock,
      log: logs.log,
      handlers: [
        retentionSweepHandler({ db, clock, log: logs.log, retention: defaultRetention, sweepMs: 0, batchSize: 1 }),
      ],
    });
    await runner.runDue();
    // One batch (here of one case) per sweep, each handing over to the next at once; the last finds none left.
    expect(await listJobs(db, { kind: retentionSweepJob, state: 'done' })).toHaveLength(4);
    expect(await db.case.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'case.deleted' } })).toBe(4);
    expect((await listJobs(db, { kind: retentionSweepJob, state: 'pending' })).map((j) => j.dueAt)).toEqual([
      new Date('2028-02-02T00:00:00Z'),
    ]);
  });

  it('catch-up: a sweep that came due while the bot was down still deletes when it runs, and plans the next on the due moment', async () => {
    const [late] = await closedCases(1);
    // A second case, closed later: due three hours after the bot is back.
    clock.set(new Date('2026-11-20T09:00:00Z'));
    const s = await submitReferral(deps, a.mentalHealth, {
      data: validReferralData([a.orgs['Mental Health Caribbean']!]),
    });
    if (!s.ok) throw new Error('invalid');
    await decideScreening(deps, a.pm, s.caseId, { decision: 'accept', tableId: (await listTables(db))[0]!.id });
    await setClosed(db, s.caseId, { at: new Date('2027-06-01T13:00:00Z'), outcome: 'goalPartlyReached' });
    await ensureJob(db, {
      kind: retentionSweepJob,
      subjectId: '2027-02-01T00:00:00.000Z',
      dueAt: new Date('2027-02-01T00:00:00Z'),
    });

    clock.set(new Date('2028-06-01T10:00:00Z')); // down for over a year
    const bot = jobRunner();
    expect(await bot.run()).toBeGreaterThanOrEqual(1);
    expect(await db.case.count({ where: { id: late } })).toBe(0);
    expect(await db.case.count({ where: { id: s.caseId } })).toBe(1);
    expect((await findJob(db, retentionSweepJob, '2027-02-01T00:00:00.000Z'))?.state).toBe('done');
    const pending = (await listJobs(db, { kind: retentionSweepJob, state: 'pending' })).map((j) => j.dueAt);
    expect(pending).toEqual([new Date('2028-06-01T13:00:00Z'), new Date('2028-06-02T00:00:00Z')]);

    clock.set(new Date('2028-06-01T13:00:00Z'));
    expect(await bot.run()).toBe(1);
    expect(await db.case.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'case.deleted' } })).toBe(2);
  });
});
