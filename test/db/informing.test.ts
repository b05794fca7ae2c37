import { beforeEach, describe, expect, it } from 'vitest';
import { composeForTest } from '../support/compose.ts';
import { caseLogbookCard } from '../../cards/logbook.card.ts';
import { listAuditEvents } from '../../src/audit/audit.repository.ts';
import { caseLogbook } from '../../src/audit/logbook.ts';
import { textOf } from '../support/bot.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { findInforming } from '../../src/lifecycle/informing.repository.ts';
import { informingDue, informReminderJob, recordInforming } from '../../src/lifecycle/informing.ts';
import { caseOverview } from '../../src/lifecycle/regie.ts';
import { submitReferral } from '../../src/referrals/submit-referral.ts';
import { decideScreening } from '../../src/screening/decide-screening.ts';
import { seedActors, type Actors } from '../support/actors.ts';
import { useDatabase } from '../support/database.ts';
import { FixedClock, RecordingNotifier } from '../support/fakes.ts';
import { capturingLogger } from '../support/logs.ts';
import { validReferralData } from '../support/referral.ts';

const db = useDatabase();
const clock = new FixedClock(new Date('2026-11-20T09:00:00Z'));
/** The use cases' dependencies, with INFORM_WITHIN_DAYS at its default and the network on Bonaire. */
const deps = { db, clock, informWithinDays: 14, figuresTimeZone: 'America/Kralendijk' };
let a: Actors;

beforeEach(async () => {
  clock.set(new Date('2026-11-20T09:00:00Z'));
  a = await seedActors(db);
});

/** An accepted case of the police; the intake says whether the person was informed. */
async function accepted(informedAtIntake: boolean) {
  const data = validReferralData(
    [a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!],
    informedAtIntake ? {} : { informed: 'no', informedBy: '', notInformedReason: 'Eerst overleggen met de wijkagent' },
  );
  const submitted = await submitReferral(deps, a.police, { data });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  const decided = await decideScreening(deps, a.pm, submitted.caseId, {
    decision: 'accept',
    tableId: (await listTables(db))[0]!.id,
  });
  if (!decided.ok) throw new Error('not accepted');
  return submitted.caseId;
}

function runner() {
  const notifier = new RecordingNotifier();
  const { log } = capturingLogger();
  const { jobs, background } = composeForTest(db, { clock, log, notifier, owner: 'test' });
  return { notifier, background, jobs };
}

