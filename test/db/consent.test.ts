import { beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/audit/audit.repository.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { answerConsent, openConsent, requestConsent, withdrawConsent } from '../../src/meetings/consent.ts';
import { pendingReassessments, reassess } from '../../src/meetings/reassessment.ts';
import { recordDecision } from '../../src/decisions/record-decision.ts';
import { markTakeHome, openAction } from '../../src/actions/actions.ts';
import { addContribution, openDiscussion } from '../../src/meetings/discussion.ts';
import { sessionMinutes } from '../../src/meetings/minutes.ts';
import { closeSession, openSession } from '../../src/meetings/run-session.ts';
import { submitReferral } from '../../src/referrals/submit-referral.ts';
import { decideScreening } from '../../src/screening/decide-screening.ts';
import { consentCard } from '../../cards/consent.card.ts';
import { actionCard, discussionCard, minutesCard } from '../../cards/meeting.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { textOf } from '../support/bot.ts';
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
let itemId: string;
let contributionId: string;
const secret = 'Vader heeft een contactverbod met de moeder';

/** A case of the police and youth care, discussed and closed: the police said something, not sensitive. */
beforeEach(async () => {
  a = await seedActors(db);
  const s = await submitReferral(deps, a.police, {
    data: validReferralData([a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!]),
  });
  if (!s.ok) throw new Error('invalid');
  const d = await decideScreening(deps, a.pm, s.caseId, { decision: 'accept', tableId: (await listTables(db))[0]!.id });
  if (!d.ok) throw new Error('not accepted');
  sessionId = d.case.firstSessionId!;
  itemId = (await db.agendaItem.findFirstOrThrow({ where: { caseId: s.caseId } })).id;
  clock.set(new Date('2026-11-24T14:02:00Z'));
  await openSession(deps, a.pm, sessionId);
  await addContribution(deps, a.police, itemId, { text: secret });
  contributionId = (await db.contribution.findFirstOrThrow()).id;
});

const youthSees = async () => (await openDiscussion(deps, a.youthCareContact, itemId)).contributions.map((c) => c.text);

/** The decision of the case: youth care gets an action, and it takes the police's contribution home. */
async function decideYouthCareActionNeedingPolice() {
  const caseId = (await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).caseId;
  const decided = await recordDecision(deps, a.pm, {
    caseId,
    agendaItemId: itemId,
    values: {
      goal: 'Rust in het gezin',
      plan: 'Gezinscoach',
      directorMemberId: a.youthCareContact.memberId,
      nextStep: 'regieFollowUp',
      action1_description: 'Gezinscoach inzetten',
      action1_organisationId: a.orgs['Jeugdzorg CN']!,
      action1_dueDate: '2026-12-15',
      action1_takeHome: contributionId,
    },
  });
  return { caseId, decided };
}

describe('zeggenschap', () => {
  it('during its meeting the invited see it; afterwards another organisation sees only that it exists and whose it is', async () => {
    expect(await youthSees()).toEqual([secret]);
    await closeSession(deps, a.pm, sessionId);
    expect(await youthSees()).toEqual([]);
    const hidden = (await openDiscussion(deps, a.youthCareContact, itemId)).hiddenContributions;
    expect(hidden).toEqual([{ contributionId, organisation: 'Korps Politie CN', sensitive: false }]);
    expect(JSON.stringify(await sessionMinutes(deps, a.youthCareContact, sessionId))).not.toContain(secret);
    // Its own organisation and the chair keep it.
    expect((await openDiscussion(deps, a.policeColleague, itemId)).contributions.map((c) => c.text)).toEqual([secret]);
    expect((await openDiscussion(deps, a.pm, itemId)).contributions.map((c) => c.text)).toEqual([secret]);
  });

  it('asked, granted, withdrawn: youth care sees it from the answer until the withdrawal, at once; who and when are stored', async () => {
    await closeSession(deps, a.pm, sessionId);
    const asked = await requestConsent(deps, a.youthCareContact, contributionId);
    // The police answer: the author and the police contactpersoon are asked; nobody of youth care or elsewhere.
    expect(asked.notifications.map((n) => (n as { to: string }).to).sort()).toEqual(
      [a.police.aadObjectId, a.policeContact.aadObjectId].sort(),
    );
    expect((await requestConsent(deps, a.youthCareContact, contributionId)).notifications).toEqual([]);
    // The asking organisation does not read the content before the answer; an outsider does not find the request.
    expect((await openConsent(deps, a.youthCareContact, asked.consentId)).consent.contribution.text).toBe('');
    await expect(openConsent(deps, a.krusada, asked.consentId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(answerConsent(deps, a.youthCareContact, asked.consentId, { answer: 'yes' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await youthSees()).toEqual([]);

    expect(await answerConsent(deps, a.policeColleague, asked.consentId, { answer: 'yes' })).toEqual({
      ok: true,
      changed: true,
      notifications: [{ kind: 'consentAnswered', to: a.youthCareContact.aadObjectId, consentId: asked.consentId }],
    });
    expect((await answerConsent(deps, a.police, asked.consentId, { answer: 'no' })).ok && true).toBe(true);
    expect(await db.contributionConsent.findUniqueOrThrow({ where: { id: asked.consentId } })).toMatchObject({
      state: 'granted',
      answeredByMemberId: a.policeColleague.memberId,
      answeredAt: clock.now(),
    });
    expect(await youthSees()).toEqual([secret]);
    // Consent is for youth care, not for everyone: mental health is not invited anyway; a second invited org would still need its own.
    expect((await withdrawConsent(deps, a.police, asked.consentId)).changed).toBe(true);
    expect(await youthSees()).toEqual([]);
    expect(
      (await listAuditEvents(db, { recordType: 'contribution', recordId: contributionId })).map((e) => e.action),
    ).toEqual(['consent.requested', 'consent.granted', 'consent.withdrawn']);
  });

  it('refused, or granted with a condition; a condition must be written; asking again after a refusal opens a new request', async () => {
    await closeSession(deps, a.pm, sessionId);
    const { consentId } = await requestConsent(deps, a.youthCareContact, contributionId);
    expect(await answerConsent(deps, a.police, consentId, { answer: 'yesWithCondition' })).toEqual({
      ok: false,
      errors: { condition: 'Schrijf de voorwaarde.' },
    });
    expect((await answerConsent(deps, a.police, consentId, { answer: 'no' })).ok).toBe(true);
    expect(await youthSees()).toEqual([]);
    expect((await openDiscussion(deps, a.youthCareContact, itemId)).hiddenContributions[0]!.consent).toEqual({
      id: consentId,
      state: 'refused',
    });
    const again = await requestConsent(deps, a.youthCareContact, contributionId);
    expect(again.consentId).toBe(consentId);
    expect(again.notifications.length).toBeGreaterThan(0);
    expect(
      (
        await answerConsent(deps, a.police, consentId, {
          answer: 'yesWithCondition',
          condition: 'Alleen voor het huisbezoek',
        })
      ).ok,
    ).toBe(true);
    expect(await youthSees()).toEqual([secret]);
    expect((await openConsent(deps, a.youthCareContact, consentId)).consent).toMatchObject({
      state: 'grantedWithCondition',
      condition: 'Alleen voor het huisbezoek',
    });
  });

  it('"ja, onder voorwaarde": the condition goes with the content on the case card, the verslag and the action card; the verslag and consent cards refresh themselves, so a withdrawal takes the content off cards already open', async () => {
    const condition = 'Alleen voor het huisbezoek';
    const { caseId } = await decideYouthCareActionNeedingPolice();
    await closeSession(deps, a.pm, sessionId);
    const consentId = (await db.contributionConsent.findFirstOrThrow()).id;
    await answerConsent(deps, a.police, consentId, { answer: 'yesWithCondition', condition });
    const actionId = (await db.caseAction.findFirstOrThrow({ where: { caseId } })).id;

    const caseCard = textOf(discussionCard(await openDiscussion(deps, a.youthCareContact, itemId)));
    expect(caseCard).toContain(`${secret} · **Onder voorwaarde:** ${condition}`);
    const minutes = minutesCard(await sessionMinutes(deps, a.youthCareContact, sessionId));
    expect(textOf(minutes)).toContain(`${secret} · **Onder voorwaarde:** ${condition}`);
    expect(textOf(actionCard(await openAction(deps, a.youthCareContact, actionId)))).toContain(
      `${secret} · **Onder voorwaarde:** ${condition}`,
    );
    // The contributor's own organisation is not bound by its own condition: no note there.
    expect(textOf(discussionCard(await openDiscussion(deps, a.policeColleague, itemId)))).not.toContain(condition);

    // Both cards ask to be refreshed when looked at, through the verb that re-reads with need-to-know at that moment.
    const consent = consentCard(
      (await openConsent(deps, a.youthCareContact, consentId)).consent,
      false,
      'America/Kralendijk',
    );
    expect(minutes.refresh).toMatchObject({
      action: { type: 'Action.Execute', verb: Verb.sessionMinutes, data: { sessionId } },
    });
    expect(consent.refresh).toMatchObject({
      action: { type: 'Action.Execute', verb: Verb.consentShow, data: { consentId } },
    });
    await withdrawConsent(deps, a.police, consentId);
    // What the refresh of each card answers now.
    expect(textOf(minutesCard(await sessionMinutes(deps, a.youthCareContact, sessionId)))).not.toContain(secret);
    const refreshed = textOf(
      consentCard((await openConsent(deps, a.youthCareContact, consentId)).consent, false, 'America/Kralendijk'),
    );
    expect(refreshed).not.toContain(secret);
    expect(refreshed).toContain('Toestemming ingetrokken');
  });

  it("asking again keeps the earlier answers (who, when, answer, condition) in the consent's history, on its card", async () => {
    await closeSession(deps, a.pm, sessionId);
    const { consentId } = await requestConsent(deps, a.youthCareContact, contributionId);
    clock.set(new Date('2026-11-25T10:00:00Z'));
    await answerConsent(deps, a.police, consentId, { answer: 'yesWithCondition', condition: 'Alleen voor de school' });
    clock.set(new Date('2026-11-26T10:00:00Z'));
    await withdrawConsent(deps, a.policeColleague, consentId);
    clock.set(new Date('2026-11-27T10:00:00Z'));
    await requestConsent(deps, a.youthCareContact, contributionId);
    clock.set(new Date('2026-11-28T10:00:00Z'));
    await answerConsent(deps, a.policeColleague, consentId, { answer: 'no' });

    const history = await db.consentAnswer.findMany({ where: { consentId }, orderBy: { at: 'asc' } });
    expect(history.map((h) => [h.state, h.condition, h.memberId])).toEqual([
      ['requested', null, a.youthCareContact.memberId],
      ['grantedWithCondition', 'Alleen voor de school', a.police.memberId],
      ['withdrawn', null, a.policeColleague.memberId],
      ['requested', null, a.youthCareContact.memberId],
      ['refused', null, a.policeColleague.memberId],
    ]);
    const { consent } = await openConsent(deps, a.police, consentId);
    const youthName = (await db.member.findUniqueOrThrow({ where: { id: a.youthCareContact.memberId } })).displayName;
    expect(consent.history.map((h) => [h.state, h.by])).toEqual([
      ['requested', youthName],
      ['grantedWithCondition', 'Ruben Croes'],
      ['withdrawn', 'Collega Politie'],
      ['requested', youthName],
    ]);
    const text = textOf(consentCard(consent, true, 'America/Kralendijk'));
    expect(text).toContain('Geen toestemming · Collega Politie');
    expect(text).toMatch(
      /Eerder: .*toestemming onder voorwaarde \(voorwaarde: Alleen voor de school\) · Ruben Croes, 25 november 2026/,
    );
  });

  it('a sensitive contribution stays hidden outside its organisation and the chair, also during the meeting, unless consent is given', async () => {
    await addContribution(deps, a.police, itemId, { text: 'Lopend strafrechtelijk onderzoek', sensitive: 'true' });
    const sensitiveId = (await db.contribution.findFirstOrThrow({ where: { sensitive: true } })).id;
    expect(await youthSees()).toEqual([secret]);
    const { consentId } = await requestConsent(deps, a.youthCareContact, sensitiveId);
    await answerConsent(deps, a.police, consentId, { answer: 'yes' });
    expect(await youthSees()).toEqual([secret, 'Lopend strafrechtelijk onderzoek']);
    await expect(requestConsent(deps, a.police, sensitiveId)).rejects.toMatchObject({
      details: { reason: 'ownContribution' },
    });
    await expect(requestConsent(deps, a.krusada, sensitiveId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a change of goal', () => {
  it('re-assesses every earlier contribution: hidden from others (consent or not) until its organisation keeps it; a withdrawn one stays hidden', async () => {
    const caseId = (await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).caseId;
    const values = (goal: string) => ({
      goal,
      plan: 'Plan',
      directorMemberId: a.youthCareContact.memberId,
      nextStep: 'regieFollowUp',
    });
    expect(
      (await recordDecision(deps, a.pm, { caseId, agendaItemId: itemId, values: values('Huisuitzetting voorkomen') }))
        .ok,
    ).toBe(true);
    await closeSession(deps, a.pm, sessionId);
    const { consentId } = await requestConsent(deps, a.youthCareContact, contributionId);
    await answerConsent(deps, a.police, consentId, { answer: 'yes' });
    expect(await youthSees()).toEqual([secret]);
    expect(await pendingReassessments(deps, a.pm)).toEqual({ all: true, items: [] });

    // The same goal again changes nothing; another goal starts the re-assessment.
    const current = async () => (await db.decision.findFirstOrThrow({ where: { caseId, supersededBy: null } })).id;
    const same = await recordDecision(deps, a.pm, {
      caseId,
      supersedesId: await current(),
      values: { ...values('Huisuitzetting voorkomen'), correctionReason: 'Plan bijgesteld' },
    });
    expect(same.ok && same.notifications.filter((n) => n.kind === 'reassessmentRequested')).toEqual([]);
    const changed = await recordDecision(deps, a.pm, {
      caseId,
      supersedesId: await current(),
      values: { ...values('Veilig thuis voor de kinderen'), correctionReason: 'Nieuw doel' },
    });
    if (!changed.ok) throw new Error('not decided');
    expect(
      changed.notifications.filter((n) => n.kind === 'reassessmentRequested').map((n) => (n as { to: string }).to),
    ).toEqual([a.policeContact.aadObjectId]);
    expect(await youthSees()).toEqual([]);
    // Nor through the consent card: the granted consent does not get round the re-assessment.
    expect((await openConsent(deps, a.youthCareContact, consentId)).consent.contribution.text).toBe('');
    // And no card says "gegeven" for the content it no longer shows.
    const consentText = textOf(
      consentCard((await openConsent(deps, a.youthCareContact, consentId)).consent, false, 'America/Kralendijk'),
    );
    expect(consentText).not.toContain('Toestemming gegeven');
    expect(consentText).toContain('beoordeelt opnieuw');
    const caseText = textOf(discussionCard(await openDiscussion(deps, a.youthCareContact, itemId)));
    expect(caseText).not.toContain('toestemming gegeven');
    expect(caseText).toContain('doel gewijzigd');
    expect((await openDiscussion(deps, a.policeColleague, itemId)).contributions.map((c) => c.text)).toEqual([secret]);
    const overview = await pendingReassessments(deps, a.pm);
    expect(overview.items.map((i) => [i.organisation.name, i.text])).toEqual([['Korps Politie CN', '']]);
    expect((await pendingReassessments(deps, a.youthCareContact)).items).toEqual([]);
    await expect(reassess(deps, a.youthCareContact, contributionId, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(await reassess(deps, a.police, contributionId, true)).toEqual({ changed: true });
    expect(await reassess(deps, a.policeColleague, contributionId, false)).toEqual({ changed: false });
    expect(await youthSees()).toEqual([secret]);

    // Another new goal; this time the police withdraw it.
    await recordDecision(deps, a.pm, {
      caseId,
      supersedesId: await current(),
      values: { ...values('Zelfstandig wonen'), correctionReason: 'Weer een nieuw doel' },
    });
    expect(await reassess(deps, a.police, contributionId, false)).toEqual({ changed: true });
    expect(await youthSees()).toEqual([]);
    expect((await openDiscussion(deps, a.pm, itemId)).contributions.map((c) => c.text)).toEqual([secret]);
    expect(
      (await listAuditEvents(db, { recordType: 'contribution', recordId: contributionId })).map((e) => e.action),
    ).toContain('reassessment.withdrawn');
    // Each start of a re-assessment is a system event in the case's logbook (the same goal again started none).
    expect(
      (await listAuditEvents(db, { caseId }))
        .filter((e) => e.action === 'reassessment.started')
        .map((e) => [e.actorAadObjectId, e.purpose]),
    ).toEqual([
      [null, 'toestemming'],
      [null, 'toestemming'],
    ]);
  });
});

describe('mee naar huis', () => {
  it("the chair marks what an action's organisation needs: consent is asked on its behalf, and its action card shows the content only once granted", async () => {
    // At the decision: youth care's action needs the police's contribution.
    const { caseId, decided } = await decideYouthCareActionNeedingPolice();
    if (!decided.ok) throw new Error(JSON.stringify(decided));
    expect(
      decided.notifications
        .filter((n) => n.kind === 'consentRequested')
        .map((n) => (n as { to: string }).to)
        .sort(),
    ).toEqual([a.police.aadObjectId, a.policeContact.aadObjectId].sort());
    await closeSession(deps, a.pm, sessionId);
    const actionId = (await db.caseAction.findFirstOrThrow({ where: { caseId } })).id;
    const before = await openAction(deps, a.youthCareContact, actionId);
    expect(before.takeHome).toEqual([{ contributionId, organisation: 'Korps Politie CN', consent: 'requested' }]);
    const consentId = (await db.contributionConsent.findFirstOrThrow()).id;
    await answerConsent(deps, a.police, consentId, { answer: 'yes' });
    expect((await openAction(deps, a.youthCareContact, actionId)).takeHome).toEqual([
      { contributionId, organisation: 'Korps Politie CN', text: secret, consent: 'granted' },
    ]);
  });

  it('after the decision only the chair, the regisseur or the procesmanager marks; the outsider finds nothing', async () => {
    const caseId = (await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).caseId;
    await recordDecision(deps, a.pm, {
      caseId,
      agendaItemId: itemId,
      values: {
        goal: 'Rust',
        plan: 'Plan',
        directorMemberId: a.youthCareContact.memberId,
        nextStep: 'regieFollowUp',
        action1_description: 'Huisbezoek',
        action1_organisationId: a.orgs['Jeugdzorg CN']!,
        action1_dueDate: '2026-12-15',
      },
    });
    const actionId = (await db.caseAction.findFirstOrThrow({ where: { caseId } })).id;
    await expect(markTakeHome(deps, a.police, actionId, [contributionId])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(markTakeHome(deps, a.krusada, actionId, [contributionId])).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const marked = await markTakeHome(deps, a.youthCareContact, actionId, [contributionId, 'not-a-contribution']);
    expect(marked.changed).toBe(true);
    expect(marked.view.takeHome.map((t) => t.contributionId)).toEqual([contributionId]);
    expect(marked.notifications.length).toBeGreaterThan(0);
  });
});
