import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from './harness.ts';

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

describe('npm start', () => {
  it('starts the bot and the Playground, prints where to go, and Ctrl-C stops both', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'casusbot-start-'));
    const [port, playgroundPort] = [await freePort(), await freePort()];
    // As package.json's start script runs it: one node process, so Ctrl-C reaches the code that stops both.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        PLAYGROUND_PORT: String(playgroundPort),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        MicrosoftAppId: '',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 90_000;
      while (!output.includes('Open de Agents Playground') && Date.now() < deadline && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 200));
      expect(output).toContain(`Open de Agents Playground: http://localhost:${playgroundPort}`);
      expect(output).toContain('Lokale modus');
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${playgroundPort}/`)).status).toBe(200);

      child.kill('SIGINT'); // what Ctrl-C sends; the Playground runs in its own process group
      expect(await exited).toBe(0);
      expect(await portOpen(port)).toBe(false);
      expect(await portOpen(playgroundPort)).toBe(false);
    } finally {
      child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
