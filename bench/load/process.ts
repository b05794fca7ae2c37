import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
// Each server of the load bench runs in a child process of its own, so that its memory is its own: the child samples
// its resident set while the parent drives load, and answers over the IPC channel. Both sides of that channel are here.
import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

type ToChild = { type: 'measure' } | { type: 'report' } | { type: 'stop' };
type FromChild<T> =
  | { type: 'ready'; port: number; data: T }
  | {
      type: 'report';
      baselineRssBytes: number;
      peakRssBytes: number;
      afterRssBytes: number;
      maxRssBytes: number;
      cpuMs: number;
      memory: NodeJS.MemoryUsage;
    }
  | { type: 'failed'; reason: string };

export interface ServerReport {
  /** The resident set when `measure` came: the server started and warmed up, before the load. */
  baselineRssBytes: number;
  /** The highest resident set sampled (every 50 ms) between `measure` and `report`. */
  peakRssBytes: number;
  /** The resident set when `report` came: after every turn was answered, as the process holds it from then on. */
  afterRssBytes: number;
  /** Node's own breakdown at that moment: the JavaScript heap, memory outside it (WebAssembly, buffers). */
  memory: NodeJS.MemoryUsage;
  /** The highest resident set of the whole process, start-up included (getrusage). */
  maxRssBytes: number;
  /** CPU time (user + system) the process spent between `measure` and `report`. */
  cpuMs: number;
}

/** In the child: serve, tell the parent the port, then sample memory when asked and stop when asked. */
export async function serveForBench<T>(start: () => Promise<{ port: number; data: T; stop(): Promise<void> }>) {
  const send = (message: FromChild<T>) => process.send?.(message);
  let server: Awaited<ReturnType<typeof start>>;
  try {
    server = await start();
  } catch (error) {
    send({ type: 'failed', reason: `${(error as Error)?.name}: ${(error as Error)?.message}` });
    process.exit(1);
  }
  let peak = 0;
  let baseline = 0;
  let cpu = process.cpuUsage();
  const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));
  const sampler = setInterval(sample, 50);
  process.on('message', (message: ToChild) => {
    if (message.type === 'measure') {
      peak = 0;
      baseline = sample();
      cpu = process.cpuUsage();
    } else if (message.type === 'report') {
      sample();
      // BENCH_LOAD_HEAP_SNAPSHOT=<folder>: what the heap holds after the load, for Chrome DevTools' Memory tab.
      if (process.env.BENCH_LOAD_HEAP_SNAPSHOT)
        writeHeapSnapshot(join(process.env.BENCH_LOAD_HEAP_SNAPSHOT, `server-${process.pid}.heapsnapshot`));
      const used = process.cpuUsage(cpu);
      send({
        type: 'report',
        baselineRssBytes: baseline,
        peakRssBytes: peak,
        afterRssBytes: process.memoryUsage.rss(),
        memory: process.memoryUsage(),
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
        cpuMs: (used.user + used.system) / 1000,
      });
    } else if (message.type === 'stop') {
      clearInterval(sampler);
      void server.stop().finally(() => process.exit(0));
    }
  });
  send({ type: 'ready', port: server.port, data: server.data });
}

/** The bench's day: the data is filled for it, and the bot's clock starts there. */
export const loadBenchStart = new Date('2026-11-23T09:00:00Z');

export interface BenchServer<T> {
  pid: number;
  port: number;
  data: T;
  /** Log lines of the child at level error or above (pino JSON on its stdout). */
  errorLines(): number;
  measure(): void;
  report(): Promise<ServerReport>;
  stop(): Promise<void>;
}

/**
 * In the parent: start `entry` (a file next to this one) as a child and wait until it serves. As production runs:
 * compiled (`built`: dist/bench/load/, from tsconfig.bench.json) with plain node and the Dockerfile's node flags;
 * otherwise the sources under tsx.
 */
export async function startBenchServer<T>(
  entry: string,
  env: Record<string, string | undefined>,
  options: { built?: { nodeFlags: string[] }; readyWithinMs?: number } = {},
): Promise<BenchServer<T>> {
  const readyWithinMs = options.readyWithinMs ?? 600_000;
  const file = options.built
    ? fileURLToPath(new URL(`../../dist/bench/load/${entry.replace(/\.ts$/, '.js')}`, import.meta.url))
    : fileURLToPath(new URL(entry, import.meta.url));
  const child: ChildProcess = fork(file, {
    // BENCH_LOAD_CPU_PROF=<folder>: a CPU profile of each server (start-up included), written when it stops.
    execArgv: [
      ...(options.built ? options.built.nodeFlags : ['--import', 'tsx']),
      ...(process.env.BENCH_LOAD_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_LOAD_CPU_PROF}`] : []),
    ],
    env,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let errorLines = 0;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      const entry = JSON.parse(line) as { level?: unknown; msg?: unknown; code?: unknown; errorType?: unknown };
      if (Number(entry.level) < 50) return;
      // The first few error lines, by message and code only (the log holds no personal data).
      const why = [entry.msg, entry.code ?? entry.errorType].filter((x) => typeof x === 'string').join(' ');
      if (errorLines++ < 3) process.stdout.write(`    [${why}]\n`);
    } catch {
      process.stdout.write(`${line}\n`); // the child's own progress lines
    }
  });
  const next = <K extends FromChild<T>['type']>(types: K[], withinMs: number) =>
    new Promise<Extract<FromChild<T>, { type: K }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${entry}: geen antwoord binnen ${withinMs} ms`)), withinMs);
      const onMessage = (message: FromChild<T>) => {
        if (message.type === 'failed') reject(new Error(`${entry}: ${message.reason}`));
        else if ((types as string[]).includes(message.type)) resolve(message as Extract<FromChild<T>, { type: K }>);
        else return;
        cleanup();
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`${entry} stopte (exit ${code})`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  const ready = await next(['ready'], readyWithinMs);
  const tell = (message: ToChild) => child.send(message);
  return {
    pid: child.pid!,
    port: ready.port,
    data: ready.data,
    errorLines: () => errorLines,
    measure: () => tell({ type: 'measure' }),
    async report() {
      const answer = next(['report'], 10_000);
      tell({ type: 'report' });
      const { baselineRssBytes, peakRssBytes, afterRssBytes, maxRssBytes, cpuMs, memory } = await answer;
      return { baselineRssBytes, peakRssBytes, afterRssBytes, maxRssBytes, cpuMs, memory };
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      tell({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
