import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { listTables } from '../../src/conferences/table.repository.ts';
import { recordDecision } from '../../src/decisions/record-decision.ts';
import { addContribution, addIntervention, openDiscussion } from '../../src/meetings/discussion.ts';
import { advanceSession, closeSession, openSession, sessionSummary } from '../../src/meetings/run-session.ts';
import { submitReferral } from '../../src/referrals/submit-referral.ts';
import { decideScreening } from '../../src/screening/decide-screening.ts';
import { seedActors, type Actors } from '../support/actors.ts';
import { useDatabase } from '../support/database.ts';
import { FixedClock } from '../support/fakes.ts';
import { validReferralData } from '../support/referral.ts';

const db = useDatabase();
const clock = new FixedClock(new Date('2026-11-20T09:00:00Z'));
/** The use cases' dependencies, with INFORM_WITHIN_DAYS at its default. */
const deps = { db, clock, informWithinDays: 14 };
let a: Actors;
let sessionId: string;
let items: { id: string; caseId: string }[];

/** Two accepted cases on Tuesday's meeting: one of the police and youth care, one of mental health. */
beforeEach(async () => {
  clock.set(new Date('2026-11-20T09:00:00Z'));
  a = await seedActors(db);
  for (const [referrer, involved] of [
    [a.police, ['Korps Politie CN', 'Jeugdzorg CN']],
    [a.mentalHealth, ['Mental Health Caribbean']],
  ] as const) {
    const s = await submitReferral(deps, referrer, { data: validReferralData(involved.map((n) => a.orgs[n]!)) });
    if (!s.ok) throw new Error('invalid');
    const d = await decideScreening(deps, a.pm, s.caseId, {
      decision: 'accept',
      tableId: (await listTables(db))[0]!.id,
    });
    if (!d.ok) throw new Error('not accepted');
    sessionId = d.case.firstSessionId!;
  }
  items = await db.agendaItem.findMany({ where: { sessionId }, orderBy: { position: 'asc' } });
  clock.set(new Date('2026-11-24T14:02:00Z'));
});
const stateOf = async () =>
  (await db.agendaItem.findMany({ where: { sessionId }, orderBy: { position: 'asc' } })).map((i) => i.state);

