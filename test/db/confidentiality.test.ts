import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/actor.ts';
import { refusedForConfidentiality } from '../../src/access/case-access.ts';
import { myActions, openAction } from '../../src/actions/actions.ts';
import { listAuditEvents } from '../../src/audit/audit.repository.ts';
import { listCasesFor, openCase } from '../../src/cases/view-cases.ts';
import { personalAgenda } from '../../src/conferences/agenda.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { recordDecision } from '../../src/decisions/record-decision.ts';
import { DomainError } from '../../src/errors.ts';
import { caseByReference } from '../../src/lifecycle/regie.ts';
import { openDiscussion } from '../../src/meetings/discussion.ts';
import { sessionMinutes } from '../../src/meetings/minutes.ts';
import { acceptStatement, saveStatement, statementFor, unsignedInvited } from '../../src/members/confidentiality.ts';
import { identifyActor } from '../../src/members/identify-actor.ts';
import { submitReferral } from '../../src/referrals/submit-referral.ts';
import { decideScreening } from '../../src/screening/decide-screening.ts';
import { seedActors, type Actors } from '../support/actors.ts';
import { useDatabase } from '../support/database.ts';
import { FixedClock } from '../support/fakes.ts';
import { validReferralData } from '../support/referral.ts';

const db = useDatabase();
const clock = new FixedClock(new Date('2026-11-20T09:00:00Z'));
const deps = { db, clock, informWithinDays: 14, figuresTimeZone: 'America/Kralendijk' };
let a: Actors;
let c: { caseId: string; reference: string; agendaItemId: string; sessionId: string; actionId: string };

/** The police colleague (an invited organisation) made an incidentele deelnemer; as the next turn identifies them. */
const occasional = async (): Promise<Actor> => {
  await db.member.update({ where: { aadObjectId: 'aad-police-2' }, data: { occasional: true } });
  return (await identifyActor(db, { aadObjectId: 'aad-police-2' }))!;
};
const again = async (actor: Actor): Promise<Actor> => (await identifyActor(db, { aadObjectId: actor.aadObjectId }))!;

