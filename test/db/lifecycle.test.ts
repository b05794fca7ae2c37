import { beforeEach, describe, expect, it } from 'vitest';
import { composeForTest } from '../support/compose.ts';
import { listAuditEvents } from '../../src/audit/audit.repository.ts';
import { createTable, listTables } from '../../src/conferences/table.repository.ts';
import { recordDecision } from '../../src/decisions/record-decision.ts';
import { remindEvaluations, submitEvaluation } from '../../src/lifecycle/closure.ts';
import { findCaseState } from '../../src/lifecycle/case-state.repository.ts';
import {
  caseByReference,
  caseOverview,
  changeDirector,
  decideProposal,
  myCases,
  propose,
  putBackOnAgenda,
  recordProgress,
  shadowListFor,
} from '../../src/lifecycle/regie.ts';
import { pullBackFromShadowList, shadowReturnDate, shadowReturnJob } from '../../src/lifecycle/shadow-list.ts';
import { submitReferral } from '../../src/referrals/submit-referral.ts';
import { decideScreening } from '../../src/screening/decide-screening.ts';
import { seedActors, type Actors } from '../support/actors.ts';
import { useDatabase } from '../support/database.ts';
import { FixedClock, RecordingNotifier } from '../support/fakes.ts';
import { capturingLogger } from '../support/logs.ts';
import { validReferralData } from '../support/referral.ts';

const db = useDatabase();
const clock = new FixedClock(new Date('2026-11-20T09:00:00Z'));
/** The use cases' dependencies, with INFORM_WITHIN_DAYS at its default. */
const deps = { db, clock, informWithinDays: 14 };
let a: Actors;

/** A case of the police and youth care, accepted at a table and decided at its first meeting. */
async function decidedCase(values: Record<string, string> = {}, tableId?: string, chair = a.pm) {
  clock.set(new Date('2026-11-20T09:00:00Z'));
  const submitted = await submitReferral(deps, a.police, {
    data: validReferralData([a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!]),
  });
  if (!submitted.ok) throw new Error('invalid');
  const accepted = await decideScreening(deps, a.pm, submitted.caseId, {
    decision: 'accept',
    tableId: tableId ?? (await listTables(db))[0]!.id,
  });
  if (!accepted.ok) throw new Error('not accepted');
  const item = await db.agendaItem.findFirstOrThrow({
    where: { caseId: submitted.caseId },
    include: { session: true },
  });
  clock.set(new Date(item.session.startsAt.getTime() + 60_000));
  const decided = await recordDecision(deps, chair, {
    caseId: submitted.caseId,
    agendaItemId: item.id,
    values: {
      goal: 'Huisuitzetting voorkomen',
      plan: 'Schuldhulp en gezinscoach',
      directorMemberId: a.youthCareContact.memberId,
      nextStep: 'regieFollowUp',
      action1_description: 'Huisbezoek afleggen',
      action1_organisationId: a.orgs['Korps Politie CN']!,
      action1_dueDate: localDate(item.session.startsAt, 7),
      ...values,
    },
  });
  if (!decided.ok) throw new Error(JSON.stringify(decided));
  const c = (await findCaseState(db, submitted.caseId))!;
  return {
    caseId: submitted.caseId,
    reference: c.reference,
    sessionStartsAt: item.session.startsAt,
    notifications: decided.notifications,
  };
}
const localDate = (at: Date, plusDays: number) =>
  new Date(at.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);

function runner() {
  const notifier = new RecordingNotifier();
  const { log } = capturingLogger();
  const { jobs, background } = composeForTest(db, { clock, log, notifier, owner: 'test' });
  return { notifier, background, jobs };
}

beforeEach(async () => {
  a = await seedActors(db);
});

