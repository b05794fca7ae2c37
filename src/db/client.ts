import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../prisma/generated/client.ts';

export type Db = PrismaClient;
/** What a repository receives: the client itself or the transaction it runs in. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/**
 * `embedded`: the PGlite socket server processes each protocol message on its own, so the extended-query
 * messages of two connections can interleave and one query can get another's portal (seen here as
 * "portal does not exist" and as wrong results). One connection keeps every query whole; PGlite runs one
 * query at a time anyway. Transactions may then wait for the connection, hence the longer maxWait.
 */
export function createDb(databaseUrl: string, options: { embedded?: boolean; poolSize?: number } = {}): Db {
  const max = options.embedded ? 1 : (options.poolSize ?? 10);
  const adapter = new PrismaPg({ connectionString: databaseUrl, max });
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 20_000 } });
}

/**
 * Whether a write failed on a unique constraint (Prisma's P2002): how two copies of one card submission at the same
 * moment are told apart, the unique submission id letting exactly one in.
 */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}
