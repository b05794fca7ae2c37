// The Microsoft 365 Agents Playground: an offline Teams client, configured with the demo people.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoMembers, demoStranger } from '../src/organisations/demo-partners.ts';

export const playgroundTenantId = '00000000-0000-4000-8000-000000000001';
const people = [...demoMembers, demoStranger];
export type PlaygroundUserId = (typeof people)[number]['teamsUserId'];

function userYaml(p: (typeof people)[number], indent: string): string {
  const [given, ...rest] = p.displayName.split(' ');
  const mail = `${p.teamsUserId}@zvh.example`;
  return [
    `id: ${p.teamsUserId}`,
    `name: ${p.displayName}`,
    `userPrincipleName: ${mail}`,
    `aadObjectId: ${p.aadObjectId}`,
    `givenName: ${given}`,
    `surname: ${rest.join(' ') || given}`,
    `email: ${mail}`,
  ].join(`\n${indent}`);
}

/** The Playground's config file: exactly five users besides the one at the keyboard (its schema insists). */
export function playgroundConfig(currentUserId: PlaygroundUserId): string {
  const current = people.find((p) => p.teamsUserId === currentUserId)!;
  const others = people.filter((p) => p !== current);
  return `version: "0.1.1"
tenantId: ${playgroundTenantId}
bot:
  id: 00000000-0000-4000-8000-000000000011
  name: Casusbot
currentUser:
  ${userYaml(current, '  ')}
users:
${others.map((p) => `  - ${userYaml(p, '    ')}`).join('\n')}
personalChat:
  id: personal-chat-${current.teamsUserId}
groupChat:
  id: group-chat-zvh
  name: Casusoverleg ZVH
team:
  id: team-zvh-bonaire
  name: ZVH Bonaire
  aadGroupId: 00000000-0000-4000-8000-000000000031
  channels:
    - id: channel-casusoverleg
      name: Casusoverleg
`;
}

const noBrowserDir = fileURLToPath(new URL('./no-browser/', import.meta.url));

export interface RunningPlayground {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`De Agents Playground startte niet op poort ${port}`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

/** Starts one Playground (one person at the keyboard) in its own folder and process group. */
export async function startPlayground(options: {
  botPort: number;
  port: number;
  user: PlaygroundUserId;
  folder: string;
  quiet?: boolean;
}): Promise<RunningPlayground> {
  await mkdir(options.folder, { recursive: true });
  await writeFile(join(options.folder, '.m365agentsplayground.yml'), playgroundConfig(options.user));
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  const child = spawn(
    process.execPath,
    [
      cli,
      '-e',
      `http://127.0.0.1:${options.botPort}/api/messages`,
      '-c',
      'msteams',
      '--dt',
      '-p',
      String(options.port),
    ],
    {
      cwd: options.folder,
      // Its own process group: Ctrl-C reaches only us, and we stop it as a whole.
      detached: true,
      stdio: options.quiet ? 'ignore' : ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, PATH: `${noBrowserDir}${delimiter}${process.env.PATH ?? ''}` },
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Whatever ends this process, the Playground (in its own group) must not outlive it.
  const killGroup = (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);
  await Promise.race([
    waitForPort(options.port, 60_000),
    exited.then(() => {
      throw new Error('De Agents Playground stopte meteen (controleer het configuratiebestand)');
    }),
  ]);
  return {
    url: `http://localhost:${options.port}`,
    process: child,
    async stop() {
      process.off('exit', onExit);
      killGroup('SIGTERM');
      const stopped = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 5_000)),
      ]);
      if (!stopped) {
        killGroup('SIGKILL');
        await exited;
      }
    },
  };
}
