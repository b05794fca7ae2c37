import type { Db } from '../../src/db/client.ts';

/**
 * Empties every table but the migration history (the audit trigger allows TRUNCATE, not DELETE). On PostgreSQL the
 * TRUNCATE can meet the background work a previous test left running (an outbox delivery, a background publish) and
 * lose a deadlock to it: PostgreSQL rolls the TRUNCATE back whole, so it is simply tried again.
 */
export async function emptyDatabase(db: Db): Promise<void> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  const truncate = `TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`;
  for (let attempt = 1; ; attempt++) {
    try {
      await db.$executeRawUnsafe(truncate);
      return;
    } catch (error) {
      const deadlock = (error as { meta?: { code?: string } }).meta?.code === '40P01' || /40P01/.test(String(error));
      if (!deadlock || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