/** What the use case threw, or undefined when it answered. */
async function refusal(attempt: Promise<unknown>): Promise<DomainError | undefined> {
  try {
    await attempt;
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

/** Every verb that shows case content, for one person: what each refused (by name), or [] when all answered. */
async function refusedVerbs(actor: Actor): Promise<string[]> {
  const attempts: Record<string, () => Promise<unknown>> = {
    caseCard: () => openCase(db, actor, c.caseId, 'casusoverleg'),
    regieCaseCard: () => caseByReference(deps, actor, c.reference),
    beeldvorming: () => openDiscussion(deps, actor, c.agendaItemId),
    actionCard: () => openAction(deps, actor, c.actionId),
  };
  const refused: string[] = [];
  for (const [name, attempt] of Object.entries(attempts)) {
    const error = await refusal(attempt());
    if (error) {
      // The refusal is the one the bot answers with the statement to accept, exactly when content is withheld.
      expect(refusedForConfidentiality(actor, error), name).toBe(actor.confidentialityPending === true);
      refused.push(name);
    }
  }
  return refused;
}

const allContentVerbs = ['caseCard', 'regieCaseCard', 'beeldvorming', 'actionCard'];

async function saved(text: string) {
  const result = await saveStatement(deps, a.pm, { text });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.statement;
}

beforeEach(async () => {
  a = await seedActors(db);
  clock.set(new Date('2026-11-20T09:00:00Z'));
  const submitted = await submitReferral(deps, a.police, {
    data: validReferralData([a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!]),
  });
  if (!submitted.ok) throw new Error('invalid');
  await decideScreening(deps, a.pm, submitted.caseId, { decision: 'accept', tableId: (await listTables(db))[0]!.id });
  const item = await db.agendaItem.findFirstOrThrow({
    where: { caseId: submitted.caseId },
    include: { session: true },
  });
  clock.set(new Date(item.session.startsAt.getTime() + 60_000));
  const decided = await recordDecision(deps, a.pm, {
    caseId: submitted.caseId,
    agendaItemId: item.id,
    values: {
      goal: 'Huisuitzetting voorkomen',
      plan: 'Schuldhulp en gezinscoach',
      directorMemberId: a.youthCareContact.memberId,
      nextStep: 'regieFollowUp',
      action1_description: 'Huisbezoek afleggen',
      action1_organisationId: a.orgs['Korps Politie CN']!,
      action1_dueDate: '2026-12-30',
    },
  });
  if (!decided.ok) throw new Error(JSON.stringify(decided));
  const action = await db.caseAction.findFirstOrThrow({ where: { caseId: submitted.caseId } });
  c = {
    caseId: submitted.caseId,
    reference: (await db.case.findUniqueOrThrow({ where: { id: submitted.caseId } })).reference!,
    agendaItemId: item.id,
    sessionId: item.sessionId,
    actionId: action.id,
  };
});

describe('the geheimhoudingsverklaring, from the side of the incidentele deelnemer', () => {
  it('before any statement exists, an incidentele deelnemer gets references only, in every verb that shows content', async () => {
    const guest = await occasional();
    expect(guest.confidentialityPending).toBe(true);
    expect(await refusedVerbs(guest)).toEqual(allContentVerbs);
    // References only: the case list still names the case, nothing more.
    expect((await listCasesFor(db, guest)).cases.map((x) => x.reference)).toEqual([c.reference]);
    // The verslag holds no case; the agenda no glance at one; mijn acties lists no action (their organisation's included).
    expect((await sessionMinutes(deps, guest, c.sessionId)).items).toEqual([]);
    const agenda = await personalAgenda(deps, guest, c.sessionId);
    expect(agenda.visibleCount).toBe(0);
    expect(agenda.items.every((i) => i.glance === undefined)).toBe(true);
    expect(await myActions(deps, guest)).toEqual({ mine: [], unclaimed: [], overdueDirected: [] });
    // Nothing of the case was logged as seen by them.
    const seen = (await listAuditEvents(db, { caseId: c.caseId })).filter(
      (e) => e.actorAadObjectId === guest.aadObjectId && e.outcome !== 'refused',
    );
    expect(seen).toEqual([]);
  });

  it('having accepted an older version only, they are refused again; accepting the current one opens the content', async () => {
    const first = await saved('Ik houd geheim wat ik in het casusoverleg hoor.');
    let guest = await occasional();
    expect(await acceptStatement(deps, guest, first.id)).toMatchObject({ accepted: true });
    guest = await again(guest);
    expect(guest.confidentialityPending).toBeUndefined();
    expect(await refusedVerbs(guest)).toEqual([]);

    const second = await saved('Ik houd geheim wat ik in het casusoverleg hoor, ook na afloop.');
    expect(second.version).toBe(2);
    guest = await again(guest);
    expect(guest.confidentialityPending).toBe(true);
    expect(await refusedVerbs(guest)).toEqual(allContentVerbs);
    expect((await sessionMinutes(deps, guest, c.sessionId)).items).toEqual([]);
    // A click on the button of the old card accepts nothing: they read the new text first.
    expect(await acceptStatement(deps, guest, first.id)).toMatchObject({ accepted: false, statement: { version: 2 } });
    expect((await again(guest)).confidentialityPending).toBe(true);

    expect(await acceptStatement(deps, guest, second.id)).toMatchObject({ accepted: true });
    guest = await again(guest);
    expect(await refusedVerbs(guest)).toEqual([]);
    expect((await sessionMinutes(deps, guest, c.sessionId)).items.map((i) => i.reference)).toEqual([c.reference]);
  });

  it('stores who accepted which version and when, in the logbook too; old versions are kept', async () => {
    const first = await saved('Versie een.');
    const second = await saved('Versie twee.');
    const guest = await occasional();
    await acceptStatement(deps, guest, second.id);
    await acceptStatement(deps, guest, second.id);
    const rows = await db.confidentialityAcceptance.findMany({ include: { statement: true } });
    expect(rows.map((r) => [r.memberId, r.statement.version, r.acceptedAt.toISOString()])).toEqual([
      [guest.memberId, 2, clock.now().toISOString()],
    ]);
    expect((await db.confidentialityStatement.findMany({ orderBy: { version: 'asc' } })).map((s) => s.text)).toEqual([
      'Versie een.',
      'Versie twee.',
    ]);
    const events = await listAuditEvents(db, { purpose: 'geheimhouding' });
    expect(events.map((e) => [e.action, e.recordId, e.actorAadObjectId])).toEqual([
      ['confidentiality.statementSaved', first.id, a.pm.aadObjectId],
      ['confidentiality.statementSaved', second.id, a.pm.aadObjectId],
      ['confidentiality.accepted', second.id, guest.aadObjectId],
    ]);
  });

  it('a regular member of the same organisation is unaffected, statement or not', async () => {
    expect(a.policeColleague.confidentialityPending).toBeUndefined();
    expect(await refusedVerbs(a.police)).toEqual([]);
    await saved('Een verklaring.');
    const regular = await again(a.police);
    expect(regular.confidentialityPending).toBeUndefined();
    expect(await refusedVerbs(regular)).toEqual([]);
    expect((await statementFor(deps, regular)).mustAccept).toBe(false);
  });

  it('a guest from another tenant signs too, though no member flag says so', async () => {
    await saved('Een verklaring.');
    const guest = (await identifyActor(db, { aadObjectId: a.police.aadObjectId }, { guest: true }))!;
    expect(guest.confidentialityPending).toBe(true);
    expect(await refusedVerbs(guest)).toEqual(allContentVerbs);
  });

  it('only the procesmanager sets the text; the invited unsigned are counted per organisation', async () => {
    expect(await refusal(saveStatement(deps, a.police, { text: 'Mijn eigen tekst' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await saveStatement(deps, a.pm, { text: '  ' })).toMatchObject({ ok: false });
    const guest = await occasional();
    const invited = [a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!];
    expect((await unsignedInvited(deps, invited)).map((m) => m.displayName)).toEqual(['Collega Politie']);
    expect(await unsignedInvited(deps, [a.orgs['Krusada']!])).toEqual([]);
    const statement = await saved('Een verklaring.');
    await acceptStatement(deps, guest, statement.id);
    expect(await unsignedInvited(deps, invited)).toEqual([]);
  });
});
