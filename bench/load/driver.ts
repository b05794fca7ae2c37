// The load driver: a fake Bot Connector that takes the bot's replies, and many turns sent at once to /api/messages.
// Plain Node (http, fetch): it knows nothing of botbuilder, so a test can run it against a stub server.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { performance } from 'node:perf_hooks';

/** An activity the bot sent to the connector, as far as the driver looks at it. */
export interface SentActivity {
  type?: string;
  text?: string;
  attachments?: unknown[];
}

/**
 * A tiny Bot Connector: teams-ai sends replies to the activity's serviceUrl, so that URL points here. It accepts
 * every POST of an activity (a reply, a new conversation, a proactive message) and every PUT (a card update) with
 * 200 and an id, and remembers the replies by the activity they answer.
 */
export interface FakeConnector {
  /** The serviceUrl for the activities sent to the bot (ends with a slash, as Teams sends it). */
  url: string;
  /** The replies so far to the activity with this id. */
  repliesTo(activityId: string): SentActivity[];
  /** Everything the connector was sent, replies included. */
  received(): number;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const replies = new Map<string, SentActivity[]>();
  let received = 0;
  let ids = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await bodyOf(req);
      const path = new URL(req.url ?? '/', 'http://connector').pathname;
      res.setHeader('content-type', 'application/json');
      if (req.method === 'GET') {
        // The roster (pagedmembers) and whatever else is read: nobody, so the bot falls back to asking by hand.
        res.end(JSON.stringify(path.endsWith('/pagedmembers') ? { members: [] } : []));
        return;
      }
      received++;
      const reply = /\/v3\/conversations\/[^/]+\/activities\/([^/]+)$/.exec(path);
      if (req.method === 'POST' && reply) {
        const activityId = decodeURIComponent(reply[1]!);
        replies.set(activityId, [...(replies.get(activityId) ?? []), body ?? {}]);
      }
      const id = `connector-${++ids}`;
      // POST /v3/conversations answers a new conversation; everything else the id of the activity.
      res.end(
        JSON.stringify(/\/v3\/conversations\/?$/.test(path) ? { id: `conversation-${id}`, activityId: id } : { id }),
      );
    })();
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    repliesTo: (activityId) => replies.get(activityId) ?? [],
    received: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** What came back for one turn: the HTTP answer of /api/messages and the replies the connector got for it. */
export interface TurnAnswer {
  status: number;
  body: unknown;
  replies: SentActivity[];
}

export interface Turn {
  /** The kind, for the figures per kind (hulp, casussen, …). */
  kind: string;
  /** The activity as Teams would post it; its `id` is what the replies answer. */
  activity: { id: string } & Record<string, unknown>;
  /** Whether the answer is the one this turn should get; a 2xx status is checked before. */
  answered(answer: TurnAnswer): boolean;
}

export interface TurnResult {
  kind: string;
  ms: number;
  ok: boolean;
  /** Why it counts as an error: `status 500`, `no answer`, `late`, `timeout`, `network`. */
  error?: string;
}

/**
 * Sends every turn at once and waits for all of them. A turn is an error when the request fails or times out, the
 * status is not 2xx, the answer is not the one it should get (for a message: no reply reached the connector by the
 * time /api/messages answered, which is when teams-ai has sent it), or it came after the limit.
 */
export async function driveTurns(options: {
  endpoint: string;
  turns: Turn[];
  connector: Pick<FakeConnector, 'repliesTo'>;
  /** An answer after this is an error (`late`): Teams waits 15 s for the bot's answer. */
  limitMs: number;
  /** The driver stops waiting after this (`timeout`); longer than the limit, so the tail is measured. */
  timeoutMs: number;
  /** How many turns are under way at once; all of them when absent. */
  concurrency?: number;
}): Promise<{ results: TurnResult[]; elapsedMs: number }> {
  const start = performance.now();
  const one = async (turn: Turn): Promise<TurnResult> => {
    const begin = performance.now();
    const result = (ok: boolean, error?: string): TurnResult => ({
      kind: turn.kind,
      ms: performance.now() - begin,
      ok,
      ...(error ? { error } : {}),
    });
    try {
      const response = await fetch(options.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(turn.activity),
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const text = await response.text();
      if (response.status < 200 || response.status > 299) return result(false, `status ${response.status}`);
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const answer = { status: response.status, body, replies: options.connector.repliesTo(turn.activity.id) };
      if (!turn.answered(answer)) return result(false, 'no answer');
      return performance.now() - begin > options.limitMs ? result(false, 'late') : result(true);
    } catch (error) {
      const name = (error as Error)?.name;
      return result(false, name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network');
    }
  };
  const width = Math.min(options.concurrency ?? options.turns.length, options.turns.length);
  const results: TurnResult[] = new Array(options.turns.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let i = next++; i < options.turns.length; i = next++) results[i] = await one(options.turns[i]!);
    }),
  );
  return { results, elapsedMs: performance.now() - start };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export interface LoadSummary {
  turns: number;
  errors: number;
  /** Errors by reason: `status 500` 3, `timeout` 1, … */
  errorKinds: Record<string, number>;
  p50: number;
  p99: number;
  turnsPerSecond: number;
  /** p50 and p99 per kind of turn. */
  byKind: Record<string, { turns: number; errors: number; p50: number; p99: number }>;
}

/** Latencies are over every turn, failed ones included (a turn that timed out counts with its wait). */
export function summarise(run: { results: TurnResult[]; elapsedMs: number }): LoadSummary {
  const stats = (results: TurnResult[]) => {
    const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
    return {
      turns: results.length,
      errors: results.filter((r) => !r.ok).length,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
    };
  };
  const errorKinds: Record<string, number> = {};
  for (const r of run.results) if (!r.ok) errorKinds[r.error ?? '?'] = (errorKinds[r.error ?? '?'] ?? 0) + 1;
  const kinds = [...new Set(run.results.map((r) => r.kind))];
  return {
    ...stats(run.results),
    errorKinds,
    turnsPerSecond: run.results.length / (run.elapsedMs / 1000),
    byKind: Object.fromEntries(kinds.map((k) => [k, stats(run.results.filter((r) => r.kind === k))])),
  };
}
