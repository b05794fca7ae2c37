/** Prisma's codes for a database that cannot be reached, timed out or went away. */
const prismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
/** What @prisma/adapter-pg calls a lost or unreachable server. */
const adapterKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** Node's socket errors. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
/** PostgreSQL: query canceled (statement_timeout), server shutting down, connection exceptions (08…). */
const postgresCode = /^(57014|57P0[1-3]|08\d{3})$/;
/** pg's own messages, which carry no code. */
const pgMessages: Record<string, string> = {
  'Query read timeout': 'QUERY_TIMEOUT',
  'timeout exceeded when trying to connect': 'POOL_TIMEOUT',
  'Connection terminated due to connection timeout': 'CONNECT_TIMEOUT',
  'Connection terminated unexpectedly': 'CONNECTION_LOST',
  'Client has encountered a connection error and is not queryable': 'CONNECTION_LOST',
};

/**
 * Whether `error` means the database did not answer (refused, timed out, connection lost), and if so a short code
 * for the log: a Prisma code (P1001…), an adapter kind, a socket code, `PG_57014` or pg's timeout as a word. Never
 * the message itself, which may quote data.
 */
export function databaseUnavailableCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown };
    if (typeof e.code === 'string') {
      if (prismaCodes.has(e.code)) return e.code;
      if (socketCodes.has(e.code)) return e.code;
      if (postgresCode.test(e.code)) return `PG_${e.code}`;
    }
    if (typeof e.kind === 'string' && adapterKinds.has(e.kind)) return e.kind;
    if (typeof e.originalCode === 'string' && postgresCode.test(e.originalCode)) return `PG_${e.originalCode}`;
    if (typeof e.message === 'string' && pgMessages[e.message]) return pgMessages[e.message];
    current = next(current);
  }
  return undefined;
}

/** The error behind this one: `cause`, or Prisma's `meta.driverAdapterError`. */
function next(error: object): unknown {
  const e = error as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
  return e.meta?.driverAdapterError ?? e.cause;
}
