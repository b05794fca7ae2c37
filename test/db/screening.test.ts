import { beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/audit/audit.repository.ts';
import { findCaseById } from '../../src/cases/case.repository.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { decideScreening } from '../../src/screening/decide-screening.ts';
import { saveReferralDraft, submitReferral } from '../../src/referrals/submit-referral.ts';
import { useDatabase } from '../support/database.ts';
import { FixedClock } from '../support/fakes.ts';
import { seedActors, type Actors } from '../support/actors.ts';
import { validReferralData, savedDraft } from '../support/referral.ts';

const db = useDatabase();
const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));
/** The use cases' dependencies, with INFORM_WITHIN_DAYS at its default. */
const deps = { db, clock, informWithinDays: 14 };
let a: Actors;
beforeEach(async () => {
  clock.set(new Date('2026-11-23T09:00:00Z'));
  a = await seedActors(db);
});

const submit = async (actor = a.police, overrides = {}) => {
  const result = await submitReferral(deps, actor, {
    data: validReferralData([a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!], overrides),
  });
  if (!result.ok) throw new Error(`invalid: ${JSON.stringify(result.errors)}`);
  return result;
};
const tableId = async () => (await listTables(db))[0]!.id;

describe('submitting an aanmelding', () => {
  it("stores it whole with a readable reference, on behalf of the referrer's organisation, and audits it", async () => {
    const result = await submit();
    expect(result.reference).toBe('ZVH-2026-0001');
    const stored = (await findCaseById(db, result.caseId))!;
    expect(stored).toMatchObject({
      status: 'submitted',
      reference: 'ZVH-2026-0001',
      urgency: 'high',
      chains: ['care', 'justice'],
    });
    expect(stored.responsibleOrganisation?.name).toBe('Korps Politie CN');
    expect(stored.persons.map((p) => p.name)).toEqual(['Jan Fictief', 'Mira Fictief']);
    expect(stored.organisations.map((o) => o.name).sort()).toEqual(['Jeugdzorg CN', 'Korps Politie CN']);
    expect(await listAuditEvents(db, { recordType: 'case', recordId: result.caseId })).toMatchObject([
      { action: 'referral.submitted', actorAadObjectId: a.police.aadObjectId },
      // Whether it is a herhaalde aanmelding, for the figures: counted by the system, not looked up by the referrer.
      { action: 'referral.repeatCounted', actorAadObjectId: null, purpose: 'herhaalcontrole' },
    ]);
    expect(result.notifications.map((n) => n.to).sort()).toEqual([a.pm.aadObjectId, a.pm2.aadObjectId].sort());
  });

  it('when many submit at once, then every aanmelding gets its own number', async () => {
    const results = await Promise.all(
      [a.police, a.mentalHealth, a.municipality, a.youthCareContact, a.policeColleague].map((actor) => submit(actor)),
    );
    expect(results.map((r) => r.reference).sort()).toEqual([
      'ZVH-2026-0001',
      'ZVH-2026-0002',
      'ZVH-2026-0003',
      'ZVH-2026-0004',
      'ZVH-2026-0005',
    ]);
  });

  it('when the form is invalid, then nothing at all is stored', async () => {
    const result = await submitReferral(deps, a.police, { data: validReferralData([], {}) });
    expect(result.ok).toBe(false);
    expect(await db.case.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { recordType: 'case' } })).toBe(0);
  });

  it('when the transaction fails half-way, then neither the case nor its persons nor its audit row remain', async () => {
    const draftId = await savedDraft(saveReferralDraft(deps, a.police, { data: { p1_name: 'Jan' } }));
    // A person row that will collide with the submission's first person makes the insert fail after the case update.
    await db.$executeRawUnsafe(
      `CREATE UNIQUE INDEX "test_one_person_per_case" ON "case_person" ("caseId") WHERE "position" = 2`,
    );
    await db.$executeRawUnsafe(
      `CREATE OR REPLACE FUNCTION test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.position = 2 THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER test_fail BEFORE INSERT ON case_person FOR EACH ROW EXECUTE FUNCTION test_fail()`,
    );
    try {
      await expect(
        submitReferral(deps, a.police, { caseId: draftId, data: validReferralData([a.orgs['Forma']!]) }),
      ).rejects.toThrow();
      const stored = (await findCaseById(db, draftId))!;
      expect(stored.status).toBe('draft');
      expect(stored.reference).toBeUndefined();
      expect(stored.persons).toEqual([]);
      expect((await listAuditEvents(db, { recordId: draftId })).map((e) => e.action)).toEqual(['referral.draftSaved']);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_fail ON case_person`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_fail()`);
      await db.$executeRawUnsafe(`DROP INDEX "test_one_person_per_case"`);
    }
  });

  it('a participant of a partner cannot register for an external organisation; the procesmanager can', async () => {
    const external = {
      externalName: 'Els Extern',
      externalOrganisation: 'Huisarts',
      externalEmail: 'els@huisarts.example',
      responsibleOrganisationId: a.orgs['Jeugdzorg CN'],
    };
    const byPm = await submitReferral(deps, a.pm, { data: validReferralData([a.orgs['Jeugdzorg CN']!], external) });
    expect(byPm.ok).toBe(true);
    const stored = (await findCaseById(db, byPm.ok ? byPm.caseId : ''))!;
    expect(stored.external).toEqual({ name: 'Els Extern', organisation: 'Huisarts', email: 'els@huisarts.example' });
    expect(stored.responsibleOrganisation?.name).toBe('Jeugdzorg CN');
    expect(stored.referrer.organisationName).toBe('Zorg- en Veiligheidshuis (procesmanagement)');
  });
});

