// The claim benchmark of issue 8 (point 9): "Ik pak dit op" as a whole bot turn, beside a bare teams-ai
// Application that answers an Action.Execute with a fixed card (the framework's floor), in one run.
// Reports p50 and p99 of a winning and of a losing claim turn, the ratio to the floor (target: p50 at
// most 2x), the database round trips per claim turn, and 200 concurrent claims on one action.
import { performance } from 'node:perf_hooks';
import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../prisma/generated/client.ts';
import { composeForTest } from '../test/support/compose.ts';
import { Verb } from '../cards/verbs.ts';
import { claimAction, openAction } from '../src/actions/actions.ts';
import { createActions } from '../src/actions/action.repository.ts';
import type { Actor } from '../src/actor.ts';
import type { Clock } from '../src/clock.ts';
import { findTableByName } from '../src/conferences/table.repository.ts';
import type { Db } from '../src/db/client.ts';
import { recordDecision } from '../src/decisions/record-decision.ts';
import { identifyActor } from '../src/members/identify-actor.ts';
import { upsertMember } from '../src/members/member.repository.ts';
import { demoMembers, demoTable } from '../src/organisations/demo-partners.ts';
import { submitReferral } from '../src/referrals/submit-referral.ts';
import { decideScreening } from '../src/screening/decide-screening.ts';
import { FixedClock, RecordingNotifier } from '../test/support/fakes.ts';
import { capturingLogger } from '../test/support/logs.ts';
import { organisationIds, validReferralData } from '../test/support/referral.ts';
import { bareApplication } from './bare.ts';
import { time } from './timing.ts';

const claims = Number(process.env.BENCH_CLAIMS ?? 300);
const warmUp = 20;
const members = 20;
const concurrent = 200;
const targetRatio = 2;
const tenantId = 'tenant-zvh';

export type User = { aadObjectId: string; teamsUserId: string; displayName: string };
type InvokeBody = { statusCode: number; type: string; value: unknown };

/**
 * A client on the same database as the bot's own (same pool size and transaction options as createDb)
 * that counts what it sends: Prisma's query events, and every statement on the wire (BEGIN and COMMIT
 * included), which is what a round trip costs.
 */
