import express from 'express';
import type { TeamsAdapter, Application, TurnState } from '@microsoft/teams-ai';
import type { Db } from '../../src/db/client.ts';
import type { Logger } from '../../src/logger.ts';
import { withTrace } from '../../src/audit/trace.ts';
import type { Clock } from '../../src/clock.ts';
import { contentTypeOf, fetchDownload } from '../../src/privacy/downloads.ts';

export function createHttpApp(deps: {
  adapter: TeamsAdapter;
  app: Application<TurnState>;
  db: Db;
  log: Logger;
  clock: Clock;
  linkSecret: string;
}) {
  const http = express();
  http.disable('x-powered-by');
  http.use(express.json({ limit: '1mb' }));

  http.post('/api/messages', async (req, res) => {
    // One trace per turn: every logbook event and log line of it (and of the work it starts) shares the id.
    await deps.adapter.process(req, res, (context) => withTrace(() => deps.app.run(context)).then(() => undefined));
  });

  // A document behind a signed link (an inzage): once, within ten minutes; never cached, never indexed.
  http.get('/downloads/:id', async (req, res) => {
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
        fetchDownload(
          { db: deps.db, clock: deps.clock, linkSecret: deps.linkSecret },
          req.params.id,
          q('exp'),
          q('sig'),
        ),
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
  });

  http.get('/healthz', async (_req, res) => {
    try {
      await deps.db.$queryRaw`SELECT 1`;
      res.json({ status: 'ok' });
    } catch (error) {
      deps.log.error({ errorType: (error as Error)?.name }, 'health check: database unreachable');
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  return http;
}