describe('drafts', () => {
  it('are kept for their author and can be submitted later; nobody else can touch them', async () => {
    const id = await savedDraft(
      saveReferralDraft(deps, a.police, { data: { p1_name: 'Jan Fictief', urgency: 'normal' } }),
    );
    expect((await findCaseById(db, id))!.form).toEqual({ p1_name: 'Jan Fictief', urgency: 'normal' });
    await expect(
      saveReferralDraft(deps, a.policeColleague, { caseId: id, data: { p1_name: 'Ander' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      submitReferral(deps, a.pm, { caseId: id, data: validReferralData([a.orgs['Forma']!]) }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const submitted = await submitReferral(deps, a.police, { caseId: id, data: validReferralData([a.orgs['Forma']!]) });
    expect(submitted.ok && submitted.caseId).toBe(id);
    await expect(saveReferralDraft(deps, a.police, { caseId: id, data: {} })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('screening', () => {
  it('accepting books the first free meeting of the table at once', async () => {
    const { caseId } = await submit();
    const result = await decideScreening(deps, a.pm, caseId, { decision: 'accept', tableId: await tableId() });
    expect(result.ok).toBe(true);
    const stored = (await findCaseById(db, caseId))!;
    expect(stored).toMatchObject({ status: 'accepted', decidedBy: { name: 'Ingrid Martina' } });
    expect(stored.firstSessionAt?.toISOString()).toBe('2026-11-24T14:00:00.000Z');
    expect(result.ok && result.notifications).toEqual([
      { kind: 'referralAccepted', to: a.police.aadObjectId, caseId },
      { kind: 'agendaChanged', sessionId: stored.firstSessionId },
    ]);
    expect((await listAuditEvents(db, { recordId: caseId })).map((e) => e.action)).toEqual([
      'referral.submitted',
      'referral.repeatCounted',
      'screening.accepted',
    ]);
  });

  it('when a meeting is full, then the next one with room is booked', async () => {
    await db.conferenceTable.updateMany({ data: { sessionMinutes: 30, minutesPerCase: 15 } }); // room for two
    const sessions: string[] = [];
    for (const actor of [a.police, a.mentalHealth, a.municipality]) {
      const { caseId } = await submit(actor);
      await decideScreening(deps, a.pm, caseId, { decision: 'accept', tableId: await tableId() });
      sessions.push((await findCaseById(db, caseId))!.firstSessionAt!.toISOString());
    }
    expect(sessions).toEqual(['2026-11-24T14:00:00.000Z', '2026-11-24T14:00:00.000Z', '2026-12-08T14:00:00.000Z']);
  });

  it('when two procesmanagers decide at once, then exactly one decision counts and the other sees who decided', async () => {
    const { caseId } = await submit();
    const [first, second] = await Promise.all([
      decideScreening(deps, a.pm, caseId, { decision: 'accept', tableId: await tableId() }),
      decideScreening(deps, a.pm2, caseId, { decision: 'reject', reason: 'Past niet' }),
    ]);
    const winners = [first, second].filter((r) => r.ok);
    const losers = [first, second].filter((r) => !r.ok && 'alreadyDecided' in r);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const stored = (await findCaseById(db, caseId))!;
    const loser = losers[0]! as { alreadyDecided: { status: string; decidedBy?: { name: string } } };
    expect(loser.alreadyDecided.status).toBe(stored.status);
    expect(loser.alreadyDecided.decidedBy?.name).toBe(stored.decidedBy?.name);
    expect(await db.auditEvent.count({ where: { recordId: caseId, action: { startsWith: 'screening.' } } })).toBe(1);
  });

  it('a rejection needs a reason and a question needs text', async () => {
    const { caseId } = await submit();
    expect(await decideScreening(deps, a.pm, caseId, { decision: 'reject', reason: ' ' })).toEqual({
      ok: false,
      errors: { reason: 'Geef de reden van afwijzing; de aanmelder krijgt die te lezen.' },
    });
    expect(await decideScreening(deps, a.pm, caseId, { decision: 'askInfo' })).toEqual({
      ok: false,
      errors: { question: 'Schrijf de vraag aan de aanmelder.' },
    });
    expect((await findCaseById(db, caseId))!.status).toBe('submitted');
  });

  it('after a question, the referrer completes the form and it comes back for screening', async () => {
    const { caseId, reference } = await submit();
    await decideScreening(deps, a.pm, caseId, { decision: 'askInfo', question: 'Is de school betrokken?' });
    expect((await findCaseById(db, caseId))!).toMatchObject({
      status: 'infoRequested',
      question: 'Is de school betrokken?',
    });
    const again = await submitReferral(deps, a.police, {
      caseId,
      data: validReferralData([a.orgs['Scholengemeenschap Bonaire']!]),
    });
    expect(again).toMatchObject({ ok: true, reference, resubmitted: true });
    const stored = (await findCaseById(db, caseId))!;
    expect(stored).toMatchObject({ status: 'submitted', question: undefined, decidedBy: undefined });
    expect(stored.organisations.map((o) => o.name)).toEqual(['Scholengemeenschap Bonaire']);
  });

  it.each(['police', 'youthCareContact', 'mentalHealth'] as const)('a %s cannot screen', async (who) => {
    const { caseId } = await submit();
    await expect(
      decideScreening(deps, a[who], caseId, { decision: 'accept', tableId: await tableId() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await findCaseById(db, caseId))!.status).toBe('submitted');
  });
});
