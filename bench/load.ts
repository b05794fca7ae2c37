import { readFileSync } from 'node:fs';
import { parseDockerfile, runtimeCommand } from '../scripts/release-test.ts';
import { spawnSync } from 'node:child_process';
// Load of issue 17 (part 8): 500 turns at once from 50 people (hulp, casussen, mijn acties, and "Ik pak dit op" on an
// action card) against one Casusbot over HTTP, beside the bare teams-ai bot (bench/bare.ts) over HTTP in the same
// run. Each server runs in a child process of its own (bench/load/), so the peak resident set is per server; the
// replies go to a fake Bot Connector in this process. Reports errors (a non-2xx answer, no answer, or none within
// Teams' 15 s; the driver waits up to 60 s), p50, p99, turns per second and peak RSS of each, and the ratios
// Casusbot / bare.
import { mkdtemp, rm } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Verb } from '../cards/verbs.ts';
import { bareCardText, bareMessageText } from './bare.ts';
import type { User } from './claim.ts';
import { fillLoadDatabase, type LoadData } from './load/fill.ts';
import {
  driveTurns,
  startFakeConnector,
  summarise,
  type FakeConnector,
  type LoadSummary,
  type Turn,
  type TurnAnswer,
} from './load/driver.ts';
import { backendsCpu, cpuSpent } from './load/database-cpu.ts';
import { startBenchServer, type BenchServer, type ServerReport } from './load/process.ts';

const turnCount = Number(process.env.BENCH_LOAD_TURNS ?? 500);
/** BENCH_LOAD_CONCURRENCY: how many turns at once (a busy day rather than one burst); all of them by default. */
const concurrency = process.env.BENCH_LOAD_CONCURRENCY ? Number(process.env.BENCH_LOAD_CONCURRENCY) : undefined;
/** Teams waits 15 s for the bot's answer: a later one is an error. The driver waits longer, to measure the tail. */
const limitMs = 15_000;
const timeoutMs = 60_000;
const warmUpTurns = 40;
const cases = Number(process.env.BENCH_LOAD_CASES ?? 100);
const people = 50;
const tenantId = 'tenant-zvh';
const kinds = ['hulp', 'casussen', 'mijn acties', 'claim'] as const;
/** What the bot answers when a turn threw (bot/teams/turn-error.ts): an answer, but an error. */
const turnFailed = 'Sorry, er ging iets mis.';
const claimAnswers = ['Je hebt deze actie opgepakt.', 'Iemand anders was je voor.', 'Opgepakt door'];

/** A reply that reached the connector, and not the one of a failed turn. */
const repliedToMessage = (answer: TurnAnswer, expected?: string) =>
  answer.replies.some(
    (r) =>
      r.type === 'message' &&
      !r.text?.startsWith(turnFailed) &&
      (expected === undefined || JSON.stringify(r).includes(expected)),
  );
/** An invoke answered in its HTTP body with a card or message that says what `expected` lists. */
const answeredInvoke = (answer: TurnAnswer, expected: string[]) => {
  const body = answer.body as { statusCode?: number; value?: unknown } | undefined;
  const text = JSON.stringify(body?.value ?? '');
  return body?.statusCode === 200 && !text.includes(turnFailed) && expected.some((e) => text.includes(e));
};

/**
 * `count` turns: turn i is of kind i mod 4, sent by person ⌊i/4⌋ mod 50, so everyone sends every kind; a claim is
 * sent by a member of the action's organisation, each on an action of its own (from `firstClaim` on).
 */
