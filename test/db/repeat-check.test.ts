import { beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/audit/audit.repository.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { setClosed } from '../../src/lifecycle/case-state.repository.ts';
import { saveReferralDraft, submitReferral } from '../../src/referrals/submit-referral.ts';
import { deleteDueCases } from '../../src/retention/delete-due.ts';
import { loadLiveFactSources } from '../../src/retention/retention.repository.ts';
import { defaultRetention } from '../../src/retention/retention.rules.ts';
import { decideScreening } from '../../src/screening/decide-screening.ts';
import { openScreening } from '../../src/screening/screening-view.ts';
import { seedActors, type Actors } from '../support/actors.ts';
import { useDatabase } from '../support/database.ts';
import { FixedClock } from '../support/fakes.ts';
import { capturingLogger } from '../support/logs.ts';
import { savedDraft, validReferralData } from '../support/referral.ts';

const db = useDatabase();
const clock = new FixedClock(new Date('2026-01-10T13:00:00Z'));
const deps = { db, clock, informWithinDays: 14 };
let a: Actors;
beforeEach(async () => {
  clock.set(new Date('2026-01-10T13:00:00Z'));
  a = await seedActors(db);
});

/** One person only: the second of validReferralData left out. */
const onePerson = { personCount: '1', p2_name: undefined, p2_relation: undefined, p2_birthDate: undefined };
const p2Out = { p2_address: undefined };

async function submit(actor: Actors['police'], overrides: Record<string, string | undefined> = {}) {
  const result = await submitReferral(deps, actor, {
    data: validReferralData([a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!], overrides),
  });
  if (!result.ok) throw new Error(`invalid: ${JSON.stringify(result.errors)}`);
  return result.caseId;
}

/** Jan Fictief (BSN 111222333) and his daughter Mira (no BSN), accepted at the first table. */
async function acceptedCase() {
  const caseId = await submit(a.mentalHealth);
  const tableId = (await listTables(db))[0]!.id;
  const decided = await decideScreening(deps, a.pm, caseId, { decision: 'accept', tableId });
  if (!decided.ok) throw new Error('not accepted');
  return caseId;
}

/** The same family's case, accepted and closed now with its goal reached. */
async function closedCase() {
  const caseId = await acceptedCase();
  expect(await setClosed(db, caseId, { at: clock.now(), outcome: 'goalReached' })).toBe(true);
  return caseId;
}

const referenceOf = async (caseId: string) =>
  (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { reference: true } })).reference;
const repeatsOf = async (caseId: string) => (await openScreening(deps, a.pm, caseId)).repeats;
const flagOf = async (caseId: string) =>
  (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { repeatReferral: true } })).repeatReferral;

