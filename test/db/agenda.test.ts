import { beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/audit/audit.repository.ts';
import { findCaseById } from '../../src/cases/case.repository.ts';
import { editAgenda, myAgenda, personalAgenda, publicAgenda } from '../../src/conferences/agenda.ts';
import { agendaPostJob, planSessions } from '../../src/conferences/planning.ts';
import { addExtraSession, cancelSession, moveSession } from '../../src/conferences/sessions.ts';
import { listSessions, recordAgendaPost } from '../../src/conferences/session.repository.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { closeTable, saveTable } from '../../src/conferences/tables.ts';
import { findJob, listJobs } from '../../src/jobs/job.repository.ts';
import { submitReferral } from '../../src/referrals/submit-referral.ts';
import { decideScreening } from '../../src/screening/decide-screening.ts';
import { seedActors, type Actors } from '../support/actors.ts';
import { useDatabase } from '../support/database.ts';
import { FixedClock } from '../support/fakes.ts';
import { validReferralData } from '../support/referral.ts';

const db = useDatabase();
const clock = new FixedClock(new Date('2026-11-23T09:00:00Z')); // Monday; the demo table meets on Tuesdays 10:00 Bonaire (14:00 UTC)
/** The use cases' dependencies, with INFORM_WITHIN_DAYS at its default. */
const deps = { db, clock, informWithinDays: 14 };
let a: Actors;
beforeEach(async () => {
  clock.set(new Date('2026-11-23T09:00:00Z'));
  a = await seedActors(db);
});
const table = async () => (await listTables(db))[0]!;

/** Registers and accepts a case involving these organisations; it lands on the first free session. */
async function accepted(involved: string[] = ['Korps Politie CN', 'Jeugdzorg CN'], referrer = a.police) {
  const result = await submitReferral(deps, referrer, { data: validReferralData(involved.map((n) => a.orgs[n]!)) });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const decided = await decideScreening(deps, a.pm, result.caseId, { decision: 'accept', tableId: (await table()).id });
  if (!decided.ok) throw new Error('not accepted');
  return decided.case;
}

describe('sessions are records', () => {
  it('a year of the rhythm exists as rows, each with one agenda-post job at the lead time; planning twice changes nothing', async () => {
    const t = await table();
    await db.$transaction((tx) => planSessions(tx, t, clock.now()));
    await db.$transaction((tx) => planSessions(tx, t, clock.now()));
    const sessions = await listSessions(db, { tableIds: [t.id], from: clock.now() });
    expect(sessions.length).toBe(27); // every two weeks for 371 days
    expect(sessions[0]!.startsAt.toISOString()).toBe('2026-11-24T14:00:00.000Z');
    const jobs = await listJobs(db, { kind: agendaPostJob });
    expect(jobs).toHaveLength(27);
    expect((await findJob(db, agendaPostJob, sessions[0]!.id))?.dueAt.toISOString()).toBe('2026-11-23T14:00:00.000Z');
  });

  it('accepted cases are booked on a session and follow it when it moves; referrers and invited organisations are told, nobody else', async () => {
    const c = await accepted();
    expect(c.firstSessionAt?.toISOString()).toBe('2026-11-24T14:00:00.000Z');
    const result = await moveSession(deps, a.pm, c.firstSessionId!, { date: '2026-11-26', time: '13:30' });
    expect(result.ok).toBe(true);
    const moved = (await findCaseById(db, c.id))!;
    expect(moved.firstSessionAt?.toISOString()).toBe('2026-11-26T17:30:00.000Z');
    expect((await findJob(db, agendaPostJob, c.firstSessionId!))?.dueAt.toISOString()).toBe('2026-11-25T17:30:00.000Z');
    const told = result.ok
      ? result.notifications.filter((n) => n.kind === 'sessionMoved').map((n) => 'to' in n && n.to)
      : [];
    expect(told).toContain(a.police.aadObjectId); // referrer, and invited
    expect(told).toContain(a.policeColleague.aadObjectId); // invited organisation
    expect(told).toContain(a.youthCareContact.aadObjectId);
    expect(told).not.toContain(a.krusada.aadObjectId);
    expect(told).not.toContain(a.mentalHealth.aadObjectId);
    expect(result.ok && result.notifications).toContainEqual({ kind: 'agendaChanged', sessionId: c.firstSessionId });
  });

  it('a moved session is not planned again by the rhythm, and a bad time comes back at the field', async () => {
    const c = await accepted();
    await moveSession(deps, a.pm, c.firstSessionId!, { date: '2026-11-26', time: '13:30' });
    const t = await table();
    await db.$transaction((tx) => planSessions(tx, t, clock.now()));
    const nov = await listSessions(db, {
      tableIds: [t.id],
      from: new Date('2026-11-24T00:00:00Z'),
      to: new Date('2026-11-28T00:00:00Z'),
    });
    expect(nov.map((s) => [s.status, s.startsAt.toISOString()])).toEqual([['moved', '2026-11-26T17:30:00.000Z']]);
    expect(await moveSession(deps, a.pm, c.firstSessionId!, { date: '2026-11-20', time: '10:00' })).toEqual({
      ok: false,
      errors: { date: 'Kies een moment in de toekomst.' },
    });
    expect(await moveSession(deps, a.pm, c.firstSessionId!, { date: '2026-11-30', time: '25:00' })).toEqual({
      ok: false,
      errors: { time: 'Vul een tijd in als uu:mm, bijvoorbeeld 10:00.' },
    });
  });

  it('cancelling a session moves its cases to the next session with room and tells each person only about their own cases', async () => {
    const police = await accepted(['Korps Politie CN']);
    const mhc = await accepted(['Mental Health Caribbean'], a.mentalHealth);
    const result = await cancelSession(deps, a.pm, police.firstSessionId!);
    if (!result.ok) throw new Error('not cancelled');
    for (const c of [police, mhc])
      expect((await findCaseById(db, c.id))!.firstSessionAt?.toISOString()).toBe('2026-12-08T14:00:00.000Z');
    expect((await findJob(db, agendaPostJob, police.firstSessionId!))?.state).toBe('cancelled');
    const rebooked = (to: string) => result.notifications.find((n) => n.kind === 'casesRebooked' && n.to === to);
    expect(rebooked(a.policeColleague.aadObjectId)).toMatchObject({
      why: 'cancelled',
      moves: [{ reference: police.reference }],
    });
    expect(rebooked(a.mentalHealth.aadObjectId)).toMatchObject({ moves: [{ reference: mhc.reference }] });
    expect(rebooked(a.krusada.aadObjectId)).toBeUndefined();
  });

  it('an extra session gets its own agenda job; only the procesmanager may change sessions', async () => {
    const t = await table();
    const result = await addExtraSession(deps, a.pm, t.id, { date: '2026-12-01', time: '09:00' });
    if (!result.ok) throw new Error('not added');
    expect(result.session).toMatchObject({ status: 'extra', startsAt: new Date('2026-12-01T13:00:00Z') });
    expect((await findJob(db, agendaPostJob, result.session.id))?.dueAt.toISOString()).toBe('2026-11-30T13:00:00.000Z');
    await expect(addExtraSession(deps, a.police, t.id, { date: '2026-12-01', time: '09:00' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(cancelSession(deps, a.policeContact, result.session.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('agenda composition', () => {
  it("new cases come first, then cases put back on the agenda; each gets a slot of the table's minutes per case", async () => {
    const first = await accepted();
    const t = await table();
    // A case taken off and put back by the procesmanager arrives as "back on the agenda".
    const back = await accepted(['Krusada']);
    const agendaBefore = await publicAgenda(db, back.firstSessionId!);
    await editAgenda(deps, a.pm, back.firstSessionId!, { action: 'remove', itemId: agendaBefore.items[1]!.id });
    const third = await accepted(['Forma']);
    await editAgenda(deps, a.pm, back.firstSessionId!, { action: 'add', caseId: back.id });
    const agenda = await publicAgenda(db, first.firstSessionId!);
    expect(agenda.items.map((i) => [i.reference, i.reason, i.slot?.start.toISOString()])).toEqual([
      [first.reference, 'newCase', '2026-11-24T14:00:00.000Z'],
      [third.reference, 'newCase', '2026-11-24T14:15:00.000Z'],
      [back.reference, 'backOnAgenda', '2026-11-24T14:30:00.000Z'],
    ]);
    expect(agenda.items[0]!.invitedOrganisations.map((o) => o.name).sort()).toEqual([
      'Jeugdzorg CN',
      'Korps Politie CN',
    ]);
    expect(agenda.table.capacity).toBe(8);
    expect(t.schedule.minutesPerCase).toBe(15);
  });

  it('the procesmanager reorders; a stale button (an item already gone) changes nothing', async () => {
    const one = await accepted();
    const two = await accepted(['Forma']);
    const sessionId = one.firstSessionId!;
    const [i1, i2] = (await publicAgenda(db, sessionId)).items;
    await editAgenda(deps, a.pm, sessionId, { action: 'up', itemId: i2!.id });
    expect((await publicAgenda(db, sessionId)).items.map((i) => i.reference)).toEqual([two.reference, one.reference]);
    await editAgenda(deps, a.pm, sessionId, { action: 'remove', itemId: i1!.id });
    await editAgenda(deps, a.pm, sessionId, { action: 'remove', itemId: i1!.id });
    expect((await publicAgenda(db, sessionId)).items.map((i) => i.reference)).toEqual([two.reference]);
    await expect(editAgenda(deps, a.police, sessionId, { action: 'up', itemId: i2!.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('over capacity, the last items move to the next session and the procesmanagers are told', async () => {
    const t = await table();
    const cases = [await accepted(), await accepted(['Forma'])];
    const valid = {
      name: t.name,
      organisationIds: t.organisationIds.join(','),
      timeZone: t.schedule.timeZone,
      weekday: '2',
      startTime: '10:00',
      anchorDate: '2026-01-06',
      intervalWeeks: '2',
      minutesPerCase: '15',
      agendaLeadHours: '24',
    };
    // Shrink the meeting to one case: the next edit of the agenda settles the overflow.
    expect(await saveTable(deps, a.pm, { ...valid, sessionMinutes: '15' }, t.id)).toMatchObject({ ok: true });
    const sessionId = cases[0]!.firstSessionId!;
    const [item] = (await publicAgenda(db, sessionId)).items;
    const notifications = await editAgenda(deps, a.pm, sessionId, { action: 'up', itemId: item!.id }); // the first can't go up: only the settling happens
    expect((await publicAgenda(db, sessionId)).items.map((i) => i.reference)).toEqual([cases[0]!.reference]);
    expect((await findCaseById(db, cases[1]!.id))!.firstSessionAt?.toISOString()).toBe('2026-12-08T14:00:00.000Z');
    expect(
      notifications
        .filter((n) => n.kind === 'casesRebooked')
        .map((n) => 'to' in n && n.to)
        .sort(),
    ).toEqual([a.pm.aadObjectId, a.pm2.aadObjectId].sort());
  });
});

describe('need-to-know on the agenda', () => {
  it('"Mijn deel": an invited participant gets a glance at the case (audited); an uninvited organisation gets nothing more than the channel', async () => {
    const c = await accepted(['Korps Politie CN', 'Jeugdzorg CN']);
    const mine = await personalAgenda(deps, a.youthCareContact, c.firstSessionId!);
    expect(mine.items[0]?.glance).toMatchObject({
      firstPersonName: 'Jan Fictief',
      responsibleOrganisationName: 'Korps Politie CN',
    });
    expect(
      (await listAuditEvents(db, { recordId: c.id }))
        .filter((e) => e.action === 'agenda.itemViewed')
        .map((e) => e.actorAadObjectId),
    ).toEqual([a.youthCareContact.aadObjectId]);

    await recordAgendaPost(db, c.firstSessionId!, {
      publishedAt: clock.now(),
      conversationId: 'channel',
      activityId: 'post',
    }); // in the channel now
    const refused = await personalAgenda(deps, a.krusada, c.firstSessionId!);
    expect(refused.visibleCount).toBe(0);
    expect(refused.items.map((i) => i.glance)).toEqual([undefined]);
    expect(JSON.stringify(refused)).not.toMatch(/Jan Fictief|1990|111222333|Kaya Fictief|huisuitzetting/i);
    expect(refused).toEqual({ ...(await publicAgenda(db, c.firstSessionId!)), visibleCount: 0, chairing: false });
  });

  it('before publication a participant sees only their own items; someone whose organisation is not at the table sees nothing at all', async () => {
    const c = await accepted(['Korps Politie CN']);
    const early = await personalAgenda(deps, a.krusada, c.firstSessionId!);
    expect(early.items).toEqual([]);
    const own = await personalAgenda(deps, a.policeColleague, c.firstSessionId!);
    expect(own.items.map((i) => i.reference)).toEqual([c.reference]);

    const other = await saveTable(deps, a.pm, {
      name: 'Casusoverleg Rincon',
      organisationIds: [a.orgs['Krusada'], a.orgs['Forma']].join(','),
      timeZone: 'America/Kralendijk',
      weekday: '3',
      startTime: '10:00',
      anchorDate: '2026-01-07',
      intervalWeeks: '2',
      sessionMinutes: '60',
      minutesPerCase: '15',
      agendaLeadHours: '24',
    });
    if (!other.ok) throw new Error(JSON.stringify(other.errors));
    const [rincon] = await listSessions(db, { tableIds: [other.table.id], from: clock.now() }, 1);
    await expect(personalAgenda(deps, a.police, rincon!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await myAgenda(deps, a.police)).map((s) => s.table.name)).not.toContain('Casusoverleg Rincon');
  });

  it('"agenda" shows a participant only the items their organisation is invited to', async () => {
    const police = await accepted(['Korps Politie CN']);
    await accepted(['Mental Health Caribbean'], a.mentalHealth);
    const seen = await myAgenda(deps, a.policeColleague);
    expect(seen.flatMap((s) => s.items.map((i) => i.reference))).toEqual([police.reference]);
    expect((await myAgenda(deps, a.krusada)).flatMap((s) => s.items)).toEqual([]);
    expect((await myAgenda(deps, a.pm)).flatMap((s) => s.items)).toHaveLength(2);
  });
});

describe('tables', () => {
  const form = {
    name: 'Casusoverleg Rincon',
    organisationIds: '',
    timeZone: 'Europe/Amsterdam',
    weekday: '1',
    startTime: '09:30',
    anchorDate: '2026-01-05',
    intervalWeeks: '1',
    sessionMinutes: '90',
    minutesPerCase: '30',
    agendaLeadHours: '48',
  };

  it('bad values come back at their fields, in Dutch; nothing is stored', async () => {
    const result = await saveTable(deps, a.pm, {
      ...form,
      organisationIds: a.orgs['Krusada']!,
      timeZone: 'Europe/Atlantis',
      anchorDate: '2026-01-06',
      minutesPerCase: '0',
    });
    expect(result).toEqual({
      ok: false,
      errors: { minutesPerCase: 'Per casus 5 tot 120 minuten.' },
    });
    const second = await saveTable(deps, a.pm, {
      ...form,
      organisationIds: a.orgs['Krusada']!,
      timeZone: 'Europe/Atlantis',
      anchorDate: '2026-01-06',
    });
    expect(second).toEqual({
      ok: false,
      errors: {
        timeZone:
          'Onbekende tijdzone: Europe/Atlantis. Gebruik een IANA-naam zoals Europe/Amsterdam of America/Kralendijk.',
        anchorDate: 'De datum van het eerste overleg valt niet op de gekozen weekdag.',
      },
    });
    expect(
      await saveTable(deps, a.pm, { ...form, name: 'Casusoverleg Bonaire', organisationIds: a.orgs['Krusada']! }),
    ).toMatchObject({ ok: false, errors: { name: 'Er is al een tafel met deze naam.' } });
    expect(await listTables(db)).toHaveLength(1);
  });

  it('a new table plans its sessions in its own timezone; closing is refused while cases are on its agendas', async () => {
    const result = await saveTable(deps, a.pm, {
      ...form,
      organisationIds: [a.orgs['Krusada'], a.orgs['Forma']].join(','),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const sessions = await listSessions(db, { tableIds: [result.table.id], from: clock.now() }, 2);
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-11-30T08:30:00.000Z',
      '2026-12-07T08:30:00.000Z',
    ]);
    expect((await findJob(db, agendaPostJob, sessions[0]!.id))?.dueAt.toISOString()).toBe('2026-11-28T08:30:00.000Z');

    await accepted();
    await expect(closeTable(deps, a.pm, (await table()).id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const closed = await closeTable(deps, a.pm, result.table.id);
    expect(closed.closedAt).toBeDefined();
    expect((await listJobs(db, { kind: agendaPostJob, subjectId: sessions[0]!.id }))[0]?.state).toBe('cancelled');
    await expect(saveTable(deps, a.police, form)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
