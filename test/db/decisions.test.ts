import { beforeEach, describe, expect, it } from 'vitest';
import {
  claimAction,
  closeActionNotDone,
  completeAction,
  handBackAction,
  myActions,
  openAction,
  reassignAction,
} from '../../src/actions/actions.ts';
import { listAuditEvents } from '../../src/audit/audit.repository.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { listDecisions, findCurrentDecision } from '../../src/decisions/decision.repository.ts';
import { recordDecision } from '../../src/decisions/record-decision.ts';
import { identifyActor } from '../../src/members/identify-actor.ts';
import { upsertMember } from '../../src/members/member.repository.ts';
import { submitReferral } from '../../src/referrals/submit-referral.ts';
import { decideScreening } from '../../src/screening/decide-screening.ts';
import { seedActors, type Actors } from '../support/actors.ts';
import { useDatabase } from '../support/database.ts';
import { FixedClock, RecordingNotifier } from '../support/fakes.ts';
import { capturingLogger } from '../support/logs.ts';
import { composeForTest } from '../support/compose.ts';
import { publicAgenda } from '../../src/conferences/agenda.ts';
import { validReferralData } from '../support/referral.ts';
import { openDiscussion } from '../../src/meetings/discussion.ts';
import { sessionMinutes } from '../../src/meetings/minutes.ts';
import { discussionCard, minutesCard } from '../../cards/meeting.card.ts';
import { textOf } from '../support/bot.ts';

const db = useDatabase();
const clock = new FixedClock(new Date('2026-11-24T15:00:00Z')); // during the meeting of Tuesday 24 November, Bonaire
/** The use cases' dependencies, with INFORM_WITHIN_DAYS at its default. */
const deps = { db, clock, informWithinDays: 14, figuresTimeZone: 'America/Kralendijk' };
let a: Actors;
let caseId: string;
let agendaItemId: string;

beforeEach(async () => {
  clock.set(new Date('2026-11-20T09:00:00Z'));
  a = await seedActors(db);
  const submitted = await submitReferral(deps, a.police, {
    data: validReferralData([a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!]),
  });
  if (!submitted.ok) throw new Error('invalid');
  const accepted = await decideScreening(deps, a.pm, submitted.caseId, {
    decision: 'accept',
    tableId: (await listTables(db))[0]!.id,
  });
  if (!accepted.ok) throw new Error('not accepted');
  caseId = submitted.caseId;
  agendaItemId = (await db.agendaItem.findFirstOrThrow({ where: { caseId } })).id;
  clock.set(new Date('2026-11-24T15:00:00Z'));
});

const decision = (overrides: Record<string, string> = {}) => ({
  goal: 'Huisuitzetting voorkomen en rust in het gezin',
  plan: 'Schuldhulp via de gemeente, gezinscoach via jeugdzorg, politie houdt contact',
  directorMemberId: a.youthCareContact.memberId,
  nextStep: 'regieFollowUp',
  action1_description: 'Huisbezoek afleggen',
  action1_organisationId: a.orgs['Korps Politie CN']!,
  action1_dueDate: '2026-12-01',
  ...overrides,
});

