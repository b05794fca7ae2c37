// `npm run bench`: measures in one run and reports ratios, not absolute promises.
// 1. Need-to-know in the query (listVisibleCases) against loading every case and filtering in memory.
// 2. The agenda of issue 7: 1,000 cases against 10 (time, card size, queries per compose; bench/agenda.ts).
// 3. The claim of issue 8: "Ik pak dit op" as a bot turn beside a bare teams-ai Application (bench/claim.ts).
// 4. Deletion on time of issue 9: 1,000 due cases among 10,000 closed ones (bench/retention.ts).
// 5. The figures of issue 11: five years of a large ZVH, a quarter and a year (bench/figures.ts).
// 6. The embedded PGlite against a PostgreSQL server (when BENCH_DATABASE_URL is set).
// 7. Load of issue 17: 500 turns at once over HTTP against one Casusbot beside a bare teams-ai bot, each in a process
//    of its own, on BENCH_DATABASE_URL (else PGlite; never DATABASE_URL, whose tables it would empty) (bench/load.ts). `npm run bench -- load` runs it alone.
// 8. Database statements per turn of issue 18: hulp, the lists and "Ik pak dit op", each beside the most it may send
//    (bench/statements.ts). `npm run bench -- statements` runs it alone, `npm run bench -- retention` part 4 alone.
import { caseScope, canSeeCase } from '../src/access/case-access.ts';
import { findCaseById, listVisibleCases, visibilityFacts } from '../src/cases/case.repository.ts';
import { createDb, type Db } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { identifyActor } from '../src/members/identify-actor.ts';
import { submitReferral } from '../src/referrals/submit-referral.ts';
import { measureAgenda } from './agenda.ts';
import { measureClaims } from './claim.ts';
import { measureRetention } from './retention.ts';
import { measureStatements } from './statements.ts';
import { measureFigures } from './figures.ts';
import { measureLoad } from './load.ts';
import { prepareDatabase, referralData } from './seed.ts';
import { time } from './timing.ts';

const casesToSeed = Number(process.env.BENCH_CASES ?? 300);
const clock = { now: () => new Date('2026-11-23T09:00:00Z') };

async function measure(name: string, db: Db, url: string, embedded = false) {
  console.log(`\n${name}`);
  const { actors, referrers } = await prepareDatabase(db, url, clock, casesToSeed);
  const participant = actors.find((a) => a.role === 'participant')!;
  const allIds = (await db.case.findMany({ select: { id: true } })).map((c) => c.id);
  const visible = (await listVisibleCases(db, caseScope(participant))).length;
  console.log(`  (een deelnemer ziet ${visible} van ${allIds.length} casussen)`);
  const inQuery = await time('casussen: need-to-know in de query', 30, () =>
    listVisibleCases(db, caseScope(participant)),
  );
  const inMemory = await time('casussen: alles laden en in het geheugen filteren', 5, async () => {
    const all = await Promise.all(allIds.map((id) => findCaseById(db, id)));
    return all.filter((c) => c && canSeeCase(participant, visibilityFacts(c)));
  });
  let n = 0;
  const submit = await time('aanmelding indienen (transactie + audit)', 20, () =>
    submitReferral({ db, clock }, referrers[n++ % referrers.length]!, {
      data: referralData([participant.organisationId], n),
    }),
  );
  const identify = await time('lid herkennen (elke beurt)', 50, () =>
    identifyActor(db, { aadObjectId: participant.aadObjectId }),
  );
  console.log(`  verhouding geheugen/query: ${(inMemory / inQuery).toFixed(1)}x`);
  console.log('  database-statements per beurt (elke query telt, ook BEGIN en COMMIT)');
  await measureStatements(url, { embedded });
  const processManager = actors.find((a) => a.role === 'processManager')!;
  const agenda = await measureAgenda(db, url, { embedded, clock, referrers, processManager });
  console.log('  ik pak dit op (claim van een actie, hele bot-beurt)');
  const claims = await measureClaims(db, url, { embedded, clock });
  console.log('  bewaartermijnen (verwijderen op tijd)');
  const retention = await measureRetention(db, { clock });
  console.log('  kengetallen (cijfers)');
  const figures = await measureFigures(db, clock);
  return { inQuery, submit, identify, ...agenda, ...claims, ...retention, ...figures };
}

/** Parts 1 to 6: the embedded PGlite, and beside it the server of BENCH_DATABASE_URL when given. */
async function compareDatabases() {
  const embedded = await startEmbeddedPostgres();
  const embeddedDb = createDb(embedded.url, { embedded: true });
  const pglite = await measure('Ingebouwde PGlite', embeddedDb, embedded.url, true);
  await embeddedDb.$disconnect();
  await embedded.stop();

  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) {
    const serverDb = createDb(serverUrl);
    const server = await measure(
      'PostgreSQL-server (BENCH_DATABASE_URL; tabellen worden geleegd)',
      serverDb,
      serverUrl,
    );
    await serverDb.$disconnect();
    console.log('\nVerhouding PGlite / PostgreSQL (hoger = PGlite trager):');
    for (const key of [
      'inQuery',
      'submit',
      'identify',
      'compose1000',
      'render1000',
      'claimP50',
      'claimP99',
      'deleteCase',
      'figuresQuarter',
      'figuresYear',
    ] as const)
      console.log(`  ${key.padEnd(11)} ${(pglite[key] / server[key]).toFixed(2)}x`);
    console.log(
      `  claims per seconde bij ${200} tegelijk: PGlite ${pglite.claimsPerSecond.toFixed(0)}, PostgreSQL ${server.claimsPerSecond.toFixed(0)}`,
    );
  } else {
    console.log('\nZet BENCH_DATABASE_URL (een lege testdatabase) om ook met een PostgreSQL-server te vergelijken.');
  }
}

/** One part alone (statements, retention), on the embedded PGlite and on the server of BENCH_DATABASE_URL when given. */
async function measurePart(part: 'statements' | 'retention') {
  const databases: { name: string; url: string; embedded: boolean; stop?: () => Promise<void> }[] = [];
  const embedded = await startEmbeddedPostgres();
  databases.push({ name: 'Ingebouwde PGlite', url: embedded.url, embedded: true, stop: () => embedded.stop() });
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl)
    databases.push({
      name: 'PostgreSQL-server (BENCH_DATABASE_URL; tabellen worden geleegd)',
      url: serverUrl,
      embedded: false,
    });
  for (const database of databases) {
    console.log(`\n${database.name}`);
    const db = createDb(database.url, { embedded: database.embedded });
    await prepareDatabase(db, database.url, clock, 0);
    if (part === 'statements') {
      await db.$disconnect();
      await measureStatements(database.url, { embedded: database.embedded });
    } else {
      await measureRetention(db, { clock });
      await db.$disconnect();
    }
    await database.stop?.();
  }
}

// `npm run bench -- load` runs the load alone (so do `statements` and `retention`); `npm run bench` everything, the load last.
const part = process.argv[2];
if (part === 'statements' || part === 'retention') {
  await measurePart(part);
  process.exit(0);
}
if (part !== undefined && part !== 'load') {
  console.error(
    `Onbekend deel "${part}": gebruik "npm run bench" voor alles, of "npm run bench -- load", "-- statements" of "-- retention".`,
  );
  process.exit(2);
}
if (part !== 'load') await compareDatabases();
console.log('\nBelasting over HTTP: Casusbot naast een kale teams-ai-bot (bench/load.ts)');
await measureLoad(process.env.BENCH_DATABASE_URL || undefined);
