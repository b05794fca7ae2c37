// Child process of the load bench: the bare teams-ai bot (bench/bare.ts) over HTTP, with teams-ai's own adapter and
// botbuilder's `process` behind Express, unauthenticated (no app id), as a minimal teams-ai bot is served.
import type { Server } from 'node:http';
import { TeamsAdapter } from '@microsoft/teams-ai';
import express from 'express';
import { bareApplication } from '../bare.ts';
import { serveForBench } from './process.ts';

await serveForBench(async () => {
  const app = bareApplication();
  const adapter = new TeamsAdapter({});
  const http = express();
  http.use(express.json({ limit: '1mb' }));
  http.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
  });
  const server: Server = await new Promise((resolve) => {
    const s = http.listen(0, '127.0.0.1', () => resolve(s));
  });
  server.keepAliveTimeout = 30_000;
  return {
    port: (server.address() as { port: number }).port,
    data: undefined,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
});