describe('regie', () => {
  it('the decision makes its regisseur the one who sees the case in "mijn casussen", with goal, actions and the next meeting', async () => {
    const { caseId, reference } = await decidedCase();
    const mine = await myCases(deps, a.youthCareContact);
    expect(mine).toMatchObject([
      {
        id: caseId,
        reference,
        status: 'accepted',
        goal: 'Huisuitzetting voorkomen',
        openActions: 1,
        overdueActions: 0,
      },
    ]);
    expect(await myCases(deps, a.police)).toEqual([]);
    const back = await putBackOnAgenda(deps, a.youthCareContact, caseId, { reason: 'Nieuwe zorgen over school' });
    if (!back.ok) throw new Error(JSON.stringify(back));
    expect((await db.agendaItem.findFirstOrThrow({ where: { caseId, sessionId: back.sessionId } })).reason).toBe(
      'backOnAgenda',
    );
    expect((await myCases(deps, a.youthCareContact))[0]!.nextSessionAt).toBeInstanceOf(Date);
    expect(await putBackOnAgenda(deps, a.youthCareContact, caseId, { reason: '', date: '31-02-2027' })).toEqual({
      ok: false,
      errors: {
        reason: 'Schrijf waarom de casus terug op de agenda moet.',
        date: 'Geen geldige datum. Schrijf hem als dd-mm-jjjj, of laat het veld leeg voor het eerstvolgende overleg.',
      },
    });
    clock.set(new Date(clock.now().getTime() + 40 * 86_400_000));
    const later = await myCases(deps, a.youthCareContact);
    expect(later[0]).toMatchObject({ openActions: 1, overdueActions: 1 });
  });

  it('an action is overdue from the day after its due date on Bonaire, not in UTC: 22:30 on the due date is not late', async () => {
    const { caseId } = await decidedCase();
    const due = (await db.caseAction.findFirstOrThrow({ where: { caseId } })).dueDate.toISOString().slice(0, 10);
    const dayAfter = new Date(new Date(`${due}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
    // 22:30 on the due date in America/Kralendijk (UTC-4) is 02:30 UTC on the day after.
    clock.set(new Date(`${dayAfter}T02:30:00Z`));
    expect((await myCases(deps, a.youthCareContact))[0]).toMatchObject({ openActions: 1, overdueActions: 0 });
    // Half past midnight on Bonaire: the day after has begun there too.
    clock.set(new Date(`${dayAfter}T04:30:00Z`));
    expect((await myCases(deps, a.youthCareContact))[0]).toMatchObject({ openActions: 1, overdueActions: 1 });
  });

  it('progress is read by the involved organisations; an uninvolved participant finds nothing, and a non-regisseur gets no regie buttons', async () => {
    const { caseId, reference } = await decidedCase();
    expect(
      await recordProgress(
        deps,
        a.youthCareContact,
        caseId,
        { text: 'Schuldhulp is gestart' },
        '0b0e4c3e-1111-4000-8000-000000000001',
      ),
    ).toEqual({ ok: true, notifications: [] });
    await recordProgress(
      deps,
      a.youthCareContact,
      caseId,
      { text: 'Schuldhulp is gestart' },
      '0b0e4c3e-1111-4000-8000-000000000001',
    );
    expect(await db.regieUpdate.count({ where: { kind: 'progress' } })).toBe(1);
    const police = await caseOverview(deps, a.police, caseId);
    expect(police.updates.map((u) => u.text)).toContain('Schuldhulp is gestart');
    expect(police.may).toMatchObject({ direct: false, manage: false });
    expect((await caseOverview(deps, a.youthCareContact, caseId)).may.direct).toBe(true);
    await expect(recordProgress(deps, a.police, caseId, { text: 'ik ben geen regisseur' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { permission: 'regie.direct' },
    });
    for (const outsider of [a.krusada, a.mentalHealth]) {
      await expect(caseOverview(deps, outsider, caseId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(caseByReference(deps, outsider, reference)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(recordProgress(deps, outsider, caseId, { text: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(putBackOnAgenda(deps, outsider, caseId, { reason: 'x' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(propose(deps, outsider, caseId, { kind: 'closure', outcome: 'other' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(pullBackFromShadowList(deps, outsider, caseId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await myCases(deps, outsider)).toEqual([]);
    }
  });

  it('the procesmanager changes the regisseur; the old and the new one are told, and only the procesmanager may', async () => {
    const { caseId } = await decidedCase();
    await expect(
      changeDirector(deps, a.youthCareContact, caseId, { directorMemberId: a.police.memberId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await changeDirector(deps, a.pm, caseId, { directorMemberId: a.krusada.memberId })).toEqual({
      ok: false,
      errors: { directorMemberId: 'Kies een casusregisseur van een betrokken organisatie.' },
    });
    const changed = await changeDirector(deps, a.pm, caseId, { directorMemberId: a.police.memberId });
    expect(changed).toEqual({
      ok: true,
      changed: true,
      notifications: [
        { kind: 'directorChanged', to: a.police.aadObjectId, caseId, role: 'new' },
        { kind: 'directorChanged', to: a.youthCareContact.aadObjectId, caseId, role: 'old' },
      ],
    });
    expect((await myCases(deps, a.police)).map((c) => c.id)).toEqual([caseId]);
    expect(await myCases(deps, a.youthCareContact)).toEqual([]);
    await expect(recordProgress(deps, a.youthCareContact, caseId, { text: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('schaduwlijst', () => {
  it('the regisseur proposes, one procesmanager approves (the other finds it decided), and the list shows the return date', async () => {
    const { caseId, reference } = await decidedCase();
    const proposed = await propose(deps, a.youthCareContact, caseId, {
      kind: 'shadowList',
      note: 'Stabiel sinds twee maanden',
    });
    if (!proposed.ok) throw new Error(JSON.stringify(proposed));
    expect(proposed.applied).toBe(false);
    expect(proposed.notifications.map((n) => (n as { to: string }).to).sort()).toEqual(
      [a.pm.aadObjectId, a.pm2.aadObjectId].sort(),
    );
    await expect(propose(deps, a.youthCareContact, caseId, { kind: 'shadowList' })).rejects.toMatchObject({
      details: { reason: 'proposalOpen' },
    });
    expect((await findCaseState(db, caseId))!.status).toBe('accepted');
    const proposalId = (proposed.notifications[0] as { proposalId: string }).proposalId;
    await expect(decideProposal(deps, a.youthCareContact, proposalId, true)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const [first, second] = await Promise.all([
      decideProposal(deps, a.pm, proposalId, true),
      decideProposal(deps, a.pm2, proposalId, true),
    ]);
    expect([first.decided, second.decided].sort()).toEqual([false, true]);
    const state = (await findCaseState(db, caseId))!;
    expect(state.status).toBe('shadowList');
    expect(state.shadowReturnDate).toBe(shadowReturnDate(clock.now(), 'America/Kralendijk'));
    const listed = await shadowListFor(deps, a.pm);
    expect(listed).toMatchObject([{ reference, shadowReturnDate: state.shadowReturnDate }]);
    expect((await shadowListFor(deps, a.youthCareContact)).map((c) => c.reference)).toEqual([reference]);
    expect(await shadowListFor(deps, a.krusada)).toEqual([]);
    expect(await shadowListFor(deps, a.police)).toEqual([]);
    expect(await db.scheduledJob.count({ where: { kind: shadowReturnJob, state: 'pending' } })).toBe(1);
  });

  it('after six months it returns by itself, exactly once, to the first meeting from that date, also across a DST change', async () => {
    const orgs = [a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!];
    // Tuesdays 14:00 in Amsterdam, every two weeks: the list date is in winter time, the return in summer time.
    const amsterdam = await createTable(db, {
      name: 'Casusoverleg Amsterdam',
      agendaLeadHours: 24,
      organisationIds: orgs,
      schedule: {
        timeZone: 'Europe/Amsterdam',
        weekday: 2,
        startTime: '14:00',
        anchorDate: '2026-11-24',
        intervalWeeks: 2,
        sessionMinutes: 120,
        minutesPerCase: 15,
      },
    });
    const { caseId } = await decidedCase({ nextStep: 'shadowList' }, amsterdam.id);
    const state = (await findCaseState(db, caseId))!;
    expect(state.status).toBe('shadowList');
    expect(state.shadowReturnDate).toBe('2027-05-24');
    const { jobs, background } = runner();
    const returnJob = () => db.scheduledJob.findFirstOrThrow({ where: { kind: shadowReturnJob } });
    clock.set(new Date('2027-05-23T21:59:00Z')); // 23:59 in Amsterdam (CEST), the day before: agenda posts and reminders run, not the return
    await jobs.runDue();
    expect((await returnJob()).state).toBe('pending');
    expect(await db.agendaItem.count({ where: { caseId, reason: 'returnFromShadowList' } })).toBe(0);
    clock.set(new Date('2027-05-23T22:00:00Z')); // midnight, summer time
    expect(await jobs.runDue()).toBe(1);
    await background.settled();
    expect((await returnJob()).state).toBe('done');
    const items = await db.agendaItem.findMany({
      where: { caseId, reason: 'returnFromShadowList' },
      include: { session: true },
    });
    expect(items).toHaveLength(1);
    // The first meeting from 24 May 2027 in the fortnightly rhythm from Tuesday 24 November 2026 (26 weeks on):
    // Tuesday 25 May, 14:00 CEST = 12:00 UTC (it was 13:00 UTC in winter).
    expect(items[0]!.session.startsAt.toISOString()).toBe('2027-05-25T12:00:00.000Z');
    expect((await findCaseState(db, caseId))!.status).toBe('accepted');
    expect(await jobs.runDue()).toBe(0);
    expect(await db.agendaItem.count({ where: { caseId, reason: 'returnFromShadowList' } })).toBe(1);
    expect(
      (await listAuditEvents(db, { recordId: caseId })).filter((e) => e.action === 'case.returnedFromShadowList'),
    ).toHaveLength(1);
  });

  it('anyone involved may pull it back earlier; the automatic return is cancelled', async () => {
    const { caseId } = await decidedCase({ nextStep: 'shadowList' });
    await expect(pullBackFromShadowList(deps, a.krusada, caseId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const pulled = await pullBackFromShadowList(deps, a.police, caseId, 'Nieuwe melding');
    expect(pulled.booked).toBe(true);
    expect((await findCaseState(db, caseId))!.status).toBe('accepted');
    expect(await db.scheduledJob.findFirstOrThrow({ where: { kind: shadowReturnJob } })).toMatchObject({
      state: 'cancelled',
    });
    expect(await db.agendaItem.count({ where: { caseId, reason: 'returnFromShadowList' } })).toBe(1);
    await expect(pullBackFromShadowList(deps, a.police, caseId)).rejects.toMatchObject({
      details: { reason: 'notOnShadowList' },
    });
    const { jobs } = runner();
    clock.set(new Date('2027-12-01T00:00:00Z'));
    await jobs.runDue();
    expect(await db.agendaItem.count({ where: { caseId, reason: 'returnFromShadowList' } })).toBe(1);
  });
});

describe('afsluiting en evaluatie', () => {
  it('closing by decision records the outcome, stops open actions and asks each involved organisation once; answers are seen by the procesmanager and their own organisation only', async () => {
    const { caseId } = await decidedCase();
    const item = await db.agendaItem.findFirstOrThrow({ where: { caseId } });
    // A closure needs its outcome.
    expect(
      await recordDecision(deps, a.pm, {
        caseId,
        supersedesId: (await db.decision.findFirstOrThrow({ where: { caseId } })).id,
        values: {
          goal: 'Huisuitzetting voorkomen',
          plan: 'Klaar',
          directorMemberId: a.youthCareContact.memberId,
          nextStep: 'closure',
          correctionReason: 'Afgerond',
        },
      }),
    ).toEqual({ ok: false, errors: { outcome: 'Kies de uitkomst van de casus bij afsluiten.' } });
    const closed = await recordDecision(deps, a.pm, {
      caseId,
      supersedesId: (await db.decision.findFirstOrThrow({ where: { caseId } })).id,
      values: {
        goal: 'Huisuitzetting voorkomen',
        plan: 'Klaar',
        directorMemberId: a.youthCareContact.memberId,
        nextStep: 'closure',
        outcome: 'goalPartlyReached',
        correctionReason: 'Afgerond',
      },
    });
    if (!closed.ok) throw new Error(JSON.stringify(closed));
    expect(item.state).toBe('decided');
    expect(await findCaseState(db, caseId)).toMatchObject({ status: 'closed', outcome: 'goalPartlyReached' });
    expect(await db.caseAction.count({ where: { caseId, state: { in: ['open', 'claimed'] } } })).toBe(0);
    const asked = closed.notifications
      .filter((n) => n.kind === 'evaluationRequested')
      .map((n) => (n as { to: string }).to)
      .sort();
    // Contactpersonen where an organisation has them: the police contact, and youth care's contact.
    expect(asked).toEqual([a.policeContact.aadObjectId, a.youthCareContact.aadObjectId].sort());

    await expect(
      submitEvaluation(deps, a.krusada, caseId, { goalReached: 'yes', cooperation: '4' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await submitEvaluation(deps, a.police, caseId, { goalReached: 'maybe', cooperation: '9' })).toEqual({
      ok: false,
      errors: {
        goalReached: 'Is het doel bereikt? Kies een antwoord.',
        cooperation: 'Geef de samenwerking een cijfer van 1 tot 5.',
      },
    });
    expect(
      await submitEvaluation(deps, a.police, caseId, {
        goalReached: 'partly',
        cooperation: '4',
        wentWell: 'Snel schakelen',
      }),
    ).toEqual({ ok: true, notifications: [] });
    expect(await submitEvaluation(deps, a.policeColleague, caseId, { goalReached: 'no', cooperation: '1' })).toEqual({
      ok: false,
      answeredBy: 'Ruben Croes',
    });

    const pm = await caseOverview(deps, a.pm, caseId);
    expect(pm.evaluations.map((e) => e.organisationName)).toEqual(['Korps Politie CN']);
    expect(pm.missingEvaluations).toEqual(['Jeugdzorg CN']);
    expect(pm.may.remind).toBe(true);
    const youth = await caseOverview(deps, a.youthCareContact, caseId);
    expect(youth.evaluations).toEqual([]);
    expect(youth.may.evaluate).toBe(true);
    await expect(caseOverview(deps, a.krusada, caseId)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await expect(remindEvaluations(deps, a.police, caseId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const reminded = await remindEvaluations(deps, a.pm, caseId);
    expect(reminded.notifications).toEqual([
      { kind: 'evaluationRequested', to: a.youthCareContact.aadObjectId, caseId, reminder: true },
    ]);
    expect(await remindEvaluations(deps, a.pm, caseId)).toEqual({ notifications: [], reminded: false });
    await expect(recordProgress(deps, a.youthCareContact, caseId, { text: 'x' })).rejects.toMatchObject({
      details: { reason: 'caseClosed' },
    });
  });

  it('the procesmanager closes directly; a regisseur proposes closure and waits for approval', async () => {
    const first = await decidedCase();
    const proposed = await propose(deps, a.youthCareContact, first.caseId, { kind: 'closure' });
    expect(proposed).toEqual({ ok: false, errors: { outcome: 'Kies de uitkomst van de casus.' } });
    const waiting = await propose(deps, a.youthCareContact, first.caseId, { kind: 'closure', outcome: 'transferred' });
    expect(waiting).toMatchObject({ ok: true, applied: false });
    expect((await findCaseState(db, first.caseId))!.status).toBe('accepted');
    const direct = await propose(deps, a.pm, first.caseId, { kind: 'closure', outcome: 'goalReached' });
    expect(direct).toMatchObject({ ok: true, applied: true });
    expect(await findCaseState(db, first.caseId)).toMatchObject({ status: 'closed', outcome: 'goalReached' });
    // The regisseur's proposal lapsed with the closure.
    expect(await db.caseProposal.count({ where: { caseId: first.caseId, decidedAt: null } })).toBe(0);
  });

  it('a correction takes a case off the schaduwlijst, or reopens the case its corrected decision closed; a closure agrees no actions', async () => {
    const { caseId } = await decidedCase({ nextStep: 'shadowList' });
    const current = async () => (await db.decision.findFirstOrThrow({ where: { caseId, supersededBy: null } })).id;
    const base = {
      goal: 'Huisuitzetting voorkomen',
      plan: 'Verder',
      directorMemberId: a.youthCareContact.memberId,
      correctionReason: 'Vergissing',
    };
    const corrected = await recordDecision(deps, a.pm, {
      caseId,
      supersedesId: await current(),
      values: { ...base, nextStep: 'regieFollowUp' },
    });
    expect(corrected.ok).toBe(true);
    expect((await findCaseState(db, caseId))!.status).toBe('accepted');
    expect((await db.scheduledJob.findFirstOrThrow({ where: { kind: shadowReturnJob } })).state).toBe('cancelled');

    expect(
      await recordDecision(deps, a.pm, {
        caseId,
        supersedesId: await current(),
        values: {
          ...base,
          nextStep: 'closure',
          outcome: 'goalReached',
          action1_description: 'Nog iets',
          action1_organisationId: a.orgs['Korps Politie CN']!,
          action1_dueDate: '01-12-2027',
        },
      }),
    ).toEqual({
      ok: false,
      errors: {
        action1_description:
          'Bij afsluiten worden geen acties meer afgesproken. Laat de acties leeg of kies een andere volgende stap.',
      },
    });
    expect(
      (
        await recordDecision(deps, a.pm, {
          caseId,
          supersedesId: await current(),
          values: { ...base, nextStep: 'closure', outcome: 'goalReached' },
        })
      ).ok,
    ).toBe(true);
    expect((await findCaseState(db, caseId))!.status).toBe('closed');
    // A new decision on a closed case is refused; correcting the one that closed it reopens the case.
    await expect(
      recordDecision(deps, a.pm, { caseId, values: { ...base, nextStep: 'regieFollowUp' } }),
    ).rejects.toMatchObject({ details: { reason: 'caseClosed' } });
    expect(
      (
        await recordDecision(deps, a.pm, {
          caseId,
          supersedesId: await current(),
          values: { ...base, nextStep: 'regieFollowUp' },
        })
      ).ok,
    ).toBe(true);
    expect(await findCaseState(db, caseId)).toMatchObject({ status: 'accepted' });
    expect((await findCaseState(db, caseId))!.closedAt).toBeUndefined();
  });

  it('at a table with its own voorzitter the procesmanager still follows the case and decides its proposals', async () => {
    await db.conferenceTable.updateMany({ data: { chairMemberId: a.municipality.memberId } });
    const { caseId } = await decidedCase({}, undefined, a.municipality);
    const proposed = await propose(deps, a.youthCareContact, caseId, { kind: 'shadowList' });
    if (!proposed.ok) throw new Error(JSON.stringify(proposed));
    const proposalId = (proposed.notifications[0] as { proposalId: string }).proposalId;
    expect((await caseOverview(deps, a.pm, caseId)).openProposal?.id).toBe(proposalId);
    expect((await decideProposal(deps, a.pm, proposalId, true)).decided).toBe(true);
    expect((await findCaseState(db, caseId))!.status).toBe('shadowList');
    expect((await shadowListFor(deps, a.pm)).map((c) => c.id)).toEqual([caseId]);
  });

  it('a return that finds no meeting with room tells the procesmanagers once and tries again the next day', async () => {
    const { caseId } = await decidedCase({ nextStep: 'shadowList' });
    const state = (await findCaseState(db, caseId))!;
    await db.conferenceTable.updateMany({ data: { closedAt: new Date('2027-01-01T00:00:00Z') } });
    const { jobs, background, notifier } = runner();
    clock.set(new Date(`${state.shadowReturnDate}T12:00:00Z`));
    await jobs.runDue();
    await background.settled();
    const job = await db.scheduledJob.findFirstOrThrow({ where: { kind: shadowReturnJob } });
    expect(job).toMatchObject({ state: 'pending', lastError: 'noSessionWithRoom' });
    expect(job.dueAt.getTime()).toBe(clock.now().getTime() + 24 * 3600_000);
    expect((await findCaseState(db, caseId))!.status).toBe('shadowList');
    const told = notifier.sent
      .filter((m) => JSON.stringify(m.message.card).includes('geen overleg met ruimte'))
      .map((m) => (m.to as { person: string }).person)
      .sort();
    expect(told).toEqual([a.pm.aadObjectId, a.pm2.aadObjectId, a.youthCareContact.aadObjectId].sort());
    clock.set(job.dueAt);
    await jobs.runDue();
    await background.settled();
    expect(
      notifier.sent.filter((m) => JSON.stringify(m.message.card).includes('geen overleg met ruimte')),
    ).toHaveLength(told.length);
  });
});
