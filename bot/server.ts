import express from 'express';
import type { TeamsAdapter, Application, TurnState } from '@microsoft/teams-ai';
import type { Db } from '../src/db/client.ts';
import type { Logger } from '../src/logger.ts';
import { withTrace } from '../src/audit/trace.ts';

export function createHttpApp(deps: { adapter: TeamsAdapter; app: Application<TurnState>; db: Db; log: Logger }) {
  const http = express();
  http.disable('x-powered-by');
  http.use(express.json({ limit: '1mb' }));

  http.post('/api/messages', async (req, res) => {
    // One trace per turn: every logbook event and log line of it (and of the work it starts) shares the id.
    await deps.adapter.process(req, res, (context) => withTrace(() => deps.app.run(context)).then(() => undefined));
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
