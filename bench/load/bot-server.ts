// Child process of the load bench: Casusbot as production starts it (startBot of bot/main.ts: migrations, HTTP edge,
// scheduler), without an app id (the edge is then unauthenticated, as for the Playground). Before it starts, the
// database is filled here: the demo partners and people, aanmeldingen, open actions of the police with the claim
// bench's agents (bench/claim.ts), and more people up to BENCH_LOAD_PEOPLE. The people and the actions to claim go to
// the parent, which builds the turns.
import { join } from 'node:path';
import { startBot } from '../../bot/main.ts';
import type { Clock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { createDb } from '../../src/db/client.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { createLogger } from '../../src/logger.ts';
import { upsertMember } from '../../src/members/member.repository.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedClaims, type User } from '../claim.ts';
import { prepareDatabase } from '../seed.ts';
import { serveForBench } from './process.ts';

export interface LoadData {
  /** Everyone who sends turns: the demo people, the claim bench's agents, and more. */
  people: User[];
  /** One open action per claim turn, with a member of its organisation (an agent) to claim it. */
  claims: { user: User; actionId: string }[];
}

const env = process.env;
const databaseUrl = env.BENCH_LOAD_DATABASE_URL ?? '';
const dataDir = env.BENCH_LOAD_DATA_DIR ?? './data-bench';
const cases = Number(env.BENCH_LOAD_CASES ?? 100);
const claimCount = Number(env.BENCH_LOAD_CLAIMS ?? 150);
const peopleCount = Number(env.BENCH_LOAD_PEOPLE ?? 50);

/** The bench's day (as the rest of the bench), moving on in real time so that the scheduler sees time pass. */
const benchStart = new Date('2026-11-23T09:00:00Z').getTime();
const startedAt = Date.now();
const clock: Clock = { now: () => new Date(benchStart + Date.now() - startedAt) };

async function fill(): Promise<LoadData> {
  const embedded = databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: join(dataDir, 'pglite') });
  const url = embedded?.url ?? databaseUrl;
  const db = createDb(url, { embedded: Boolean(embedded) });
  try {
    const { partners } = await prepareDatabase(db, url, clock, cases);
    const { actionIds, users: agents } = await seedClaims(db, clock, claimCount);
    const people: User[] = [
      ...demoMembers.map((m) => ({
        aadObjectId: m.aadObjectId,
        teamsUserId: m.teamsUserId,
        displayName: m.displayName,
      })),
      ...agents,
    ];
    for (let i = 0; people.length < peopleCount; i++) {
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

await serveForBench(async () => {
  const data = await fill();
  const config = loadConfig({
    PORT: '0',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'false',
    SEED_DEMO_HISTORY: 'false',
  });
  const bot = await startBot(config, createLogger(config.logLevel), { clock });
  return { port: bot.port, data, stop: () => bot.stop() };
});