describe('besluiten', () => {
  it('the chair records goal, plan, regisseur and actions; the owning organisation hears of its action, nobody else', async () => {
    expect(
      await recordDecision(deps, a.pm, { caseId, agendaItemId, values: decision({ attendance: a.orgs['Krusada']! }) }),
    ).toEqual({
      ok: false,
      errors: { attendance: 'Kies alleen organisaties die voor deze casus zijn uitgenodigd.' },
    });
    const result = await recordDecision(deps, a.pm, {
      caseId,
      agendaItemId,
      values: decision({ attendance: `${a.orgs['Korps Politie CN']},${a.orgs['Jeugdzorg CN']}` }),
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(
      (await db.attendance.findMany({ where: { agendaItemId }, select: { organisationId: true } }))
        .map((x) => x.organisationId)
        .sort(),
    ).toEqual([a.orgs['Korps Politie CN'], a.orgs['Jeugdzorg CN']].sort());
    const [stored] = await listDecisions(db, caseId);
    expect(stored).toMatchObject({
      goal: 'Huisuitzetting voorkomen en rust in het gezin',
      director: { name: 'Marco Rosaria' },
      nextStep: 'regieFollowUp',
      decidedBy: { name: 'Ingrid Martina' },
    });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: agendaItemId } })).state).toBe('decided');
    const told = result.notifications
      .filter((n) => n.kind === 'actionAssigned')
      .map((n) => 'to' in n && n.to)
      .sort();
    expect(told).toEqual([a.police.aadObjectId, a.policeColleague.aadObjectId, a.policeContact.aadObjectId].sort());
    expect((await listAuditEvents(db, { recordId: caseId })).map((e) => e.action)).toContain('decision.recorded');
  });

  it('bad values come back at their field; a regisseur or an action owner from an uninvolved organisation is refused', async () => {
    const result = await recordDecision(deps, a.pm, {
      caseId,
      values: decision({
        goal: '',
        directorMemberId: a.krusada.memberId,
        nextStep: 'backOnAgenda',
        action1_organisationId: a.orgs['Krusada']!,
        action1_dueDate: '2026-11-01',
      }),
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        goal: 'Beschrijf het doel dat is afgesproken.',
        action1_organisationId: 'Kies een organisatie die bij de casus betrokken is.',
        action1_dueDate: 'De datum ligt in het verleden.',
      },
    });
    const second = await recordDecision(deps, a.pm, {
      caseId,
      values: decision({ directorMemberId: a.krusada.memberId, nextStep: 'backOnAgenda' }),
    });
    expect(second).toEqual({
      ok: false,
      errors: {
        directorMemberId: 'Kies een casusregisseur van een betrokken organisatie.',
        nextDate: 'Schrijf de datum waarop de casus terugkomt als dd-mm-jjjj.',
      },
    });
    expect(await listDecisions(db, caseId)).toEqual([]);
  });

  it('only the chair (or the procesmanager) decides; an uninvolved participant does not even find the case', async () => {
    await expect(recordDecision(deps, a.police, { caseId, values: decision() })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(recordDecision(deps, a.krusada, { caseId, values: decision() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('a correction supersedes the decision with who and why; both stay visible; of two corrections at once one counts', async () => {
    const first = await recordDecision(deps, a.pm, { caseId, values: decision() });
    if (!first.ok) throw new Error('not recorded');
    expect(
      await recordDecision(deps, a.pm, {
        caseId,
        supersedesId: first.decisionId,
        values: decision({ goal: 'Nieuw doel' }),
      }),
    ).toEqual({
      ok: false,
      errors: { correctionReason: 'Schrijf waarom het besluit wordt gecorrigeerd.' },
    });
    const [one, two] = await Promise.all([
      recordDecision(deps, a.pm, {
        caseId,
        supersedesId: first.decisionId,
        values: decision({ goal: 'Nieuw doel A', correctionReason: 'Regisseur verkeerd' }),
      }),
      recordDecision(deps, a.pm2, {
        caseId,
        supersedesId: first.decisionId,
        values: decision({ goal: 'Nieuw doel B', correctionReason: 'Datum verkeerd' }),
      }),
    ]);
    expect([one, two].filter((r) => r.ok)).toHaveLength(1);
    expect([one, two].filter((r) => !r.ok)).toEqual([{ ok: false, superseded: true }]);
    const all = await listDecisions(db, caseId);
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({ goal: 'Huisuitzetting voorkomen en rust in het gezin', supersededById: all[1]!.id });
    expect(all[1]).toMatchObject({ supersedesId: all[0]!.id });
    expect((await findCurrentDecision(db, caseId))?.id).toBe(all[1]!.id);
    // The corrected decision's unfinished action stopped; the correction's own action counts.
    const actions = await db.caseAction.findMany({
      orderBy: { createdAt: 'asc' },
      select: { decisionId: true, state: true },
    });
    expect(actions).toEqual([
      { decisionId: all[0]!.id, state: 'cancelled' },
      { decisionId: all[1]!.id, state: 'open' },
    ]);
  });

  it('a second new decision on the same agenda item (two open cards) does not stand beside the first; a repeated card adds nothing', async () => {
    const submissionId = '6f1c1c1e-1111-4111-8111-111111111111';
    const first = await recordDecision(deps, a.pm, { caseId, agendaItemId, values: decision(), submissionId });
    expect(first.ok).toBe(true);
    expect(await recordDecision(deps, a.pm, { caseId, agendaItemId, values: decision(), submissionId })).toEqual({
      ok: true,
      decisionId: first.ok && first.decisionId,
      notifications: [],
    });
    expect(
      await recordDecision(deps, a.pm2, { caseId, agendaItemId, values: decision({ goal: 'Ander doel' }) }),
    ).toEqual({ ok: false, superseded: true });
    expect(await listDecisions(db, caseId)).toHaveLength(1);
    expect(await db.caseAction.count()).toBe(1);
  });

  it('"back on the agenda" on a date books the case on the first meeting from that date, as a returning case', async () => {
    const result = await recordDecision(deps, a.pm, {
      caseId,
      values: decision({ nextStep: 'backOnAgenda', nextDate: '2026-12-20' }),
    });
    expect(result.ok).toBe(true);
    const items = await db.agendaItem.findMany({
      where: { caseId },
      include: { session: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(items.map((i) => [i.reason, i.session.startsAt.toISOString()])).toEqual([
      ['newCase', '2026-11-24T14:00:00.000Z'],
      ['backOnAgenda', '2026-12-22T14:00:00.000Z'],
    ]);
  });
});

/**
 * The bot's job runner, as the scheduler runs it. What the use cases before it told (queued in the outbox) is set
 * aside: these tests look at what the jobs send.
 */
async function jobs() {
  await db.outboxMessage.deleteMany();
  const logs = capturingLogger();
  const notifier = new RecordingNotifier();
  const { jobs: runner, background } = composeForTest(db, { clock, log: logs.log, notifier });
  return {
    notifier,
    run: async () => {
      await runner.runDue();
      await background.settled();
    },
  };
}

describe('reminders and carrying forward', () => {
  it('the claimant gets one reminder the day before and one the day after while open; a done action none; the case returns as overdue', async () => {
    const result = await recordDecision(deps, a.pm, { caseId, values: decision() });
    if (!result.ok) throw new Error('not recorded');
    const actionId = (await db.caseAction.findFirstOrThrow({ where: { caseId } })).id;
    const scheduled = await db.scheduledJob.findMany({ where: { subjectId: actionId }, orderBy: { dueAt: 'asc' } });
    expect(scheduled.map((j) => [j.kind, j.dueAt.toISOString()])).toEqual([
      ['action.remindBefore', '2026-11-30T13:00:00.000Z'], // 09:00 in Bonaire
      ['action.remindAfter', '2026-12-02T13:00:00.000Z'],
    ]);
    await claimAction(deps, a.police, actionId);
    const { notifier, run } = await jobs();
    clock.set(new Date('2026-11-30T13:00:00Z'));
    await run();
    await run();
    expect(notifier.to(a.police.aadObjectId).map((m) => JSON.stringify(m.card))).toEqual([
      expect.stringContaining('deze actie moet morgen klaar zijn'),
    ]);
    expect(notifier.to(a.policeColleague.aadObjectId)).toHaveLength(0);
    clock.set(new Date('2026-12-02T13:00:00Z'));
    await run();
    expect(notifier.to(a.police.aadObjectId)).toHaveLength(2);
    expect(JSON.stringify(notifier.to(a.police.aadObjectId)[1]!.card)).toContain('had gisteren klaar moeten zijn');

    // The next meeting (8 December) gets the case with its overdue action on the agenda when published.
    const next = await db.conferenceSession.findFirstOrThrow({ where: { startsAt: new Date('2026-12-08T14:00:00Z') } });
    await db.conversationRef.create({ data: { conversationId: 'channel-1', kind: 'channel', reference: {} } });
    await db.conferenceTable.updateMany({ data: { channelConversationId: 'channel-1' } });
    clock.set(new Date('2026-12-07T14:00:00Z'));
    await run();
    expect((await publicAgenda(db, next.id)).items.map((i) => i.reason)).toEqual(['overdueActions']);
  });

  it('a done action gets no reminder', async () => {
    const result = await recordDecision(deps, a.pm, { caseId, values: decision() });
    if (!result.ok) throw new Error('not recorded');
    const actionId = (await db.caseAction.findFirstOrThrow({ where: { caseId } })).id;
    await claimAction(deps, a.police, actionId);
    await completeAction(deps, a.police, actionId, { result: 'Gedaan' });
    const { notifier, run } = await jobs();
    clock.set(new Date('2026-12-02T13:00:00Z'));
    await run();
    expect(notifier.sent.filter((s) => JSON.stringify(s.message).includes('Huisbezoek'))).toEqual([]);
  });
});

describe('acties', () => {
  async function oneAction() {
    const result = await recordDecision(deps, a.pm, { caseId, values: decision() });
    if (!result.ok) throw new Error('not recorded');
    return (await db.caseAction.findFirstOrThrow({ where: { caseId } })).id;
  }

  it('200 claims at once from the owning organisation: exactly one wins, the others see who has it, nobody gets an error', async () => {
    const actionId = await oneAction();
    const colleagues = [a.police, a.policeColleague, a.policeContact];
    for (let i = 0; i < 17; i++) {
      await upsertMember(db, {
        aadObjectId: `aad-agent-${i}`,
        displayName: `Agent ${i}`,
        organisationId: a.orgs['Korps Politie CN']!,
        role: 'participant',
      });
      colleagues.push((await identifyActor(db, { aadObjectId: `aad-agent-${i}` }))!);
    }
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => claimAction(deps, colleagues[i % colleagues.length]!, actionId)),
    );
    const winners = results.filter((r) => r.changed);
    expect(winners).toHaveLength(1);
    const holder = winners[0]!.view.action.claimedBy!.name;
    expect(new Set(results.map((r) => r.view.action.claimedBy?.name))).toEqual(new Set([holder]));
    expect(
      (await listAuditEvents(db, { recordId: actionId })).filter((e) => e.action === 'action.claimed'),
    ).toHaveLength(1);
  }, 60_000);

  it('done with a result by the one who has it; a repeat changes nothing; someone else cannot finish it', async () => {
    const actionId = await oneAction();
    await claimAction(deps, a.police, actionId);
    expect(await completeAction(deps, a.policeColleague, actionId, { result: 'Gedaan' })).toMatchObject({
      changed: false,
    });
    expect(await completeAction(deps, a.police, actionId, { result: '' })).toEqual({
      errors: { result: 'Schrijf kort wat het resultaat is.' },
    });
    const done = await completeAction(deps, a.police, actionId, { result: 'Huisbezoek gedaan, gezin thuis' });
    expect(done).toMatchObject({
      changed: true,
      view: { action: { state: 'done', result: 'Huisbezoek gedaan, gezin thuis' } },
    });
    expect(await completeAction(deps, a.police, actionId, { result: 'Nog eens' })).toMatchObject({
      changed: false,
      view: { action: { result: 'Huisbezoek gedaan, gezin thuis' } },
    });
  });

  it('handed back it is open again for the organisation; the regisseur or the procesmanager reassigns, a participant may not', async () => {
    const actionId = await oneAction();
    await claimAction(deps, a.police, actionId);
    const back = await handBackAction(deps, a.police, actionId);
    expect(back.view.action.state).toBe('open');
    expect(back.notifications.map((n) => 'to' in n && n.to).sort()).toEqual(
      [a.policeColleague.aadObjectId, a.policeContact.aadObjectId].sort(),
    );
    await expect(reassignAction(deps, a.police, actionId, a.policeColleague.memberId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const byDirector = await reassignAction(deps, a.youthCareContact, actionId, a.policeColleague.memberId);
    expect(byDirector).toMatchObject({
      changed: true,
      view: { action: { state: 'claimed', claimedBy: { name: 'Collega Politie' } } },
    });
    await expect(reassignAction(deps, a.pm, actionId, a.krusada.memberId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('"mijn acties": one\'s own, the organisation\'s unclaimed ones and the overdue ones one directs; each once, nothing of others', async () => {
    const actionId = await oneAction();
    expect((await myActions(deps, a.policeColleague)).unclaimed.map((x) => x.id)).toEqual([actionId]);
    // Another organisation does not see the police's unclaimed action.
    expect((await myActions(deps, a.youthCareContact)).unclaimed).toEqual([]);
    await claimAction(deps, a.police, actionId);
    expect(await myActions(deps, a.policeColleague)).toEqual({ mine: [], unclaimed: [], overdueDirected: [] });
    expect((await myActions(deps, a.police)).mine.map((x) => [x.reference, x.dueDate])).toEqual([
      ['ZVH-2026-0001', '2026-12-01'],
    ]);
    expect(await myActions(deps, a.krusada)).toEqual({ mine: [], unclaimed: [], overdueDirected: [] });
    // Past its due date (in the table's timezone) the regisseur (youth care) sees it among the overdue actions of
    // their cases; nobody else does, not the procesmanager, who directs no case here.
    clock.set(new Date('2026-12-02T03:00:00Z')); // still 1 December on Bonaire
    expect((await myActions(deps, a.youthCareContact)).overdueDirected).toEqual([]);
    expect((await myActions(deps, a.police)).mine.map((x) => x.daysLeft)).toEqual([0]);
    clock.set(new Date('2026-12-03T12:00:00Z'));
    const directing = await myActions(deps, a.youthCareContact);
    expect(directing.overdueDirected.map((x) => [x.id, x.daysLeft])).toEqual([[actionId, -2]]);
    expect((await myActions(deps, a.police)).mine.map((x) => x.daysLeft)).toEqual([-2]);
    expect((await myActions(deps, a.police)).overdueDirected).toEqual([]);
    expect((await myActions(deps, a.policeColleague)).overdueDirected).toEqual([]);
    expect((await myActions(deps, a.pm)).overdueDirected).toEqual([]);
    await expect(openAction(deps, a.krusada, actionId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(claimAction(deps, a.krusada, actionId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(claimAction(deps, a.youthCareContact, actionId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('niet uitgevoerd: the holder closes it with a reason; the explanation is required; a double click closes once, audited once', async () => {
    const actionId = await oneAction();
    await claimAction(deps, a.police, actionId);
    expect(await closeActionNotDone(deps, a.police, actionId, { closeExplanation: 'x'.repeat(501) })).toEqual({
      errors: { closeReason: 'Kies waarom de actie niet is uitgevoerd.', closeExplanation: 'Maximaal 500 tekens.' },
    });
    expect(
      await closeActionNotDone(deps, a.police, actionId, { closeReason: 'failed', closeExplanation: ' ' }),
    ).toEqual({
      errors: { closeExplanation: 'Leg kort uit waarom de actie niet is uitgevoerd.' },
    });
    const form = { closeReason: 'failed', closeExplanation: 'Twee keer langs geweest, niemand thuis' };
    const clicks = await Promise.all([1, 2, 3].map(() => closeActionNotDone(deps, a.police, actionId, form)));
    expect(clicks.filter((c) => 'changed' in c && c.changed)).toHaveLength(1);
    for (const c of clicks)
      expect(c).toMatchObject({
        view: { action: { state: 'notDone', closeReason: 'failed', closeExplanation: form.closeExplanation } },
      });
    const stored = await db.caseAction.findUniqueOrThrow({ where: { id: actionId } });
    expect([stored.state, stored.closeReason, stored.doneAt?.toISOString()]).toEqual([
      'notDone',
      'failed',
      '2026-11-24T15:00:00.000Z',
    ]);
    const events = (await listAuditEvents(db, { recordId: actionId })).map((e) => e.action);
    expect(events.filter((e) => e === 'action.notDone')).toHaveLength(1);
    // A later click with another reason changes nothing; done is no longer possible either.
    expect(
      await closeActionNotDone(deps, a.police, actionId, { closeReason: 'skipped', closeExplanation: 'Anders' }),
    ).toMatchObject({ changed: false, view: { action: { closeReason: 'failed' }, mayCloseNotDone: false } });
    expect(await completeAction(deps, a.police, actionId, { result: 'Toch gedaan' })).toMatchObject({ changed: false });
    expect((await myActions(deps, a.police)).mine).toEqual([]);
  });

  it('niet uitgevoerd is refused to a colleague of the holder, to another organisation and to a participant on an open one; the regisseur and the procesmanager may', async () => {
    const actionId = await oneAction();
    const form = { closeReason: 'changed', closeExplanation: 'Het gezin is verhuisd' };
    // Open, nobody holds it: a member of the owning organisation may not close it, the regisseur may.
    await expect(closeActionNotDone(deps, a.police, actionId, form)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await openAction(deps, a.police, actionId)).mayCloseNotDone).toBe(false);
    await claimAction(deps, a.police, actionId);
    await expect(closeActionNotDone(deps, a.policeColleague, actionId, form)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await openAction(deps, a.policeColleague, actionId)).mayCloseNotDone).toBe(false);
    await expect(closeActionNotDone(deps, a.krusada, actionId, form)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await db.caseAction.findUniqueOrThrow({ where: { id: actionId } })).state).toBe('claimed');
    expect((await listAuditEvents(db, { recordId: actionId })).map((e) => e.action)).not.toContain('action.notDone');
    expect((await openAction(deps, a.pm, actionId)).mayCloseNotDone).toBe(true);
    const byDirector = await closeActionNotDone(deps, a.youthCareContact, actionId, form);
    expect(byDirector).toMatchObject({ changed: true, view: { action: { state: 'notDone', closeReason: 'changed' } } });
    const audit = (await listAuditEvents(db, { recordId: actionId })).find((e) => e.action === 'action.notDone');
    expect(audit).toBeDefined();
  });

  it("the next meeting of the case lists the last meeting's actions that are not done, with their reasons, on the case card and in the verslag", async () => {
    const result = await recordDecision(deps, a.pm, {
      caseId,
      agendaItemId,
      values: decision({
        nextStep: 'backOnAgenda',
        nextDate: '2026-12-20',
        action2_description: 'Gezinscoach inzetten',
        action2_organisationId: a.orgs['Jeugdzorg CN']!,
        action2_dueDate: '2026-12-05',
      }),
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const rows = await db.caseAction.findMany({ where: { caseId } });
    const visit = rows.find((r) => r.description === 'Huisbezoek afleggen')!;
    const coach = rows.find((r) => r.description === 'Gezinscoach inzetten')!;
    await claimAction(deps, a.police, visit.id);
    await closeActionNotDone(deps, a.police, visit.id, {
      closeReason: 'failed',
      closeExplanation: 'Twee keer langs geweest, niemand thuis',
    });
    clock.set(new Date('2026-12-22T14:30:00Z'));
    const next = await db.agendaItem.findFirstOrThrow({ where: { caseId, NOT: { id: agendaItemId } } });
    const view = await openDiscussion(deps, a.youthCareContact, next.id);
    expect(view.unfinishedFromLastMeeting.map((x) => [x.description, x.state, x.closeReason])).toEqual([
      ['Huisbezoek afleggen', 'notDone', 'failed'],
      ['Gezinscoach inzetten', 'open', undefined],
    ]);
    expect(textOf(discussionCard(view))).toContain(
      'niet uitgevoerd (niet gelukt): Twee keer langs geweest, niemand thuis',
    );
    // The last meeting's own card lists nothing from before it.
    expect((await openDiscussion(deps, a.youthCareContact, agendaItemId)).unfinishedFromLastMeeting).toEqual([]);
    const minutes = await sessionMinutes(deps, a.youthCareContact, next.sessionId);
    expect(minutes.items[0]!.unfinishedFromLastMeeting.map((x) => x.id)).toEqual([visit.id, coach.id]);
    expect(textOf(minutesCard(minutes))).toContain(
      'niet uitgevoerd (niet gelukt): Twee keer langs geweest, niemand thuis',
    );
  });
});