function buildTurns(
  target: 'bot' | 'bare',
  data: LoadData,
  connector: FakeConnector,
  range: { label: string; count: number; firstClaim: number },
): Turn[] {
  const activity = (id: string, user: User) => ({
    id,
    channelId: 'msteams',
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    locale: 'nl-NL',
    from: { id: user.teamsUserId, aadObjectId: user.aadObjectId, name: user.displayName },
    recipient: { id: '28:casusbot', name: 'Casusbot' },
    conversation: { id: `personal-${user.teamsUserId}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  });
  return Array.from({ length: range.count }, (_, i): Turn => {
    const kind = kinds[i % kinds.length]!;
    const id = `${target}-${range.label}-${i}`;
    if (kind === 'claim') {
      const claim = data.claims[range.firstClaim + Math.floor(i / kinds.length)];
      if (!claim) throw new Error('te weinig acties om op te pakken (BENCH_LOAD_CLAIMS)');
      const verb = Verb.actionClaim;
      return {
        kind,
        activity: {
          ...activity(id, claim.user),
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: {
            action: { type: 'Action.Execute', verb, data: { verb, actionId: claim.actionId } },
            trigger: 'manual',
          },
        },
        answered: (answer) => answeredInvoke(answer, target === 'bare' ? [bareCardText] : claimAnswers),
      };
    }
    const person = data.people[Math.floor(i / kinds.length) % data.people.length]!;
    return {
      kind,
      activity: { ...activity(id, person), type: 'message', text: kind },
      answered: (answer) => repliedToMessage(answer, target === 'bare' ? bareMessageText : undefined),
    };
  });
}

interface Measured {
  summary: LoadSummary;
  report: ServerReport;
  loggedErrors: number;
  /** The whole machine meanwhile: how busy its cores were (other processes included) and the load average. */
  machine: { busy: number; cores: number; load: number; driverCpuMs: number; databaseCpuMs: number | undefined };
}

/** Busy share of all cores between two readings of os.cpus(). */
function busyShare(before: os.CpuInfo[], after: os.CpuInfo[]): number {
  const total = (c: os.CpuInfo) => c.times.user + c.times.nice + c.times.sys + c.times.idle + c.times.irq;
  let idle = 0;
  let all = 0;
  after.forEach((c, i) => {
    idle += c.times.idle - before[i]!.times.idle;
    all += total(c) - total(before[i]!);
  });
  return all ? 1 - idle / all : 0;
}

async function load(
  target: 'bot' | 'bare',
  server: BenchServer<unknown>,
  data: LoadData,
  connector: FakeConnector,
  databaseUrl: string | undefined,
): Promise<Measured> {
  const endpoint = `http://127.0.0.1:${server.port}/api/messages`;
  const drive = (turns: Turn[]) => driveTurns({ endpoint, turns, connector, limitMs, timeoutMs, concurrency });
  // Warm-up, ten at a time: the JIT, the pool's connections, each person's turn state.
  const warmUp = buildTurns(target, data, connector, { label: 'warm', count: warmUpTurns, firstClaim: 0 });
  for (let i = 0; i < warmUp.length; i += 10) await drive(warmUp.slice(i, i + 10));
  const errorsBefore = server.errorLines();
  server.measure();
  const turns = buildTurns(target, data, connector, {
    label: 'load',
    count: turnCount,
    firstClaim: Math.ceil(warmUpTurns / kinds.length),
  });
  const backends = () => (databaseUrl && target === 'bot' ? backendsCpu(databaseUrl) : Promise.resolve(undefined));
  const databaseBefore = await backends();
  const [cpusBefore, driverBefore] = [os.cpus(), process.cpuUsage()];
  const summary = summarise(await drive(turns));
  const driver = process.cpuUsage(driverBefore);
  const cpus = os.cpus();
  const databaseCpuMs = cpuSpent(databaseBefore, await backends());
  const machine = {
    busy: busyShare(cpusBefore, cpus),
    cores: cpus.length,
    load: os.loadavg()[0]!,
    driverCpuMs: (driver.user + driver.system) / 1000,
    databaseCpuMs,
  };
  const report = await server.report();
  return { summary, report, loggedErrors: server.errorLines() - errorsBefore, machine };
}

const cpuPerTurn = (m: Measured) => m.report.cpuMs / m.summary.turns;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;

function print(name: string, m: Measured) {
  const s = m.summary;
  const kindsOf = Object.entries(s.errorKinds)
    .map(([k, n]) => `${n}× ${k}`)
    .join(', ');
  console.log(
    `  ${name}: fouten ${s.errors}${kindsOf ? ` (${kindsOf})` : ''}, p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, ${s.turnsPerSecond.toFixed(0)} beurten per seconde; piek-RSS ${mb(m.report.peakRssBytes)} (ervoor ${mb(m.report.baselineRssBytes)}, na afloop ${mb(m.report.afterRssBytes)}; hele proces, opstart inbegrepen: ${mb(m.report.maxRssBytes)}); CPU ${(m.report.cpuMs / 1000).toFixed(1)} s, ${cpuPerTurn(m).toFixed(1)} ms per beurt; foutregels in het log ${m.loggedErrors}; na afloop JavaScript-heap ${mb(m.report.memory.heapUsed)} van ${mb(m.report.memory.heapTotal)}, daarbuiten ${mb(m.report.memory.external)} (buffers ${mb(m.report.memory.arrayBuffers)})`,
  );
  console.log(
    `    de machine intussen: ${(m.machine.busy * 100).toFixed(0)}% van ${m.machine.cores} kernen bezet (alle processen), belasting ${m.machine.load.toFixed(1)}; CPU van de driver en de nep-Connector ${(m.machine.driverCpuMs / 1000).toFixed(1)} s${m.machine.databaseCpuMs === undefined ? '' : `, van de PostgreSQL-backends van de bot ${(m.machine.databaseCpuMs / 1000).toFixed(1)} s`}`,
  );
  for (const [kind, k] of Object.entries(s.byKind))
    console.log(`    ${kind.padEnd(12)} ${k.turns} beurten, fouten ${k.errors}, p50 ${ms(k.p50)}, p99 ${ms(k.p99)}`);
}

/**
 * The load on `databaseUrl` (a server whose tables are emptied), or on an embedded PGlite in a temporary folder when
 * none is given. Returns the figures of both servers and the ratios.
 */
/** The node flags of the Dockerfile's CMD: what production starts the bot with. */
function productionNodeFlags(): string[] {
  const stages = parseDockerfile(readFileSync('Dockerfile', 'utf8'));
  return runtimeCommand(stages)
    .slice(1)
    .filter((arg) => arg.startsWith('--'));
}

export async function measureLoad(databaseUrl: string | undefined) {
  console.log(
    databaseUrl
      ? `  op PostgreSQL (${databaseUrl.replace(/\/\/[^@]*@/, '//')}; tabellen worden geleegd)`
      : '  LET OP: geen PostgreSQL-server opgegeven (BENCH_DATABASE_URL): de belasting draait op de ingebouwde PGlite, één verbinding in het botproces; dat zegt niets over productie.',
  );
  // Both servers run as production runs: compiled (made fresh here), with plain node and the Dockerfile's node flags.
  // BENCH_LOAD_SOURCE=ts: the sources under tsx instead (tsx itself holds some 90 MB more).
  const built = process.env.BENCH_LOAD_SOURCE === 'ts' ? undefined : { nodeFlags: productionNodeFlags() };
  if (built) {
    const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.bench.json'], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (build.status !== 0) throw new Error('bouwen (tsconfig.bench.json) mislukte');
    console.log(`  gebouwd; node ${built.nodeFlags.join(' ')} (CMD van de Dockerfile)`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'casusbot-load-'));
  const connector = await startFakeConnector();
  const claims = Math.ceil(turnCount / kinds.length) + Math.ceil(warmUpTurns / kinds.length);
  const env = { ...process.env, BENCH_LOAD_DATABASE_URL: databaseUrl ?? '', BENCH_LOAD_DATA_DIR: dataDir };
  const started: BenchServer<unknown>[] = [];
  try {
    // Filled here, not in the bot's process, so that its memory is the bot's own.
    const data = await fillLoadDatabase({ databaseUrl: databaseUrl ?? '', dataDir, cases, claims, people });
    const servers = await Promise.allSettled([
      startBenchServer<undefined>('./bare-server.ts', env, { built }),
      startBenchServer<undefined>('./bot-server.ts', env, { built }),
    ]);
    for (const s of servers) if (s.status === 'fulfilled') started.push(s.value);
    const [bare, bot] = servers.map((s) => {
      if (s.status === 'rejected') throw s.reason;
      return s.value;
    }) as [BenchServer<undefined>, BenchServer<undefined>];
    console.log(
      `  ${turnCount} beurten ${concurrency ? `met ${concurrency} tegelijk` : 'tegelijk'} van ${data.people.length} mensen (${kinds.join(', ')}), elk binnen ${limitMs / 1000} s (anders een fout); elke server in een eigen proces (kaal ${bare.pid}, Casusbot ${bot.pid})`,
    );
    const floor = await load('bare', bare, data, connector, databaseUrl);
    print('kale teams-ai', floor);
    const casusbot = await load('bot', bot, data, connector, databaseUrl);
    print('Casusbot', casusbot);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
    console.log(
      `  verhouding Casusbot / kaal: p50 ${ratio(casusbot.summary.p50, floor.summary.p50)}, p99 ${ratio(casusbot.summary.p99, floor.summary.p99)}, beurten per seconde ${(casusbot.summary.turnsPerSecond / floor.summary.turnsPerSecond).toFixed(2)}x, piek-RSS ${ratio(casusbot.report.peakRssBytes, floor.report.peakRssBytes)}, CPU per beurt ${ratio(cpuPerTurn(casusbot), cpuPerTurn(floor))} (zonder de database)`,
    );
    if (casusbot.summary.errors || floor.summary.errors) console.log('  LET OP: fouten onder belasting (doel: 0).');
    return { bot: casusbot, bare: floor };
  } finally {
    await Promise.all(started.map((s) => s.stop()));
    await connector.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
