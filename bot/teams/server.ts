import { caseSearch, referenceInLink } from '../../cards/commands.ts';
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Activity } from 'botbuilder';
import type { Db } from '../../src/db/client.ts';
import type { Logger } from '../../src/logger.ts';
import { withTrace } from '../../src/audit/trace.ts';
import type { Clock } from '../../src/clock.ts';
import { contentTypeOf, fetchDownload } from '../../src/privacy/downloads.ts';
import { migrationsApplied } from '../../src/db/readiness.ts';
import type { CasusbotAdapter } from './adapter.ts';

/** A short JSON answer: never a stack, a path or a framework page. */
function answer(res: Response, status: number, error: string): void {
  res.status(status).json({ error });
}

/** Bot Framework's activity as botbuilder expects it, its timestamps as dates; undefined when it is none. */
function activityOf(body: unknown): Activity | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || !activity.type) return undefined;
  for (const key of ['timestamp', 'localTimestamp', 'expiration']) {
    if (typeof activity[key] === 'string') activity[key] = new Date(activity[key]);
  }
  return activity as unknown as Activity;
}

/**
 * The token first, then the body: without credentials configured (local mode) every request passes, otherwise one
 * without a token is refused before its body is read. A token that cannot be verified (a bad one, or signing keys
 * that cannot be fetched) is a 401; a turn that fails after it started is a 500. All answers are short JSON.
 */
async function handleMessage(
  deps: { adapter: CasusbotAdapter; app: Application<TurnState>; log: Logger; authenticated: boolean },
  req: Request,
  res: Response,
): Promise<void> {
  const authorization = req.get('authorization') ?? '';
  if (deps.authenticated && !authorization) return answer(res, 401, 'Niet geauthenticeerd.');
  const activity = activityOf(req.body);
  if (!activity) return answer(res, 400, 'Dit is geen bericht van Teams.');
  let started = false;
  try {
    // One trace per turn: every logbook event and log line of it (and of the work it starts) shares the id.
    const response = await deps.adapter.processTurn(authorization, activity, (context) => {
      started = true;
      return withTrace(() => deps.app.run(context)).then(() => undefined);
    });
    res.status(response?.status ?? 200);
    if (response?.body === undefined) res.end();
    else res.json(response.body);
  } catch (error) {
    const errorType = (error as Error)?.name;
    if (!started) {
      deps.log.warn({ errorType, activityType: activity.type }, 'request refused: its token could not be verified');
      return answer(res, 401, 'Niet geauthenticeerd.');
    }
    deps.log.error({ errorType, activityType: activity.type }, 'turn failed outside its own error handler');
    answer(res, 500, 'Er ging iets mis.');
  }
}

/** What Express itself refuses (JSON that does not parse, a body over the limit), as short JSON and a JSON log line. */
function edgeErrors(log: Logger): ErrorRequestHandler {
  return (error: { type?: string; status?: number; name?: string }, _req, res, _next) => {
    const status = error.type === 'entity.too.large' ? 413 : error.type === 'entity.parse.failed' ? 400 : 500;
    log.warn({ status, errorType: error.type ?? error.name }, 'request refused at the HTTP edge');
    const message =
      status === 413 ? 'Dit bericht is te groot.' : status === 400 ? 'Dit is geen geldige JSON.' : 'Er ging iets mis.';
    answer(res, status, message);
  };
}

