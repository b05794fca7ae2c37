import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/actor.ts';
import { listAuditEvents } from '../../src/audit/audit.repository.ts';
import { DomainError } from '../../src/errors.ts';
import { identifyActor } from '../../src/members/identify-actor.ts';
import { registerMember } from '../../src/members/register-member.ts';
import { demoMembers, demoPartnerNames } from '../../src/organisations/demo-partners.ts';
import { listOrganisations } from '../../src/organisations/organisation.repository.ts';
import { ensureFirstProcessManager, seedDemoData } from '../../src/organisations/seed.ts';
import { useDatabase } from '../support/database.ts';

const db = useDatabase();

async function actorFor(aadObjectId: string): Promise<Actor> {
  const actor = await identifyActor(db, { aadObjectId });
  if (!actor) throw new Error('not seeded');
  return actor;
}
const forma = async () => (await listOrganisations(db)).find((o) => o.name === 'Forma')!.id;

describe('seed data', () => {
  it('seeds the 14 partners of ZVH Bonaire and the network, idempotently', async () => {
    await seedDemoData(db);
    await seedDemoData(db);
    const organisations = await listOrganisations(db);
    expect(
      organisations
        .filter((o) => o.kind === 'partner')
        .map((o) => o.name)
        .sort(),
    ).toEqual([...demoPartnerNames].sort());
    expect(organisations.filter((o) => o.kind === 'network')).toHaveLength(1);
  });

  it('makes the configured first procesmanager, once', async () => {
    await ensureFirstProcessManager(db, { aadObjectId: 'pm-1', name: 'Eerste PM' });
    await ensureFirstProcessManager(db, { aadObjectId: 'pm-1', name: 'Eerste PM' });
    expect(await identifyActor(db, { aadObjectId: 'pm-1' })).toMatchObject({
      role: 'processManager',
      displayName: 'Eerste PM',
    });
    expect(await listAuditEvents(db, { recordType: 'member' })).toHaveLength(1);
  });
});

describe('registerMember', () => {
  it('when the procesmanager registers someone, then the member and an audit event are stored', async () => {
    await seedDemoData(db, [...demoMembers]);
    const pm = await actorFor(demoMembers[0].aadObjectId);
    const { member, created } = await registerMember(db, pm, {
      aadObjectId: 'new-aad',
      displayName: 'Nieuw Lid',
      organisationId: await forma(),
      role: 'participant',
    });
    expect(created).toBe(true);
    expect(member).toMatchObject({ organisationName: 'Forma', role: 'participant' });
    expect(await identifyActor(db, { aadObjectId: 'new-aad', teamsUserId: '29:new' })).toMatchObject({
      memberId: member.id,
    });
    expect((await db.member.findUnique({ where: { aadObjectId: 'new-aad' } }))?.teamsUserId).toBe('29:new');
    const audit = await listAuditEvents(db, { recordType: 'member', recordId: member.id });
    expect(audit).toMatchObject([
      {
        action: 'member.registered',
        actorAadObjectId: pm.aadObjectId,
        actorOrganisationId: pm.organisationId,
        purpose: 'deelnemersbeheer',
      },
    ]);
  });

  it.each([demoMembers[1], demoMembers[3]])(
    'when $displayName (not a procesmanager) tries, then it is refused and nothing is written',
    async (who) => {
      await seedDemoData(db, [...demoMembers]);
      const actor = await actorFor(who.aadObjectId);
      const before = await db.auditEvent.count();
      await expect(
        registerMember(db, actor, {
          aadObjectId: 'x',
          displayName: 'X',
          organisationId: await forma(),
          role: 'processManager',
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await db.member.findUnique({ where: { aadObjectId: 'x' } })).toBeNull();
      expect(await db.auditEvent.count()).toBe(before);
    },
  );

  it('when the organisation does not exist, then nothing is written', async () => {
    await seedDemoData(db, [...demoMembers]);
    const pm = await actorFor(demoMembers[0].aadObjectId);
    const before = await db.auditEvent.count();
    const error = await registerMember(db, pm, {
      aadObjectId: 'y',
      displayName: 'Y',
      organisationId: '00000000-0000-4000-8000-00000000dead',
      role: 'participant',
    }).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('NOT_FOUND');
    expect(await db.member.count({ where: { aadObjectId: 'y' } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(before);
  });

  it('when a procesmanager would demote themselves, then it is refused', async () => {
    await seedDemoData(db, [...demoMembers]);
    const pm = await actorFor(demoMembers[0].aadObjectId);
    await expect(
      registerMember(db, pm, {
        aadObjectId: pm.aadObjectId,
        displayName: 'PM',
        organisationId: await forma(),
        role: 'participant',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
