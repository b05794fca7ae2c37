import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('embedded database', () => {
  it('when the bot restarts on the same data folder, then the store is still there', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'casusbot-data-'));
    dirs.push(dataDir);

    const first = await startEmbeddedPostgres({ dataDir });
    expect(await migrateDatabase(first.url)).not.toEqual([]);
    const db1 = createDb(first.url, { embedded: true });
    await seedDemoData(db1);
    const count = await db1.organisation.count();
    await db1.$disconnect();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir });
    expect(await migrateDatabase(second.url)).toEqual([]);
    const db2 = createDb(second.url, { embedded: true });
    expect(await db2.organisation.count()).toBe(count);
    expect(count).toBe(15);
    await db2.$disconnect();
    await second.stop();
  });
});
