import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';

describe('the embedded database under concurrent use', () => {
  it('when many different queries and transactions run at once, then each gets its own answer', async () => {
    const pg = await startEmbeddedPostgres();
    await migrateDatabase(pg.url);
    const db = createDb(pg.url, { embedded: true });
    try {
      await seedDemoData(db, [...demoMembers]);
      const work = Array.from({ length: 30 }, (_, i) =>
        i % 3 === 0
          ? db.organisation.count().then((n) => ['organisations', n] as const)
          : i % 3 === 1
            ? db.member
                .findMany({ where: { role: 'processManager' } })
                .then((m) => ['processManagers', m.length] as const)
            : db
                .$transaction(async (tx) => [await tx.member.count(), await tx.organisation.count()])
                .then(([m, o]) => ['both', `${m}/${o}`] as const),
      );
      const answers = await Promise.all(work);
      for (const [kind, value] of answers) {
        expect(value).toBe({ organisations: 15, processManagers: 1, both: '5/15' }[kind]);
      }
    } finally {
      await db.$disconnect();
      await pg.stop();
    }
  });
});