describe('informing the person', () => {
  it("a birth date is checked against Bonaire's day too: at 22:30 there, its tomorrow lies in the future, its today not", async () => {
    clock.set(new Date('2026-11-21T02:30:00Z'));
    const partners = [a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!];
    const tomorrow = await submitReferral(deps, a.police, {
      data: { ...validReferralData(partners), p1_birthDate: '21-11-2026' },
    });
    expect(tomorrow).toMatchObject({ ok: false, errors: { p1_birthDate: 'De geboortedatum ligt in de toekomst.' } });
    const today = await submitReferral(deps, a.police, {
      data: { ...validReferralData(partners), p1_birthDate: '20-11-2026' },
    });
    expect(today.ok).toBe(true);
  });

  it("the day is Bonaire's, not UTC's: at 22:30 there (02:30 UTC the next day) the intake counts for that day and the next is still to come", async () => {
    clock.set(new Date('2026-11-21T02:30:00Z'));
    const caseId = await accepted(true);
    expect(await findInforming(db, caseId)).toMatchObject({ informedOn: '2026-11-20' });
    expect(await recordInforming(deps, a.police, caseId, { informedOn: '21-11-2026' })).toEqual({
      ok: false,
      errors: { informedOn: 'Die datum ligt in de toekomst.' },
    });
    expect(await recordInforming(deps, a.police, caseId, { informedOn: '20-11-2026' })).toMatchObject({ ok: true });
  });

  it('the referrer informs; what the intake said is recorded, and then nothing is due', async () => {
    const caseId = await accepted(true);
    expect(await findInforming(db, caseId)).toMatchObject({
      informerMemberId: a.police.memberId,
      informedOn: '2026-11-20',
    });
    expect(await db.scheduledJob.count({ where: { kind: informReminderJob } })).toBe(0);
    expect((await caseOverview(deps, a.police, caseId)).informing).toEqual({
      informerName: 'Ruben Croes',
      informedOn: '2026-11-20',
      overdue: false,
    });
  });

  it('not yet informed: only the one who informs (or the procesmanager) records it; a date in the future or nothing at all comes back in Dutch', async () => {
    const caseId = await accepted(false);
    await expect(recordInforming(deps, a.youthCareContact, caseId, { informedOn: '21-11-2026' })).rejects.toMatchObject(
      { code: 'FORBIDDEN', details: { permission: 'informing.record' } },
    );
    await expect(recordInforming(deps, a.krusada, caseId, { informedOn: '21-11-2026' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await recordInforming(deps, a.police, caseId, { informedOn: '01-12-2026' })).toEqual({
      ok: false,
      errors: { informedOn: 'Die datum ligt in de toekomst.' },
    });
    expect(await recordInforming(deps, a.police, caseId, {})).toEqual({
      ok: false,
      errors: {
        informedOn: 'Vul de datum in waarop de betrokkene is geïnformeerd, of schrijf waarom dat nog niet is gebeurd.',
      },
    });
    expect(await recordInforming(deps, a.police, caseId, { reason: 'Betrokkene is tijdelijk onbereikbaar' })).toEqual({
      ok: true,
      notifications: [],
    });
    expect((await caseOverview(deps, a.pm, caseId)).informing).toMatchObject({
      reason: 'Betrokkene is tijdelijk onbereikbaar',
      overdue: false,
    });
    expect(await recordInforming(deps, a.police, caseId, { informedOn: '20-11-2026' })).toEqual({
      ok: true,
      notifications: [],
    });
    expect(await findInforming(db, caseId)).toMatchObject({ informedOn: '2026-11-20' });
    expect(
      (await listAuditEvents(db, { caseId })).filter((e) => e.purpose === 'informeren').map((e) => e.action),
    ).toEqual(['informing.updated', 'informing.recorded']);
  });

  it('the procesmanager names someone else of an involved organisation, who is told and may then record it', async () => {
    const caseId = await accepted(false);
    expect(await recordInforming(deps, a.pm, caseId, { informerMemberId: a.krusada.memberId })).toEqual({
      ok: false,
      errors: {
        informerMemberId: 'Kies iemand van een betrokken organisatie, of de aanmelder.',
        informedOn: 'Vul de datum in waarop de betrokkene is geïnformeerd, of schrijf waarom dat nog niet is gebeurd.',
      },
    });
    expect(await recordInforming(deps, a.pm, caseId, { informerMemberId: a.youthCareContact.memberId })).toEqual({
      ok: true,
      notifications: [{ kind: 'informerNamed', to: a.youthCareContact.aadObjectId, caseId }],
    });
    expect((await caseOverview(deps, a.youthCareContact, caseId)).may.inform).toBe(true);
    expect((await caseOverview(deps, a.police, caseId)).may.inform).toBe(false);
    expect((await recordInforming(deps, a.youthCareContact, caseId, { informedOn: '20-11-2026' })).ok).toBe(true);
  });

  it('after 14 days the procesmanager sees it overdue and the one who informs gets exactly one reminder; recorded in time, none', async () => {
    const late = await accepted(false);
    const inTime = await accepted(false);
    await recordInforming(deps, a.police, inTime, { informedOn: '20-11-2026' });
    clock.set(new Date('2026-12-04T08:59:00Z'));
    expect((await informingDue(deps, a.pm)).cases).toEqual([]);
    expect((await informingDue(deps, a.police)).cases.map((c) => c.id)).toEqual([late]);
    expect((await informingDue(deps, a.krusada)).cases).toEqual([]);
    const { jobs, background, notifier } = runner();
    await jobs.runDue();
    await background.settled();
    const reminders = () =>
      notifier
        .to(a.police.aadObjectId)
        .filter((m) => JSON.stringify(m.card).includes('termijn om de betrokkene te informeren'));
    expect(reminders()).toHaveLength(0);

    clock.set(new Date('2026-12-04T09:01:00Z'));
    expect((await informingDue(deps, a.pm)).cases.map((c) => ({ id: c.id, informerName: c.informerName }))).toEqual([
      { id: late, informerName: 'Ruben Croes' },
    ]);
    expect((await caseOverview(deps, a.pm, late)).informing.overdue).toBe(true);
    await jobs.runDue();
    await background.settled();
    expect(reminders()).toHaveLength(1);
    clock.set(new Date('2026-12-20T09:00:00Z'));
    await jobs.runDue();
    await background.settled();
    expect(reminders()).toHaveLength(1);
    expect(await db.scheduledJob.count({ where: { kind: informReminderJob, state: 'done' } })).toBe(2);
    // The reminder is a system event in the case's logbook; the case informed in time has none.
    const reminded = async (caseId: string) =>
      (await listAuditEvents(db, { caseId })).filter((e) => e.action === 'informing.reminded');
    expect(await reminded(late)).toMatchObject([{ actorAadObjectId: null, purpose: 'informeren', outcome: 'ok' }]);
    expect(await reminded(inTime)).toEqual([]);
    const reference = (await db.case.findUniqueOrThrow({ where: { id: late } })).reference!;
    expect(textOf(caseLogbookCard(await caseLogbook({ db, timeZone: 'Europe/Amsterdam' }, a.pm, reference)))).toMatch(
      /\*\*herinnering informeren verstuurd\*\* · Casusbot \(systeem\) · Informeren/,
    );
  });
});
