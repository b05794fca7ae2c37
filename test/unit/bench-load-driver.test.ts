import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  driveTurns,
  startFakeConnector,
  summarise,
  type FakeConnector,
  type Turn,
  type TurnAnswer,
} from '../../bench/load/driver.ts';

/**
 * A stand-in for a bot at /api/messages, by the activity's id: `ok` replies through the connector and answers 200,
 * `card` answers an invoke in its body, `fail` answers 500, `silent` answers 200 without a reply, `redirect` 302,
 * `slow` replies as `ok` does after 1.5 s, `hang` never answers.
 */
function stubBot(connector: FakeConnector): Server {
  return createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string };
      const kind = activity.id.split('-')[0];
      if (kind === 'hang') return;
      if (kind === 'slow') await new Promise((resolve) => setTimeout(resolve, 1_500));
      if (kind === 'ok' || kind === 'slow') {
        const reply = await fetch(`${connector.url}v3/conversations/c1/activities/${activity.id}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: 'antwoord' }),
        });
        if (!(reply.ok && ((await reply.json()) as { id?: string }).id)) throw new Error('connector gave no id');
      }
      if (kind === 'card') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: {} }));
        return;
      }
      res.statusCode = kind === 'fail' ? 500 : kind === 'redirect' ? 302 : 200;
      if (kind === 'redirect') res.setHeader('location', 'http://127.0.0.1:1/');
      res.end();
    })();
  });
}

const replied = (answer: TurnAnswer) => answer.replies.some((r) => r.type === 'message');
const carded = (answer: TurnAnswer) => (answer.body as { statusCode?: number } | undefined)?.statusCode === 200;

describe('the load driver of npm run bench', () => {
  let connector: FakeConnector;
  let bot: Server;
  let endpoint: string;
  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = stubBot(connector);
    await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(bot.address() as { port: number }).port}/api/messages`;
  });
  afterAll(async () => {
    bot.closeAllConnections();
    await new Promise<void>((resolve) => bot.close(() => resolve()));
    await connector.close();
  });

  it('counts a non-2xx answer, an answer without a reply, a late one and a turn that never answers as errors', async () => {
    const turn = (id: string, answered = replied): Turn => ({ kind: id.split('-')[0]!, activity: { id }, answered });
    const turns = [
      ...['ok-1', 'ok-2', 'ok-3', 'fail-1', 'fail-2', 'silent-1', 'hang-1', 'redirect-1', 'slow-1'].map((id) =>
        turn(id),
      ),
      turn('card-1', carded),
      turn('card-2', replied), // an invoke answered in its body, where a reply through the connector was expected
    ];
    const run = await driveTurns({ endpoint, turns, connector, limitMs: 1_000, timeoutMs: 2_500 });
    const summary = summarise(run);

    expect(run.results.filter((r) => r.ok).map((r) => r.kind)).toEqual(['ok', 'ok', 'ok', 'card']);
    expect(summary.turns).toBe(11);
    expect(summary.errors).toBe(7);
    expect(summary.errorKinds).toEqual({ 'status 500': 2, 'status 302': 1, 'no answer': 2, late: 1, timeout: 1 });
    expect(summary.byKind.fail).toMatchObject({ turns: 2, errors: 2 });
    expect(summary.byKind.ok).toMatchObject({ turns: 3, errors: 0 });
  });

  it('the connector keeps the replies by the activity they answer, and answers a new conversation', async () => {
    const before = connector.received();
    await driveTurns({
      endpoint,
      turns: [{ kind: 'ok', activity: { id: 'ok-9' }, answered: replied }],
      connector,
      limitMs: 2_000,
      timeoutMs: 2_000,
    });
    const created = await fetch(`${connector.url}v3/conversations`, { method: 'POST', body: '{}' });

    expect(connector.repliesTo('ok-9')).toEqual([{ type: 'message', text: 'antwoord' }]);
    expect(connector.repliesTo('ok-10')).toEqual([]);
    expect(((await created.json()) as { id?: string }).id).toMatch(/^conversation-/);
    expect(connector.received() - before).toBe(2);
  });
});
