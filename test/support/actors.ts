import type { Actor } from '../../src/actor.ts';
import type { Db } from '../../src/db/client.ts';
import { identifyActor } from '../../src/members/identify-actor.ts';
import { upsertMember } from '../../src/members/member.repository.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import { organisationIds } from './referral.ts';

/** The demo people as actors, plus a second procesmanager, a participant of an uninvolved partner and a stuurgroeplid. */
export async function seedActors(db: Db) {
  await seedDemoData(db, [...demoMembers]);
  const orgs = await organisationIds(db);
  await upsertMember(db, {
    aadObjectId: 'aad-pm-2',
    displayName: 'Tweede Procesmanager',
    organisationId: orgs['Zorg- en Veiligheidshuis (procesmanagement)']!,
    role: 'processManager',
  });
  await upsertMember(db, {
    aadObjectId: 'aad-police-2',
    displayName: 'Collega Politie',
    organisationId: orgs['Korps Politie CN']!,
    role: 'participant',
  });
  await upsertMember(db, {
    aadObjectId: 'aad-police-contact',
    displayName: 'Contact Politie',
    organisationId: orgs['Korps Politie CN']!,
    role: 'contactPerson',
  });
  await upsertMember(db, {
    aadObjectId: 'aad-police-manager',
    displayName: 'Stuurgroeplid Politie',
    organisationId: orgs['Korps Politie CN']!,
    role: 'steeringGroupMember',
  });
  await upsertMember(db, {
    aadObjectId: 'aad-krusada',
    displayName: 'Deelnemer Krusada',
    organisationId: orgs['Krusada']!,
    role: 'participant',
  });
  const actor = async (aad: string): Promise<Actor> => (await identifyActor(db, { aadObjectId: aad }))!;
  return {
    orgs,
    pm: await actor(demoMembers[0].aadObjectId),
    pm2: await actor('aad-pm-2'),
    police: await actor(demoMembers[1].aadObjectId),
    policeColleague: await actor('aad-police-2'),
    policeContact: await actor('aad-police-contact'),
    mentalHealth: await actor(demoMembers[2].aadObjectId),
    youthCareContact: await actor(demoMembers[3].aadObjectId),
    municipality: await actor(demoMembers[4].aadObjectId),
    krusada: await actor('aad-krusada'),
    /** A manager of the police in the stuurgroep: figures only. */
    policeManager: await actor('aad-police-manager'),
  };
}
export type Actors = Awaited<ReturnType<typeof seedActors>>;
