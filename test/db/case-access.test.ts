import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/actor.ts';
import { canSeeCase, caseScope } from '../../src/access/case-access.ts';
import { findCaseById, listVisibleCases, visibilityFacts } from '../../src/cases/case.repository.ts';
import { listCasesFor, openCase } from '../../src/cases/view-cases.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { decideScreening } from '../../src/screening/decide-screening.ts';
import { saveReferralDraft, submitReferral } from '../../src/referrals/submit-referral.ts';
import { useDatabase } from '../support/database.ts';
import { FixedClock } from '../support/fakes.ts';
import { seedActors, type Actors } from '../support/actors.ts';
import { validReferralData, savedDraft } from '../support/referral.ts';

const db = useDatabase();
const deps = { db, clock: new FixedClock(new Date('2026-11-23T09:00:00Z')), informWithinDays: 14 };
let a: Actors;
let ids: Record<'draft' | 'submitted' | 'accepted' | 'rejected' | 'external', string>;

async function submitted(actor: Actor, involved: string[], extra: Record<string, string> = {}) {
  const r = await submitReferral(deps, actor, {
    data: validReferralData(
      involved.map((n) => a.orgs[n]!),
      extra,
    ),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.caseId;
}

beforeEach(async () => {
  a = await seedActors(db);
  const table = (await listTables(db))[0]!.id;
  const accepted = await submitted(a.mentalHealth, ['Mental Health Caribbean', 'Openbaar Lichaam Bonaire']);
  await decideScreening(deps, a.pm, accepted, { decision: 'accept', tableId: table });
  const rejected = await submitted(a.municipality, ['Openbaar Lichaam Bonaire', 'Forma']);
  await decideScreening(deps, a.pm, rejected, { decision: 'reject', reason: 'Geen ketenoverstijgende problematiek' });
  const external = await submitted(a.pm, ['Forma'], {
    externalName: 'Els Extern',
    externalOrganisation: 'Huisarts',
    externalEmail: 'e@h.example',
    responsibleOrganisationId: a.orgs['Jeugdzorg CN']!,
  });
  await decideScreening(deps, a.pm, external, { decision: 'accept', tableId: table });
  ids = {
    draft: await savedDraft(saveReferralDraft(deps, a.police, { data: { p1_name: 'Concept' } })),
    submitted: await submitted(a.police, ['Korps Politie CN', 'Jeugdzorg CN']),
    accepted,
    rejected,
    external,
  };
});

const visibleIds = async (actor: Actor) => (await listVisibleCases(db, caseScope(actor))).map((c) => c.id).sort();
const expected = (...keys: (keyof typeof ids)[]) => keys.map((k) => ids[k]).sort();

describe('need-to-know', () => {
  it('the query filter and the single-case check agree, for every person and every case', async () => {
    const cases = await Promise.all(Object.values(ids).map((id) => findCaseById(db, id)));
    for (const [name, actor] of Object.entries(a)) {
      if (name === 'orgs') continue;
      const byRule = cases
        .filter((c) => canSeeCase(actor as Actor, visibilityFacts(c!)))
        .map((c) => c!.id)
        .sort();
      expect(await visibleIds(actor as Actor), name).toEqual(byRule);
    }
  });

  it.each([
    ['the referrer', 'police', ['draft', 'submitted']],
    ["a colleague at the referrer's organisation", 'policeColleague', []],
    ["the contactpersoon of the referrer's organisation", 'policeContact', ['submitted']],
    ['an involved partner, before acceptance', 'youthCareContact', ['external']],
    ['an involved partner, after acceptance', 'municipality', ['accepted', 'rejected']],
    ['the procesmanager', 'pm', ['submitted', 'accepted', 'rejected', 'external']],
    ['a partner involved in nothing', 'krusada', []],
    ['a stuurgroeplid of the referring organisation', 'policeManager', []],
  ] as const)('%s sees exactly %s', async (_who, actor, keys) => {
    expect(await visibleIds(a[actor])).toEqual(expected(...keys));
  });

  it('a partner involved in nothing gets nothing: no list, no case, not even that it exists', async () => {
    expect((await listCasesFor(db, a.krusada)).cases).toEqual([]);
    for (const id of Object.values(ids)) {
      await expect(openCase(db, a.krusada, id, 'inzage')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(openCase(db, a.krusada, '00000000-0000-4000-8000-00000000beef', 'inzage')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await db.auditEvent.count({ where: { action: 'case.viewed' } })).toBe(0);
  });

  it('a stuurgroeplid gets nothing of any case, not even of those their own organisation referred or is involved in', async () => {
    await decideScreening(deps, a.pm, ids.submitted, { decision: 'accept', tableId: (await listTables(db))[0]!.id });
    expect((await listCasesFor(db, a.policeManager)).cases).toEqual([]);
    for (const id of Object.values(ids)) {
      await expect(openCase(db, a.policeManager, id, 'inzage')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(canSeeCase(a.policeManager, visibilityFacts((await findCaseById(db, id))!)), id).toBe(false);
    }
  });

  it('nobody but its author sees a draft, not even the procesmanager', async () => {
    for (const actor of [a.pm, a.policeContact, a.policeColleague]) {
      await expect(openCase(db, actor, ids.draft, 'inzage')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await openCase(db, a.police, ids.draft, 'inzage')).status).toBe('draft');
  });

  it('every allowed look at a case is audited with who, which organisation and why', async () => {
    await openCase(db, a.municipality, ids.accepted, 'casusoverleg');
    const [event] = await db.auditEvent.findMany({ where: { action: 'case.viewed' } });
    expect(event).toMatchObject({
      recordId: ids.accepted,
      actorAadObjectId: a.municipality.aadObjectId,
      actorOrganisationId: a.municipality.organisationId,
      purpose: 'casusoverleg',
    });
  });

  it('"casussen" lists no drafts, even the actor\'s own', async () => {
    expect((await listCasesFor(db, a.police)).cases.map((c) => c.id)).toEqual([ids.submitted]);
  });
});
