// `npm run test:release`: the release as a ZVH's IT department builds it, without Docker. Reads the Dockerfile and
// carries out its steps in a clean temporary folder: the build stage in one folder (COPY from the project, RUN npm),
// the runtime stage in another (COPY, `COPY --from=build`, RUN npm; apt-get is the image's business and skipped).
// Then, in the runtime folder, which holds no sources: migrate, start the CMD with plain node, wait for /readyz,
// run the HEALTHCHECK, answer one turn over HTTP, send SIGTERM and see the process exit 0 within 10 s. On the embedded
// PGlite always; on PostgreSQL too when RELEASE_DATABASE_URL names a database (its schema is emptied first).
// Every step prints one JSON line; the exit code says whether the release holds.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();

function say(step: string, details: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ step, seconds: Math.round((Date.now() - started) / 100) / 10, ...details }));
}

function fail(step: string, reason: string, details: Record<string, unknown> = {}): never {
  console.log(JSON.stringify({ step, failed: true, reason, ...details }));
  throw new ReleaseFailure(reason);
}

class ReleaseFailure extends Error {}

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  name: string;
  steps: Instruction[];
}

/** The Dockerfile's stages and their instructions, continuation lines joined, comments dropped. */
export function parseDockerfile(text: string): Stage[] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword = '', args = ''] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === 'FROM') {
      stages.push({ name: /\bAS\s+(\S+)/i.exec(args)?.[1] ?? String(stages.length), steps: [] });
      continue;
    }
    stages.at(-1)?.steps.push({ keyword: keyword.toUpperCase(), args });
  }
  return stages;
}

/** The runtime stage's (the last stage's) CMD, as its JSON array: `["node", …flags, "dist/bot/main.js"]`. */
export function runtimeCommand(stages: Stage[]): string[] {
  return JSON.parse(stages.at(-1)?.steps.findLast((s) => s.keyword === 'CMD')?.args ?? '[]') as string[];
}

/** `COPY [--from=x] [--chown=…] src… dest`: where from, what, and where to. */
function copyArgs(args: string): { from?: string; sources: string[]; dest: string } {
  const words = args.split(/\s+/);
  const flags = words.filter((w) => w.startsWith('--'));
  const paths = words.filter((w) => !w.startsWith('--'));
  const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
  return { ...(from ? { from } : {}), sources: paths.slice(0, -1), dest: paths.at(-1)! };
}

