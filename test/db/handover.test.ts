import { beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/audit/audit.repository.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { recordDecision } from '../../src/decisions/record-decision.ts';
import {
  answerHandover,
  completeHandover,
  handoverFormFor,
  openHandover,
  readHandover,
  startHandover,
} from '../../src/lifecycle/handover.ts';
import { addContribution } from '../../src/meetings/discussion.ts';
import { closeSession, openSession } from '../../src/meetings/run-session.ts';
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
let caseId: string;
const ids: Record<string, string> = {};

/** A discussed case: the police said something and something sensitive, youth care said something; youth care directs it. */
beforeEach(async () => {
  a = await seedActors(db);
  const s = await submitReferral(deps, a.police, {
    data: validReferralData([a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!]),
  });
  if (!s.ok) throw new Error('invalid');
  const d = await decideScreening(deps, a.pm, s.caseId, { decision: 'accept', tableId: (await listTables(db))[0]!.id });
  if (!d.ok) throw new Error('not accepted');
  caseId = s.caseId;
  const itemId = (await db.agendaItem.findFirstOrThrow({ where: { caseId } })).id;
  clock.set(new Date('2026-11-24T14:02:00Z'));
  await openSession(deps, a.pm, d.case.firstSessionId!);
  await addContribution(deps, a.police, itemId, { text: 'Politie: drie meldingen' });
  await addContribution(deps, a.police, itemId, { text: 'Politie: lopend onderzoek', sensitive: 'true' });
  await addContribution(deps, a.youthCareContact, itemId, { text: 'Jeugdzorg: gezinscoach loopt' });
  for (const c of await db.contribution.findMany()) ids[c.text] = c.id;
  await recordDecision(deps, a.pm, {
    caseId,
    agendaItemId: itemId,
    values: { goal: 'Rust', plan: 'Plan', directorMemberId: a.youthCareContact.memberId, nextStep: 'regieFollowUp' },
  });
  await closeSession(deps, a.pm, d.case.firstSessionId!);
});

const checklist = (extra: Record<string, string> = {}) => ({
  target: 'external',
  externalName: 'Veiligheidshuis Fryslân',
  necessity: 'Het gezin verhuist naar Friesland',
  purpose: 'Aanpak daar voortzetten',
  registeringOrganisationId: a.orgs['Jeugdzorg CN']!,
  informerMemberId: a.youthCareContact.memberId,
  [`item_${ids['Politie: drie meldingen']}`]: 'include',
  [`item_${ids['Politie: lopend onderzoek']}`]: 'keepBack',
  [`item_${ids['Jeugdzorg: gezinscoach loopt']}`]: 'include',
  ...extra,
});

describe('handover to another table', () => {
  it('the checklist is checked; only the regisseur or the procesmanager prepares it; an outsider does not find the case', async () => {
    await expect(handoverFormFor(deps, a.krusada, caseId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(handoverFormFor(deps, a.police, caseId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const form = await handoverFormFor(deps, a.youthCareContact, caseId);
    // The regisseur of youth care may not read the police's contributions outside the meeting: only whose they are.
    expect(form.contributions.map((c) => [c.organisation, c.text])).toEqual([
      ['Korps Politie CN', undefined],
      ['Korps Politie CN', undefined],
      ['Jeugdzorg CN', 'Jeugdzorg: gezinscoach loopt'],
    ]);
    expect(
      await startHandover(
        deps,
        a.youthCareContact,
        caseId,
        checklist({ necessity: '', externalName: '', registeringOrganisationId: a.orgs['Krusada']! }),
      ),
    ).toEqual({
      ok: false,
      errors: {
        necessity: 'Leg uit waarom overdracht nodig is.',
        externalName: 'Schrijf de naam van het gremium.',
        registeringOrganisationId: 'Kies een betrokken partner.',
      },
    });
  });

  it("what goes along needs its contributor's consent; the receiving partner gets exactly what was agreed, and the log shows it", async () => {
    const started = await startHandover(deps, a.youthCareContact, caseId, checklist());
    if (!started.ok) throw new Error(JSON.stringify(started));
    // The police are asked for their one contribution that would go along; youth care's own needs no consent.
    expect(started.notifications.map((n) => (n as { to: string }).to)).toEqual([a.policeContact.aadObjectId]);
    // The regisseur who prepared it reads only what the one rule lets youth care read: not the police's text.
    expect(
      (await openHandover(deps, a.youthCareContact, started.handoverId)).handover.items.map((i) => i.text),
    ).toEqual(['', '', 'Jeugdzorg: gezinscoach loopt']);
    const police = await openHandover(deps, a.police, started.handoverId);
    expect(police.role).toBe('contributor');
    expect(police.handover.items.map((i) => i.text)).toEqual(['Politie: drie meldingen']);
    await expect(openHandover(deps, a.krusada, started.handoverId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      answerHandover(deps, a.youthCareContact, started.handoverId, ids['Politie: drie meldingen']!, true),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(completeHandover(deps, a.youthCareContact, started.handoverId)).rejects.toMatchObject({
      details: { reason: 'consentPending' },
    });
    // Before completion the receiving partner (youth care members other than the one who prepared it) reads nothing.
    expect(
      (await answerHandover(deps, a.police, started.handoverId, ids['Politie: drie meldingen']!, true)).changed,
    ).toBe(true);

    const completed = await completeHandover(deps, a.youthCareContact, started.handoverId);
    expect(completed.completed).toBe(true);
    expect(completed.notifications).toEqual([]); // youth care's only member prepared it
    const received = await readHandover(deps, a.pm, started.handoverId);
    expect(received.role).toBe('manager');
    const receiver = await openHandover(deps, { ...a.youthCareContact, memberId: 'someone-else' }, started.handoverId);
    expect(receiver.role).toBe('receiver');
    expect(receiver.handover.items.map((i) => [i.organisation.name, i.choice, i.text])).toEqual([
      ['Korps Politie CN', 'include', 'Politie: drie meldingen'],
      ['Jeugdzorg CN', 'include', 'Jeugdzorg: gezinscoach loopt'],
    ]);
    expect(JSON.stringify(receiver.handover)).not.toContain('lopend onderzoek');
    expect((await listAuditEvents(db, { caseId })).map((e) => e.action)).toEqual(
      expect.arrayContaining(['handover.started', 'handover.itemGranted', 'handover.completed', 'handover.viewed']),
    );
  });

  it('a refusal, or "contact the contributor directly", reaches the receiving side as a pointer without the content', async () => {
    const started = await startHandover(
      deps,
      a.pm,
      caseId,
      checklist({ [`item_${ids['Politie: lopend onderzoek']}`]: 'contactDirectly' }),
    );
    if (!started.ok) throw new Error('refused');
    await answerHandover(deps, a.policeColleague, started.handoverId, ids['Politie: drie meldingen']!, false);
    expect(
      (await completeHandover(deps, a.pm, started.handoverId)).notifications.map((n) => (n as { to: string }).to),
    ).toEqual([a.youthCareContact.aadObjectId]);
    const receiver = await openHandover(deps, a.youthCareContact, started.handoverId);
    expect(receiver.role).toBe('receiver');
    expect(receiver.handover.items.map((i) => [i.organisation.name, i.choice, i.text])).toEqual([
      ['Korps Politie CN', 'contactDirectly', ''],
      ['Korps Politie CN', 'contactDirectly', ''],
      ['Jeugdzorg CN', 'include', 'Jeugdzorg: gezinscoach loopt'],
    ]);
    expect(JSON.stringify(receiver.handover)).not.toMatch(/drie meldingen|lopend onderzoek/);
  });
});