function countingDb(url: string, embedded: boolean) {
  const pool = new pg.Pool({ connectionString: url, max: embedded ? 1 : 10 });
  let statements = 0;
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      statements++;
      return query(...args);
    };
  });
  const client = new PrismaClient({
    // The same pg at runtime; the adapter's own @types/pg only differs in a method it does not call here.
    adapter: new PrismaPg(pool as unknown as ConstructorParameters<typeof PrismaPg>[0]),
    log: [{ emit: 'event', level: 'query' }],
    transactionOptions: { maxWait: 15_000, timeout: 20_000 },
  });
  let queries = 0;
  let recorded: string[] | undefined;
  client.$on('query', (event) => {
    queries++;
    recorded?.push(event.query);
  });
  return {
    db: client as unknown as Db,
    counts: () => ({ queries, statements }),
    /** The SQL that `work` sends, for BENCH_SQL=1. */
    async record(work: () => Promise<unknown>): Promise<string[]> {
      recorded = [];
      try {
        await work();
        return recorded;
      } finally {
        recorded = undefined;
      }
    },
    async close() {
      await client.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

/** One Action.Execute turn through botbuilder's TestAdapter, as test/support/bot.ts `click()` sends it. */
function driver(
  run: (context: TurnContext) => Promise<unknown>,
  settled: () => Promise<void>,
  onTurnError?: (context: TurnContext, error: Error) => Promise<void>,
) {
  const adapter = new TestAdapter(async (context) => {
    await run(context);
  });
  let errors = 0;
  adapter.onTurnError = async (context, error) => {
    errors++;
    if (onTurnError) await onTurnError(context, error);
  };
  return {
    errors: () => errors,
    async click(user: User, verb: string, data: Record<string, unknown>): Promise<InvokeBody | undefined> {
      let response: Partial<Activity> | undefined;
      const activity: Partial<Activity> = {
        channelId: 'msteams',
        serviceUrl: 'https://smba.example/teams/',
        from: { id: user.teamsUserId, aadObjectId: user.aadObjectId, name: user.displayName },
        recipient: { id: 'bot-id', name: 'Casusbot' },
        conversation: {
          id: `personal-${user.teamsUserId}`,
          conversationType: 'personal',
          tenantId,
        } as Activity['conversation'],
        channelData: { tenant: { id: tenantId } },
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger: 'manual' },
      };
      // The answer of this turn (the shared activeQueue would mix the answers of concurrent turns).
      await adapter.processActivity(activity, async (context) => {
        context.onSendActivities(async (_ctx, activities, next) => {
          response ??= activities.find((a) => a.type === 'invokeResponse');
          return next();
        });
        await run(context);
      });
      await settled();
      adapter.activeQueue.splice(0);
      return (response?.value as { body?: InvokeBody } | undefined)?.body;
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

const ms = (n: number) => `${n.toFixed(2)} ms`;
const won = (body: InvokeBody | undefined) =>
  JSON.stringify(body?.value ?? '').includes('Je hebt deze actie opgepakt.');
const lost = (body: InvokeBody | undefined) => JSON.stringify(body?.value ?? '').includes('Iemand anders was je voor.');
/** A repeated click of the one who has it: the action card as it stands, without a notice. */
const alreadyMine = (body: InvokeBody | undefined) =>
  body?.type === 'application/vnd.microsoft.card.adaptive' &&
  JSON.stringify(body.value).includes('Opgepakt door') &&
  !won(body) &&
  !lost(body);

/**
 * An accepted case on the demo table with a decision of the chair, `count` open actions of the police
 * and `members` police members to claim them. The decision goes through recordDecision (one action, as
 * the form sends it); the others are added to it through the repository, which is what the form does per action.
 */
export async function seedClaims(db: Db, clock: Clock, count: number) {
  const orgs = await organisationIds(db);
  const police = orgs['Korps Politie CN']!;
  const actor = async (aad: string): Promise<Actor> => (await identifyActor(db, { aadObjectId: aad }))!;
  const [pm, referrer, director] = [
    await actor(demoMembers[0].aadObjectId),
    await actor(demoMembers[1].aadObjectId),
    await actor(demoMembers[3].aadObjectId),
  ];
  const deps = { db, clock, informWithinDays: 14 };
  const submitted = await submitReferral(deps, referrer, { data: validReferralData([police, orgs['Jeugdzorg CN']!]) });
  if (!submitted.ok) throw new Error(`aanmelding ongeldig: ${JSON.stringify(submitted)}`);
  const table = (await findTableByName(db, demoTable.name))!;
  const accepted = await decideScreening(deps, pm, submitted.caseId, { decision: 'accept', tableId: table.id });
  if (!accepted.ok) throw new Error(`niet geaccepteerd: ${JSON.stringify(accepted)}`);
  const decided = await recordDecision(deps, pm, {
    caseId: submitted.caseId,
    values: {
      goal: 'Huisuitzetting voorkomen en rust in het gezin',
      plan: 'Schuldhulp via de gemeente, gezinscoach via jeugdzorg, politie houdt contact',
      directorMemberId: director.memberId,
      nextStep: 'regieFollowUp',
      action1_description: 'Huisbezoek afleggen',
      action1_organisationId: police,
      action1_dueDate: '2026-12-01',
    },
  });
  if (!decided.ok) throw new Error(`besluit niet vastgelegd: ${JSON.stringify(decided)}`);
  const first = (await db.caseAction.findFirstOrThrow({ where: { decisionId: decided.decisionId } })).id;
  const more = await createActions(
    db,
    submitted.caseId,
    decided.decisionId,
    Array.from({ length: count - 1 }, (_, i) => ({
      description: `Bench-actie ${i + 2}`,
      organisationId: police,
      dueDate: '2026-12-01',
    })),
  );
  const users: User[] = [];
  for (let i = 0; i < members; i++) {
    const user = {
      aadObjectId: `aad-bench-politie-${i}`,
      teamsUserId: `user-bench-politie-${i}`,
      displayName: `Agent ${i}`,
    };
    await upsertMember(db, {
      aadObjectId: user.aadObjectId,
      displayName: user.displayName,
      organisationId: police,
      role: 'participant',
    });
    users.push(user);
  }
  return { actionIds: [first, ...more], users };
}

export async function measureClaims(db: Db, url: string, options: { embedded: boolean; clock: Clock }) {
  // Warm-up actions, the measured ones, the ones for counting claimAction alone, and one for the crowd.
  const total = warmUp + claims + 2 + 1;
  process.stdout.write(`  acties vullen: ${total} open acties van de politie, ${members} agenten`);
  const { actionIds, users } = await seedClaims(db, options.clock, total);
  process.stdout.write('\n');
  const warmIds = actionIds.slice(0, warmUp);
  const measuredIds = actionIds.slice(warmUp, warmUp + claims);
  const [directA, directB, crowdId] = actionIds.slice(warmUp + claims) as [string, string, string];

  // The floor: a bare teams-ai Application (bench/bare.ts) behind the same TestAdapter, answering with a fixed card.
  const bare = bareApplication();
  const floor = driver(
    (context) => bare.run(context),
    async () => undefined,
  );

  // The real bot, on a client that counts its round trips; nothing else uses the database meanwhile.
  const counting = countingDb(url, options.embedded);
  try {
    const notifier = new RecordingNotifier();
    const logs = capturingLogger();
    const clock = new FixedClock(options.clock.now());
    const { app, onTurnError, background } = composeForTest(counting.db, { log: logs.log, notifier, clock });
    const bot = driver(
      (context) => app.run(context),
      () => background.settled(),
      onTurnError,
    );
    const claim = (i: number, actionId: string) => bot.click(users[i % users.length]!, Verb.actionClaim, { actionId });

    for (const [i, actionId] of warmIds.entries()) {
      if (!won(await claim(i, actionId))) throw new Error('opwarmen: claim niet gewonnen');
      await floor.click(users[0]!, 'x', {});
    }

    // Winning claims, each on a fresh action, interleaved with floor turns so both see the same conditions.
    const winning: number[] = [];
    const floorSamples: number[] = [];
    const before = counting.counts();
    for (const [i, actionId] of measuredIds.entries()) {
      let start = performance.now();
      const body = await claim(i, actionId);
      winning.push(performance.now() - start);
      if (!won(body)) throw new Error(`claim ${i} niet gewonnen: ${JSON.stringify(body)}`);
      start = performance.now();
      const fixed = await floor.click(users[i % users.length]!, 'x', {});
      floorSamples.push(performance.now() - start);
      if (fixed?.type !== 'application/vnd.microsoft.card.adaptive') throw new Error('kale teams-ai gaf geen kaart');
    }
    const after = counting.counts();
    const perTurn = {
      queries: (after.queries - before.queries) / claims,
      statements: (after.statements - before.statements) / claims,
    };

    // Losing claims: the same actions again, each by another agent of the same organisation.
    const losing: number[] = [];
    const beforeLost = counting.counts();
    for (const [i, actionId] of measuredIds.entries()) {
      const start = performance.now();
      const body = await claim(i + 1, actionId);
      losing.push(performance.now() - start);
      if (!lost(body)) throw new Error(`verloren claim ${i} gaf: ${JSON.stringify(body)}`);
    }
    const afterLost = counting.counts();
    const lostStatements = (afterLost.statements - beforeLost.statements) / claims;

    // Where the round trips go: claimAction and openAction alone, outside a turn.
    const agent = (await identifyActor(counting.db, { aadObjectId: users[0]!.aadObjectId }))!;
    const c0 = counting.counts();
    await openAction({ db: counting.db, clock }, agent, directA);
    const c1 = counting.counts();
    await claimAction({ db: counting.db, clock }, agent, directB);
    const c2 = counting.counts();
    const openStatements = c1.statements - c0.statements;
    if (process.env.BENCH_SQL) {
      const sql = await counting.record(() => claim(0, directA));
      console.log(
        `  SQL van één claim-beurt (${sql.length}):\n${sql.map((q) => `    ${q.replace(/\s+/g, ' ').slice(0, 220)}`).join('\n')}`,
      );
    }
    const claimStatements = c2.statements - c1.statements;

    // The use case without the turn around it, for where the time goes (each look is audited, as in the bot).
    const lookMs = await time(`openAction alleen (${openStatements} rondes, buiten een beurt)`, 30, () =>
      openAction({ db: counting.db, clock }, agent, directA),
    );

    const w = summary(winning);
    const l = summary(losing);
    const f = summary(floorSamples);
    const ratio = w.p50 / f.p50;
    console.log(
      `  claim-beurt p50 ${ms(w.p50)}, p99 ${ms(w.p99)}; kale teams-ai p50 ${ms(f.p50)}, p99 ${ms(f.p99)}; verhouding ${ratio.toFixed(1)}x (doel ≤ ${targetRatio}x: ${ratio <= targetRatio ? 'ja' : 'nee'}) (${claims} beurten)`,
    );
    console.log(
      `  verloren claim-beurt (al opgepakt) p50 ${ms(l.p50)}, p99 ${ms(l.p99)}; verhouding ${(l.p50 / f.p50).toFixed(1)}x`,
    );
    console.log(
      `  database-rondes per claim-beurt: ${perTurn.statements.toFixed(1)} (Prisma meldt ${perTurn.queries.toFixed(1)} queries: BEGIN telt het niet); verloren claim: ${lostStatements.toFixed(1)}`,
    );
    console.log(
      `    waarvan claimAction ${claimStatements} (een losse blik op een actie kost ${openStatements}), de rest identificatie (${(perTurn.statements - claimStatements).toFixed(1)})`,
    );

    // The crowd: 200 claim turns at once on one action, from 20 agents.
    const errorsBefore = bot.errors();
    const start = performance.now();
    const cpuBefore = process.cpuUsage();
    const settled = await Promise.allSettled(Array.from({ length: concurrent }, (_, i) => claim(i, crowdId)));
    const elapsed = performance.now() - start;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuShare = (cpu.user + cpu.system) / 1000 / elapsed;
    const bodies = settled.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
    const failed =
      settled.filter((s) => s.status === 'rejected').length +
      (bot.errors() - errorsBefore) +
      bodies.filter((b) => !b || b.statusCode !== 200 || (!won(b) && !lost(b) && !alreadyMine(b))).length;
    const winners = bodies.filter(won).length;
    const [losers, repeats] = [bodies.filter(lost).length, bodies.filter(alreadyMine).length];
    const audited = await counting.db.auditEvent.count({ where: { recordId: crowdId, action: 'action.claimed' } });
    const loggedErrors = logs.lines().filter((line) => Number(line.level) >= 50).length;
    console.log(
      `  ${concurrent} gelijktijdige claims op één actie (${members} agenten): ${elapsed.toFixed(0)} ms, ${(concurrent / (elapsed / 1000)).toFixed(0)} claims per seconde; fouten ${failed}, winnaars ${winners}, audit 'action.claimed' ${audited} (doel: 0 fouten, 1 winnaar); "Iemand anders was je voor" ${losers}, al van de winnaar zelf ${repeats}`,
    );
    console.log(
      `    CPU van dit Node-proces in die tijd: ${(cpuShare * 100).toFixed(0)}% van één kern${options.embedded ? ' (PGlite draait in hetzelfde proces)' : ''}`,
    );
    if (failed || loggedErrors) {
      // What went wrong, by kind (the log holds no message text or card input).
      const kinds = new Map<string, number>();
      for (const line of logs
        .lines()
        .filter((x) => x.msg === 'turn failed' || x.msg === 'turn refused' || Number(x.level) >= 50)) {
        const kind = `${String(line.msg)} ${JSON.stringify(line.code ?? line.errorType ?? '')}`.trim();
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      console.log(
        `  LET OP: fouten in het log van de bot: ${[...kinds].map(([k, n]) => `${n}× ${k}`).join(', ') || 'geen'}`,
      );
      if (process.env.BENCH_SQL)
        for (const line of logs
          .lines()
          .filter((x) => x.msg === 'turn failed')
          .slice(0, 2))
          console.log(String(line.stack));
    }
    return {
      lookP50: lookMs,
      claimP50: w.p50,
      claimP99: w.p99,
      floorP50: f.p50,
      claimRatio: ratio,
      claimRoundTrips: perTurn.statements,
      claimsPerSecond: concurrent / (elapsed / 1000),
      claimErrors: failed,
      claimWinners: winners,
    };
  } finally {
    await counting.close();
  }
}