/** Runs one stage's steps in `folder` (its WORKDIR), with the build stage's folder for `COPY --from`. */
function runStage(stage: Stage, folder: string, stageFolders: Map<string, string>, env: NodeJS.ProcessEnv): void {
  let workdir = '/app';
  const local = (path: string) => join(folder, path.startsWith('/') ? path.slice(workdir.length) : path);
  for (const { keyword, args } of stage.steps) {
    if (keyword === 'WORKDIR') workdir = args.trim();
    else if (keyword === 'ENV') {
      for (const [, key, value] of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[key!] = value!.replace(/^"|"$/g, '');
    } else if (keyword === 'COPY') {
      const { from, sources, dest } = copyArgs(args);
      const root = from ? stageFolders.get(from) : project;
      if (!root) fail('copy', `unknown stage ${from}`);
      for (const source of sources) {
        const origin = from ? join(root, source.slice(workdir.length)) : join(root, source);
        if (!existsSync(origin)) fail('copy', `${source} does not exist`, { stage: stage.name });
        const target =
          dest.endsWith('/') || sources.length > 1 ? join(local(dest), source.split('/').at(-1)!) : local(dest);
        mkdirSync(dirname(target), { recursive: true });
        cpSync(origin, target, { recursive: true });
      }
    } else if (keyword === 'RUN') {
      // System packages (apt-get, mkdir/chown for the image's user) are the image's business, not the release's.
      const commands = args
        .split('&&')
        .map((c) => c.trim())
        // `npm cache clean` keeps the image small; here it would empty this machine's npm cache.
        .filter((c) => /^(npm|node)\b/.test(c) && !/^npm cache\b/.test(c));
      for (const command of commands) {
        const t = Date.now();
        const result = spawnSync('sh', ['-c', command], { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'] });
        if (result.status !== 0)
          fail('run', `${command} exited ${result.status}`, {
            stage: stage.name,
            output: String(result.stderr).split('\n').slice(-15).join('\n'),
          });
        say('run', { stage: stage.name, command, seconds: Math.round((Date.now() - t) / 100) / 10 });
      }
    }
  }
}

const freePort = () =>
  new Promise<number>((resolvePort) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolveExit) =>
    child.exitCode !== null ? resolveExit(child.exitCode) : child.once('exit', (code) => resolveExit(code)),
  );

async function waitForReady(port: number, child: ChildProcess, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) fail('ready', `the bot exited ${child.exitCode} before it was ready`);
    const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  fail('ready', `/readyz not 200 within ${seconds} s`);
}

/** One turn over HTTP: "hulp" from someone Casusbot does not know, answered in the response (expectReplies). */
async function oneTurn(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: 'release-1',
      text: 'hulp',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      deliveryMode: 'expectReplies',
      from: { id: '29:release', aadObjectId: '00000000-0000-4000-8000-00000000a11e', name: 'Release' },
      recipient: { id: '28:casusbot', name: 'Casusbot' },
      conversation: { id: 'a:release', conversationType: 'personal', tenantId: 'tenant-release' },
      channelData: { tenant: { id: 'tenant-release' } },
    }),
  });
  if (response.status !== 200) fail('turn', `HTTP ${response.status}`);
  const body = (await response.json()) as { activities?: { text?: string; attachments?: unknown[] }[] };
  const answer = JSON.stringify(body.activities ?? []);
  if (!body.activities?.length) fail('turn', 'no answer in the response');
  return answer;
}