/** A document behind a signed link (an inzage): once, within ten minutes; never cached, never indexed. */
async function handleDownload(
  deps: { db: Db; clock: Clock; log: Logger; linkSecret: string },
  req: Request<{ id: string }>,
  res: Response,
): Promise<void> {
  res.set({
    'Cache-Control': 'no-store',
    'X-Robots-Tag': 'noindex',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
  // A HEAD (a link preview, a scanner) must not use up the one fetch.
  if (req.method === 'HEAD') {
    res.status(405).set('Allow', 'GET').end();
    return;
  }
  const q = (key: string) => (typeof req.query[key] === 'string' ? req.query[key] : '');
  try {
    const result = await withTrace(() =>
      fetchDownload({ db: deps.db, clock: deps.clock, linkSecret: deps.linkSecret }, req.params.id, q('exp'), q('sig')),
    );
    if (!result.ok) {
      deps.log.info({ reason: result.reason }, 'download refused');
      res
        .status(result.reason === 'invalid' ? 403 : 410)
        .type('text/plain; charset=utf-8')
        .send(
          result.reason === 'invalid'
            ? 'Deze link is niet geldig.'
            : 'Deze link is verlopen of al gebruikt. Vraag de procesmanager om een nieuw document.',
        );
      return;
    }
    res
      .status(200)
      .type(contentTypeOf(result.download.fileName))
      .set('Content-Disposition', `attachment; filename="${result.download.fileName}"`)
      .send(Buffer.from(result.download.content));
  } catch (error) {
    deps.log.error({ errorType: (error as Error)?.name }, 'download failed');
    res.status(500).type('text/plain; charset=utf-8').send('Er ging iets mis. Probeer het opnieuw.');
  }
}

/** How long the scheduler may be silent: it sweeps every minute. */
const schedulerSilenceMs = 3 * 60_000;
/** The database's part of readiness must answer within this, so /readyz answers within 3 s whatever happens. */
const databaseCheckMs = 2_000;

/**
 * Readiness: the database answers within 2 s with every migration applied, and the scheduler finished a round in
 * the last three minutes. Each part is named in the answer (no error text); 503 when one fails.
 */
async function handleReadiness(
  deps: { db: Db; log: Logger; schedulerTickedAt: () => Date | undefined },
  res: Response,
): Promise<void> {
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), databaseCheckMs).unref());
  const database = await Promise.race([
    migrationsApplied(deps.db).then((applied) => (applied ? 'ok' : 'migrations pending')),
    timeout,
  ]).catch(() => 'unavailable');
  const tick = deps.schedulerTickedAt();
  const scheduler = tick && Date.now() - tick.getTime() < schedulerSilenceMs ? 'ok' : 'stalled';
  const ready = database === 'ok' && scheduler === 'ok';
  if (!ready) deps.log.warn({ database, scheduler }, 'not ready');
  res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', database, scheduler });
}

export function createHttpApp(deps: {
  adapter: CasusbotAdapter;
  /** App credentials are configured: a request without a token is refused. */
  authenticated: boolean;
  app: Application<TurnState>;
  db: Db;
  log: Logger;
  clock: Clock;
  linkSecret: string;
  /** When the scheduler last finished a round (undefined before its first, or where none runs). */
  schedulerTickedAt: () => Date | undefined;
}) {
  const http = express();
  http.disable('x-powered-by');
  http.use(express.json({ limit: '1mb' }));

  http.post('/api/messages', (req, res) => handleMessage(deps, req, res));

  http.get('/downloads/:id', (req, res) => handleDownload(deps, req, res));

  // A link to a case is for pasting in Teams, where it unfurls (bot/features/case-references.ts). Opened in a
  // browser it says where to look, the same for every reference: it looks nothing up.
  http.get(`${caseSearch.linkPath}:reference`, (req, res) => {
    const reference = referenceInLink(req.path);
    if (!reference) return answer(res, 404, 'Niet gevonden.');
    res
      .type('text/plain; charset=utf-8')
      .send(
        `Casus ${reference}: open Casusbot in Teams en typ "casus ${reference}". Je ziet dan wat jouw organisatie mag zien.`,
      );
  });

  // Liveness: the process answers; it asks nothing of the database, so a slow database never restarts the bot.
  http.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  http.get('/readyz', (_req, res) => handleReadiness(deps, res));
  http.use((_req, res) => answer(res, 404, 'Niet gevonden.'));
  http.use(edgeErrors(deps.log));
  return http;
}
