/** How long the bot waits for the database before it gives up and says so (milliseconds). */
export interface DbTimeouts {
  /** Opening a connection: TCP and PostgreSQL's start-up handshake. */
  connectMs: number;
  /**
   * One statement. The server cancels it after this (`statement_timeout`); a server that does not answer at all is
   * given up one second later and its connection dropped, so a dead connection is never used again.
   */
  statementMs: number;
  /** Waiting for a free connection of the pool (also the longest wait to start a transaction). */
  acquireMs: number;
  /** An interactive transaction as a whole. */
  transactionMs: number;
}

/** A PostgreSQL server: the defaults of DB_*_TIMEOUT_MS (src/config.ts). */
export const serverTimeouts: DbTimeouts = {
  connectMs: 5_000,
  statementMs: 10_000,
  acquireMs: 5_000,
  transactionMs: 20_000,
};

/**
 * The embedded PGlite runs in this process and cannot stop answering, but it serves one connection, so under load a
 * query waits its turn behind the others: generous bounds, only against a bug that would hang forever.
 */
export const embeddedTimeouts: DbTimeouts = {
  connectMs: 30_000,
  statementMs: 60_000,
  acquireMs: 60_000,
  transactionMs: 60_000,
};