/** Migrate, start, ready, health check, one turn, SIGTERM: on one database. */
async function runRelease(app: string, env: NodeJS.ProcessEnv, cmd: string[], healthcheck: string | undefined) {
  const database = env.DATABASE_URL ? 'postgresql' : 'pglite';
  const migrate = spawnSync(process.execPath, ['dist/scripts/migrate.js'], { cwd: app, env, encoding: 'utf8' });
  const migrated = migrate.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { msg?: string; migrations?: string[] });
  if (migrate.status !== 0)
    fail('migrate', `exited ${migrate.status}`, { database, output: migrate.stderr.slice(-800) });
  const applied = migrated.find((l) => l.msg === 'migrations applied')?.migrations?.length ?? 0;
  say('migrate', { database, applied });
  if (!applied) fail('migrate', 'a fresh database got no migrations', { database });

  const [command, ...args] = cmd;
  if (command !== 'node') fail('start', `CMD must start node directly, not ${command}`);
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: app,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(...String(chunk).split('\n').filter(Boolean)));
  child.stderr.on('data', (chunk: Buffer) => output.push(...String(chunk).split('\n').filter(Boolean)));
  try {
    await waitForReady(port, child, 90);
    say('ready', { database, port });
    if (healthcheck) {
      const check = spawnSync('sh', ['-c', healthcheck], { cwd: app, env: { ...env, PORT: String(port) } });
      if (check.status !== 0) fail('healthcheck', `exited ${check.status}`);
      say('healthcheck', { database });
    }
    const answer = await oneTurn(port);
    if (!/Casusbot|procesmanager|aangemeld|geregistreerd/i.test(answer))
      fail('turn', 'the answer is not the expected Dutch text', { answer: answer.slice(0, 300) });
    say('turn', { database, answer: answer.slice(0, 120) });
    const stopAsked = Date.now();
    child.kill('SIGTERM');
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref());
    const code = await Promise.race([exited(child), timeout]);
    if (code === 'timeout') fail('stop', 'still running 10 s after SIGTERM', { database });
    if (code !== 0) fail('stop', `exited ${code} after SIGTERM`, { database });
    say('stop', { database, exitCode: code, milliseconds: Date.now() - stopAsked });
    const notJson = output.filter((l) => !l.startsWith('{'));
    if (notJson.length) fail('logs', 'log lines that are not JSON', { lines: notJson.slice(0, 5) });
  } catch (error) {
    if (!(error instanceof ReleaseFailure)) throw error;
    console.log(JSON.stringify({ step: 'bot output', database, lines: output.slice(-20) }));
    throw error;
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/** The production configuration refuses to start without credentials (no unauthenticated bot in a tenant). */
function refusesWithoutCredentials(app: string, env: NodeJS.ProcessEnv, cmd: string[]): void {
  const result = spawnSync(process.execPath, cmd.slice(1), {
    cwd: app,
    env: { ...env, NODE_ENV: 'production', PORT: '0' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.status === 0 || !/MicrosoftAppId/.test(result.stdout + result.stderr))
    fail('production config', 'started without MicrosoftAppId under NODE_ENV=production', { status: result.status });
  say('production config', { refusedWithoutCredentials: true });
}

async function emptySchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  await client.end();
}

async function main(): Promise<void> {
  const stages = parseDockerfile(readFileSync(join(project, 'Dockerfile'), 'utf8'));
  if (stages.length < 2) fail('dockerfile', 'expected a build stage and a runtime stage');
  const work = mkdtempSync(join(tmpdir(), 'casusbot-release-'));
  say('folder', { work });
  try {
    const folders = new Map<string, string>();
    const envs = new Map<string, NodeJS.ProcessEnv>();
    for (const stage of stages) {
      const folder = join(work, stage.name);
      mkdirSync(folder);
      folders.set(stage.name, folder);
      // Only what npm needs to find the registry and its cache; never the outer npm run's prefix settings.
      const passed = ['PATH', 'HOME', 'TMPDIR', 'npm_config_cache', 'npm_config_registry', 'npm_config_userconfig'];
      const env: NodeJS.ProcessEnv = Object.fromEntries(
        Object.entries(process.env).filter(([key]) => passed.includes(key)),
      );
      runStage(stage, folder, folders, env);
      envs.set(stage.name, env);
    }
    const runtime = stages.at(-1)!;
    const app = folders.get(runtime.name)!;
    const sources = ['bot', 'src', 'cards', 'test'].filter((d) => existsSync(join(app, d)));
    if (sources.length) fail('runtime', 'the runtime stage holds sources', { folders: sources });
    // Dev dependencies only (typescript stays: @prisma/client and prisma ask for it as a peer).
    const devOnly = ['vitest', 'eslint', 'prettier', 'playwright-core', '@microsoft/m365agentsplayground'].filter((p) =>
      existsSync(join(app, 'node_modules', p)),
    );
    if (devOnly.length) fail('runtime', 'the runtime stage holds dev dependencies', { packages: devOnly });
    say('runtime', { packages: readdirSync(join(app, 'node_modules')).length });
    const cmd = runtimeCommand(stages);
    const healthcheck = /\bCMD\s+(.*)$/.exec(runtime.steps.find((s) => s.keyword === 'HEALTHCHECK')?.args ?? '')?.[1];
    if (!healthcheck) fail('dockerfile', 'no HEALTHCHECK in the runtime stage');
    // Local mode for the turn (no credentials: no token to mint offline); the production guard is checked apart.
    const env = { ...envs.get(runtime.name)!, NODE_ENV: 'development', LOG_LEVEL: 'info', SEED_DEMO_DATA: 'false' };
    refusesWithoutCredentials(app, { ...env, DATA_DIR: join(app, 'data-refused') }, cmd);
    await runRelease(app, { ...env, DATA_DIR: join(app, 'data') }, cmd, healthcheck);
    const url = process.env.RELEASE_DATABASE_URL;
    if (url) {
      await emptySchema(url);
      await runRelease(app, { ...env, DATABASE_URL: url, MIGRATION_WAIT_SECONDS: '5' }, cmd, healthcheck);
    } else say('postgresql', { skipped: 'RELEASE_DATABASE_URL not set' });
    say('release ok');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    if (!(error instanceof ReleaseFailure)) console.log(JSON.stringify({ step: 'error', reason: String(error) }));
    process.exit(1);
  });
}