describe('the repeat check at screening', () => {
  it('finds an earlier closed case by BSN, even when the name is written otherwise, with its status, table, closure and outcome', async () => {
    const earlier = await closedCase();
    clock.set(new Date('2026-03-02T13:00:00Z'));
    const now = await submit(a.police, { p1_name: 'J. Fictief', p1_birthDate: '13-04-1990', ...onePerson, ...p2Out });
    const [match, ...others] = await repeatsOf(now);
    expect(others).toEqual([]);
    expect(match).toMatchObject({
      caseId: earlier,
      reference: await referenceOf(earlier),
      status: 'closed',
      table: { name: 'Casusoverleg Bonaire', timeZone: 'America/Kralendijk' },
      closedAt: new Date('2026-01-10T13:00:00Z'),
      outcome: 'goalReached',
      persons: [{ name: 'J. Fictief', basis: 'bsn' }],
    });
  });

  it('when both have a BSN and they differ, the same name and birth date is someone else', async () => {
    await closedCase();
    const now = await submit(a.police, { p1_bsn: '123456782', ...onePerson, ...p2Out });
    expect(await repeatsOf(now)).toEqual([]);
  });

  it('without a BSN, the same birth date and the same name (any case or spacing) is the same person', async () => {
    const earlier = await acceptedCase();
    const now = await submit(a.police, {
      p1_name: '  jan   FICTIEF ',
      p1_bsn: undefined,
      ...onePerson,
      ...p2Out,
    });
    expect(await repeatsOf(now)).toMatchObject([
      { caseId: earlier, status: 'accepted', persons: [{ name: 'jan   FICTIEF', basis: 'nameAndBirthDate' }] },
    ]);
    // Another birth date: someone else of the same name.
    const namesake = await submit(a.police, {
      p1_bsn: undefined,
      p1_birthDate: '12-04-1991',
      ...onePerson,
      ...p2Out,
    });
    expect(await repeatsOf(namesake)).toEqual([]);
  });

  it('finds another member of the household: an aanmelding for the daughter alone finds the family case', async () => {
    const earlier = await acceptedCase();
    const now = await submit(a.police, {
      p1_name: 'Mira Fictief',
      p1_birthDate: '30-09-2012',
      p1_bsn: undefined,
      ...onePerson,
      ...p2Out,
    });
    expect(await repeatsOf(now)).toMatchObject([
      { caseId: earlier, persons: [{ name: 'Mira Fictief', basis: 'nameAndBirthDate' }] },
    ]);
  });

  it('two persons of one case are one line; the case itself, drafts and rejected aanmeldingen are never found', async () => {
    const earlier = await acceptedCase();
    await savedDraft(saveReferralDraft(deps, a.municipality, { data: validReferralData([a.orgs['Forma']!]) }));
    const rejected = await submit(a.municipality);
    await decideScreening(deps, a.pm, rejected, { decision: 'reject', reason: 'Eén leefgebied' });
    const now = await submit(a.police);
    const repeats = await repeatsOf(now);
    expect(repeats.map((r) => r.caseId)).toEqual([earlier]);
    expect(repeats[0]!.persons).toEqual([
      { name: 'Jan Fictief', basis: 'bsn' },
      { name: 'Mira Fictief', basis: 'nameAndBirthDate' },
    ]);
    // The earlier case sees the new one in turn, never itself.
    expect((await repeatsOf(earlier)).map((r) => r.caseId)).toEqual([now]);
  });

  it('once the earlier case is deleted after its retention, it is found no more: nothing of it was kept', async () => {
    await closedCase();
    clock.set(new Date('2026-06-01T13:00:00Z'));
    const now = await submit(a.police);
    expect(await repeatsOf(now)).toHaveLength(1);
    clock.set(new Date('2027-01-11T13:00:00Z'));
    expect(await deleteDueCases({ db, clock, log: capturingLogger().log }, defaultRetention)).toMatchObject({
      case: 1,
    });
    expect(await repeatsOf(now)).toEqual([]);
  });

  it('is logged as herhaalcontrole beside the look: on the case screened and on each case found', async () => {
    const earlier = await acceptedCase();
    const now = await submit(a.police);
    await openScreening(deps, a.pm, now);
    const onNow = await listAuditEvents(db, { recordType: 'case', recordId: now });
    expect(onNow.filter((e) => e.purpose === 'herhaalcontrole').map((e) => e.action)).toEqual([
      'referral.repeatCounted',
      'screening.repeatChecked',
    ]);
    expect(onNow.find((e) => e.action === 'screening.repeatChecked')).toMatchObject({
      actorAadObjectId: a.pm.aadObjectId,
    });
    // The counting at intake is the system's: the referrer did not look anything up.
    expect(onNow.find((e) => e.action === 'referral.repeatCounted')).toMatchObject({ actorAadObjectId: null });
    const onEarlier = await listAuditEvents(db, { recordType: 'case', recordId: earlier });
    expect(onEarlier.filter((e) => e.action.startsWith('screening.repeat'))).toMatchObject([
      { action: 'screening.repeatFound', actorAadObjectId: a.pm.aadObjectId },
    ]);
  });

  it('nobody but the procesmanager can run it: the referrer is refused and nothing is logged as checked', async () => {
    await acceptedCase();
    const now = await submit(a.police);
    for (const actor of [a.police, a.youthCareContact, a.policeManager])
      await expect(openScreening(deps, actor, now)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const logged = await listAuditEvents(db, { recordType: 'case', recordId: now });
    expect(logged.filter((e) => e.action === 'screening.repeatChecked')).toEqual([]);
  });
});

describe('herhaalde aanmeldingen, for the figures', () => {
  it('an aanmelding for a person whose case was closed in the 12 months before is marked when it comes in', async () => {
    await closedCase();
    clock.set(new Date('2027-01-09T13:00:00Z'));
    expect(await flagOf(await submit(a.police))).toBe(true);
  });

  it('one whose earlier case closed longer ago, or is still open, is not a herhaalde aanmelding', async () => {
    await closedCase();
    // 12 months and a day later: the case is still held until the sweep runs, but outside the window.
    clock.set(new Date('2027-01-11T13:00:00Z'));
    expect(await flagOf(await submit(a.police))).toBe(false);
    await acceptedCase();
    expect(await flagOf(await submit(a.municipality))).toBe(false);
  });

  it('the mark survives the deletion of the earlier case, and the deletion of the aanmelding itself, as a yes in its facts', async () => {
    await closedCase();
    clock.set(new Date('2026-03-02T13:00:00Z'));
    const now = await submit(a.police);
    await decideScreening(deps, a.pm, now, { decision: 'reject', reason: 'Loopt al via de reclassering.' });
    clock.set(new Date('2027-01-11T13:00:00Z'));
    await deleteDueCases({ db, clock, log: capturingLogger().log }, defaultRetention);
    expect(await db.case.count()).toBe(0);
    const facts = await db.caseFact.findMany({
      select: { kind: true, repeatReferral: true },
      orderBy: { kind: 'asc' },
    });
    expect(facts).toEqual([
      { kind: 'case', repeatReferral: false },
      { kind: 'referral', repeatReferral: true },
    ]);
  });

  it('a live aanmelding carries its mark into the figures', async () => {
    await closedCase();
    const now = await submit(a.police);
    expect(await flagOf(now)).toBe(true);
    const live = await loadLiveFactSources(db);
    expect(live.map((s) => s.repeatReferral).sort()).toEqual([false, true]);
  });
});
