import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../prisma/generated/client.ts';
import { embeddedTimeouts, serverTimeouts, type DbTimeouts } from './timeouts.ts';

export type { DbTimeouts } from './timeouts.ts';

export type Db = PrismaClient;
/** What a repository receives: the client itself or the transaction it runs in. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** How much longer than the server's statement_timeout the client waits before it drops the connection. */
const readSlackMs = 1_000;

/**
 * A pg client that drops its connection when a query gets no answer in time. pg's own `query_timeout` only fails
 * the query: the connection stays checked out with the query still pending on it, and every later query (a
 * transaction's ROLLBACK first) waits on the dead socket again.
 */
function boundedClient(connectMs: number, onStatement?: (sql: string) => void): typeof pg.Client {
  return class BoundedClient extends pg.Client {
    constructor(config: pg.ClientConfig) {
      super({ ...config, connectionTimeoutMillis: connectMs });
    }

    override query(...args: unknown[]): never {
      onStatement?.(statementText(args[0]));
      const dropOnTimeout = (error: unknown) => {
        if ((error as Error | undefined)?.message === 'Query read timeout') this.dropConnection();
      };
      const last = args.length - 1;
      if (typeof args[last] === 'function') {
        const callback = args[last] as (error: unknown, result: unknown) => void;
        args[last] = (error: unknown, result: unknown) => {
          dropOnTimeout(error);
          callback(error, result);
        };
      }
      const result = (super.query as (...a: unknown[]) => unknown)(...args);
      if (result instanceof Promise) result.catch(dropOnTimeout);
      return result as never;
    }

    private dropConnection(): void {
      (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    }
  };
}

function statementText(query: unknown): string {
  if (typeof query === 'string') return query;
  const text = (query as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : '';
}

/**
 * `embedded`: the PGlite socket server processes each protocol message on its own, so the extended-query
 * messages of two connections can interleave and one query can get another's portal (seen here as
 * "portal does not exist" and as wrong results). One connection keeps every query whole; PGlite runs one
 * query at a time anyway. Transactions may then wait for the connection, hence the embedded timeouts.
 * PGlite is one session, so no server-side timeouts are set there (an idle-transaction timeout would end it).
 */
export function createDb(
  databaseUrl: string,
  options: {
    embedded?: boolean;
    poolSize?: number;
    timeouts?: DbTimeouts;
    /**
     * Called for every statement sent to the database, BEGIN and COMMIT included: what a round trip costs. For the
     * tests and the bench that count statements per turn.
     */
    onStatement?: (sql: string) => void;
  } = {},
): Db {
  const max = options.embedded ? 1 : (options.poolSize ?? 10);
  const t = options.timeouts ?? (options.embedded ? embeddedTimeouts : serverTimeouts);
  const serverSide = options.embedded
    ? {}
    : {
        statement_timeout: t.statementMs,
        // A transaction left open by an instance that vanished must not hold its locks for long.
        idle_in_transaction_session_timeout: t.transactionMs + 5_000,
      };
  const poolConfig: pg.PoolConfig = {
    connectionString: databaseUrl,
    max,
    connectionTimeoutMillis: t.acquireMs,
    query_timeout: t.statementMs + readSlackMs,
    keepAlive: true,
    ...serverSide,
    Client: boundedClient(t.connectMs, options.onStatement),
  };
  // The adapter builds its pg.Pool from this (the same pg at run time; its bundled @types/pg differ by a method).
  const adapter = new PrismaPg(poolConfig as ConstructorParameters<typeof PrismaPg>[0]);
  return new PrismaClient({ adapter, transactionOptions: { maxWait: t.acquireMs, timeout: t.transactionMs } });
}

/**
 * Whether a write failed on a unique constraint (Prisma's P2002): how two copies of one card submission at the same
 * moment are told apart, the unique submission id letting exactly one in.
 */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}
