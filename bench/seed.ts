// The demo data every part of the bench starts from: the 14 partners and the demo people, and `cases` aanmeldingen
// of which half are accepted, so that need-to-know has something to show the participants.
import type { Actor } from '../src/actor.ts';
import type { Clock } from '../src/clock.ts';
import type { Db } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { identifyActor } from '../src/members/identify-actor.ts';
import { demoMembers } from '../src/organisations/demo-partners.ts';
import { listOrganisations } from '../src/organisations/organisation.repository.ts';
import { seedDemoData } from '../src/organisations/seed.ts';
import { submitReferral } from '../src/referrals/submit-referral.ts';
import { emptyDatabase } from '../test/support/empty-database.ts';

/** Migrates and empties the database, then seeds the demo partners and people and `cases` aanmeldingen. */
export async function prepareDatabase(db: Db, url: string, clock: Clock, cases: number) {
  await migrateDatabase(url);
  await emptyDatabase(db);
  await seedDemoData(db, [...demoMembers]);
  const orgs = await listOrganisations(db);
  const partners = orgs.filter((o) => o.kind === 'partner');
  const actors = (await Promise.all(
    demoMembers.map((m) => identifyActor(db, { aadObjectId: m.aadObjectId })),
  )) as Actor[];
  const referrers = actors.filter((a) => a.role !== 'processManager');
  process.stdout.write(`  ${cases} aanmeldingen vullen`);
  for (let i = 0; i < cases; i++) {
    const involved = [partners[i % partners.length]!.id, partners[(i * 7 + 3) % partners.length]!.id];
    const result = await submitReferral({ db, clock }, referrers[i % referrers.length]!, {
      data: referralData(involved, i),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    if (i % 50 === 49) process.stdout.write('.');
  }
  process.stdout.write('\n');
  // Half of them accepted, so that need-to-know has something to show the participants.
  await db.$executeRaw`UPDATE case_record SET status = 'accepted' WHERE reference LIKE '%0' OR reference LIKE '%2' OR reference LIKE '%4' OR reference LIKE '%6' OR reference LIKE '%8'`;
  return { actors, referrers, partners };
}

export function referralData(involved: string[], i: number): Record<string, string> {
  return {
    p1_name: `Persoon ${i}`,
    p1_birthDate: '12-04-1990',
    p1_address: 'Kaya 1',
    domain_housing: 'Huurachterstand',
    organisations: involved.join(','),
    chains: 'care,justice',
    criterionDomains: 'a',
    criterionChains: 'b',
    criterionFamily: 'c',
    informed: 'yes',
    informedBy: 'aanmelder',
    urgency: 'normal',
    contactPhone: '+599 700 0000',
  };
}
