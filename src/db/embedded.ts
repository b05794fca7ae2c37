import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to WebAssembly, persisted to `dataDir` (in memory when absent) and served on a
 * loopback port, so the same driver, client and migrations serve it and a real server alike.
 */
export async function startEmbeddedPostgres(
  options: { dataDir?: string; port?: number } = {},
): Promise<EmbeddedPostgres> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  // PostgreSQL's default 128 MB of shared buffers lives in the bot's own memory here (the WebAssembly heap); 32 MB
  // holds a ZVH's working set (the data files stay in the operating system's cache) at about 100 MB less RSS.
  const db = await PGlite.create(options.dataDir, { postgresqlconf: ['shared_buffers = 32MB'] });
  // One pool of the bot plus the migration engine: PGlite queues their queries itself.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port ?? 0, maxConnections: 32 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