describe('running a session', () => {
  it('the chair opens it: the first case starts and only its invited participants get the case card; opening again changes nothing', async () => {
    const opened = await openSession(deps, a.pm, sessionId);
    expect(opened.changed).toBe(true);
    expect(await stateOf()).toEqual(['active', 'waiting']);
    const told = opened.notifications.filter((n) => n.kind === 'discussionStarted').map((n) => 'to' in n && n.to);
    expect(told).toEqual(
      expect.arrayContaining([a.police.aadObjectId, a.policeColleague.aadObjectId, a.youthCareContact.aadObjectId]),
    );
    expect(told).toContain(a.pm.aadObjectId); // who chairs: here the procesmanagers
    expect(told).not.toContain(a.mentalHealth.aadObjectId);
    expect(told).not.toContain(a.krusada.aadObjectId);
    expect(await openSession(deps, a.pm, sessionId)).toEqual({ changed: false, notifications: [] });
    await expect(openSession(deps, a.police, sessionId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('next, skip and close: a stale or repeated click does nothing; a skipped case goes to the next meeting; the summary counts', async () => {
    await openSession(deps, a.pm, sessionId);
    expect((await advanceSession(deps, a.pm, sessionId, 'next', items[1]!.id)).changed).toBe(false); // not the case on screen
    await recordDecision(deps, a.pm, {
      caseId: items[0]!.caseId,
      agendaItemId: items[0]!.id,
      values: {
        goal: 'Rust',
        plan: 'Gezinscoach',
        directorMemberId: a.youthCareContact.memberId,
        nextStep: 'regieFollowUp',
        action1_description: 'Huisbezoek',
        action1_organisationId: a.orgs['Korps Politie CN']!,
        action1_dueDate: '2026-12-01',
      },
    });
    expect(await stateOf()).toEqual(['decided', 'waiting']);
    expect((await advanceSession(deps, a.pm, sessionId, 'next', items[0]!.id)).changed).toBe(true);
    expect((await advanceSession(deps, a.pm, sessionId, 'next', items[0]!.id)).changed).toBe(false); // a second click
    expect(await stateOf()).toEqual(['decided', 'active']);
    const mhc = items[1]!;
    const skipped = await advanceSession(deps, a.pm, sessionId, 'skip', mhc.id);
    expect(skipped.changed).toBe(true);
    expect((await advanceSession(deps, a.pm, sessionId, 'skip', mhc.id)).changed).toBe(false);
    expect(await stateOf()).toEqual(['decided', 'deferred']);
    const later = await db.agendaItem.findFirstOrThrow({
      where: { caseId: mhc.caseId, sessionId: { not: sessionId } },
      include: { session: true },
    });
    expect(later.session.startsAt.toISOString()).toBe('2026-12-08T14:00:00.000Z');
    expect((await closeSession(deps, a.pm, sessionId)).changed).toBe(true);
    expect((await closeSession(deps, a.pm, sessionId)).changed).toBe(false);
    expect(await db.conferenceSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      status: 'held',
    });
    expect(await sessionSummary(db, sessionId)).toEqual({ discussed: 1, actions: 1, deferred: 1 });
  });
});

describe('Beeldvorming and Oordelen, need-to-know', () => {
  it('an invited participant adds what their organisation knows; a repeated click adds nothing; attendance is recorded', async () => {
    await openSession(deps, a.pm, sessionId);
    const submission = randomUUID();
    expect(
      await addContribution(
        deps,
        a.police,
        items[0]!.id,
        { text: 'Drie meldingen dit jaar', lifeDomain: 'domesticViolence' },
        submission,
      ),
    ).toEqual({ ok: true, added: true });
    expect(
      await addContribution(
        deps,
        a.police,
        items[0]!.id,
        { text: 'Drie meldingen dit jaar', lifeDomain: 'domesticViolence' },
        submission,
      ),
    ).toEqual({ ok: true, added: false });
    expect(await addContribution(deps, a.police, items[0]!.id, { text: '' })).toEqual({
      ok: false,
      errors: { text: 'Schrijf wat jouw organisatie weet.' },
    });
    expect(await db.contribution.count()).toBe(1);
    expect(await db.attendance.findMany({ select: { organisationId: true } })).toEqual([
      { organisationId: a.orgs['Korps Politie CN'] },
    ]);
    const view = await openDiscussion(deps, a.youthCareContact, items[0]!.id);
    expect(view.contributions.map((c) => [c.organisation.name, c.author.name, c.text])).toEqual([
      ['Korps Politie CN', 'Ruben Croes', 'Drie meldingen dit jaar'],
    ]);
  });

  it('a sensitive contribution is seen by its own organisation and the chair; others only see that it exists', async () => {
    await addContribution(deps, a.youthCareContact, items[0]!.id, {
      text: 'Kind in beeld bij Veilig Thuis',
      sensitive: 'true',
    });
    expect((await openDiscussion(deps, a.youthCareContact, items[0]!.id)).contributions.map((c) => c.text)).toEqual([
      'Kind in beeld bij Veilig Thuis',
    ]);
    expect((await openDiscussion(deps, a.pm, items[0]!.id)).contributions.map((c) => c.text)).toEqual([
      'Kind in beeld bij Veilig Thuis',
    ]);
    const police = await openDiscussion(deps, a.police, items[0]!.id);
    expect(police.contributions).toEqual([]);
    expect(police.hiddenContributions).toEqual([
      { contributionId: expect.any(String), organisation: 'Jeugdzorg CN', sensitive: true },
    ]);
    expect(JSON.stringify(police)).not.toContain('Veilig Thuis');
  });

  it('an organisation not invited to the case finds nothing and cannot add anything', async () => {
    await expect(openDiscussion(deps, a.krusada, items[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(addContribution(deps, a.krusada, items[0]!.id, { text: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      addIntervention(deps, a.mentalHealth, items[0]!.id, { description: 'x', organisationId: a.orgs['Krusada']! }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await addIntervention(deps, a.police, items[0]!.id, {
        description: 'Gezinscoach inzetten',
        organisationId: a.orgs['Krusada']!,
      }),
    ).toEqual({
      ok: false,
      errors: { organisationId: 'Kies een organisatie die bij de casus betrokken is.' },
    });
    expect(
      await addIntervention(deps, a.police, items[0]!.id, {
        description: 'Gezinscoach inzetten',
        organisationId: a.orgs['Jeugdzorg CN']!,
      }),
    ).toEqual({ ok: true, added: true });
  });

  it('a named voorzitter chairs even when their organisation is not involved; the procesmanager then does not see the discussion', async () => {
    await db.conferenceTable.updateMany({ data: { chairMemberId: a.krusada.memberId } });
    await addContribution(deps, a.youthCareContact, items[0]!.id, {
      text: 'Kind in beeld bij Veilig Thuis',
      sensitive: 'true',
    });
    const chair = await openDiscussion(deps, a.krusada, items[0]!.id);
    expect(chair.chairing).toBe(true);
    expect(chair.contributions.map((c) => c.text)).toEqual(['Kind in beeld bij Veilig Thuis']);
    await expect(openDiscussion(deps, a.pm, items[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(openSession(deps, a.pm, sessionId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await openSession(deps, a.krusada, sessionId)).changed).toBe(true);
  });
});
