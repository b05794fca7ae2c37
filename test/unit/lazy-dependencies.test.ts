import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// In a process of its own: this one has loaded teams-ai long ago.
function inFreshProcess(deferring: boolean): { loaded: string[]; replies: string[] } {
  const script = `
    ${deferring ? "await import('./bot/lazy-dependencies.ts');" : ''}
    const { createRequire } = await import('node:module');
    const { Application } = await import('@microsoft/teams-ai');
    const { MemoryStorage, TestAdapter } = await import('botbuilder');
    const app = new Application({ storage: new MemoryStorage() });
    app.message('hulp', async (context) => { await context.sendActivity('Waarmee kan ik helpen?'); });
    const replies = [];
    const adapter = new TestAdapter(async (context) => { await app.run(context); });
    await adapter.send('hulp').assertReply((a) => { replies.push(a.text); });
    const loaded = Object.keys(createRequire(import.meta.url).cache)
      .map((path) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(path)?.[1])
      .filter((name) => ['openai', 'gpt-tokenizer', 'botbuilder-dialogs', '@microsoft/recognizers-text-suite'].includes(name));
    console.log(JSON.stringify({ loaded: [...new Set(loaded)].sort(), replies }));
  `;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { loaded: string[]; replies: string[] };
}

describe("teams-ai's unused parts are loaded only when used (bot/lazy-dependencies.ts)", () => {
  it('without the deferral, an Application loads the OpenAI client, the tokenizers and the SSO dialogs', () => {
    expect(inFreshProcess(false).loaded).toEqual([
      '@microsoft/recognizers-text-suite',
      'botbuilder-dialogs',
      'gpt-tokenizer',
      'openai',
    ]);
  }, 30_000);

  it('with it, none of them is loaded and the Application still answers a turn', () => {
    expect(inFreshProcess(true)).toEqual({ loaded: [], replies: ['Waarmee kan ik helpen?'] });
  }, 30_000);
});
