// The database of the load bench, filled before Casusbot starts on it: the demo partners and people, aanmeldingen,
// open actions of the police with the claim bench's agents (bench/claim.ts), and more people up to `people`. On an
// embedded PGlite it is filled in `dataDir`, where the bot then opens it. Returns who sends turns and what they claim.
import { join } from 'node:path';
import type { Clock } from '../../src/clock.ts';
import { createDb } from '../../src/db/client.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { upsertMember } from '../../src/members/member.repository.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedClaims, type User } from '../claim.ts';
import { prepareDatabase } from '../seed.ts';
import { loadBenchStart } from './process.ts';

export interface LoadData {
  /** Everyone who sends turns: the demo people, the claim bench's agents, and more. */
  people: User[];
  /** One open action per claim turn, with a member of its organisation (an agent) to claim it. */
  claims: { user: User; actionId: string }[];
}

/** The bench's day, as the rest of the bench; the bot's clock starts there (bench/load/bot-server.ts). */
export { loadBenchStart };

export async function fillLoadDatabase(options: {
  /** A server's database (emptied), or '' for an embedded PGlite in `dataDir`/pglite, as startBot opens it. */
  databaseUrl: string;
  dataDir: string;
  cases: number;
  claims: number;
  people: number;
}): Promise<LoadData> {
  const clock: Clock = { now: () => loadBenchStart };
  const embedded = options.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(options.dataDir, 'pglite') });
  const url = embedded?.url ?? options.databaseUrl;
  const db = createDb(url, { embedded: Boolean(embedded) });
  try {
    const { partners } = await prepareDatabase(db, url, clock, options.cases);
    const { actionIds, users: agents } = await seedClaims(db, clock, options.claims);
    const people: User[] = [
      ...demoMembers.map((m) => ({
        aadObjectId: m.aadObjectId,
        teamsUserId: m.teamsUserId,
        displayName: m.displayName,
      })),
      ...agents,
    ];
    for (let i = 0; people.length < options.people; i++) {
      const user = { aadObjectId: `aad-bench-load-${i}`, teamsUserId: `user-bench-load-${i}`, displayName: `Lid ${i}` };
      const organisationId = partners[i % partners.length]!.id;
      await upsertMember(db, { ...user, organisationId, role: 'participant' });
      people.push(user);
    }
    const claims = actionIds.map((actionId, i) => ({ user: agents[i % agents.length]!, actionId }));
    return { people, claims };
  } finally {
    await db.$disconnect();
    await embedded?.stop();
  }
}
