import { describe, expect, it } from 'vitest';
import { PrismaStorage } from '../../bot/teams/storage.ts';
import { useDatabase } from '../support/database.ts';

const db = useDatabase();

describe('PrismaStorage (botbuilder Storage on PostgreSQL)', () => {
  const storage = () => new PrismaStorage(db);

  it('reads back what it wrote, with an eTag', async () => {
    await storage().write({ 'conv/1': { topic: 'agenda' } });
    const items = await storage().read(['conv/1', 'missing']);
    expect(items['conv/1']).toMatchObject({ topic: 'agenda', eTag: '1' });
    expect(items.missing).toBeUndefined();
  });

  it('when two instances write from the same read, then exactly one wins and the other gets a conflict', async () => {
    await storage().write({ k: { n: 0 } });
    const [a, b] = [await storage().read(['k']), await storage().read(['k'])];
    const results = await Promise.allSettled([
      storage().write({ k: { ...a.k, n: 1 } }),
      storage().write({ k: { ...b.k, n: 2 } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const winner = results.findIndex((r) => r.status === 'fulfilled') + 1;
    expect((await storage().read(['k'])).k).toMatchObject({ n: winner, eTag: '2' });
  });

  it("when the eTag is '*', then it overwrites whatever is there", async () => {
    await storage().write({ k: { n: 1 } });
    await storage().write({ k: { n: 2, eTag: '*' } });
    expect((await storage().read(['k'])).k).toMatchObject({ n: 2 });
  });

  it('deletes', async () => {
    await storage().write({ a: { x: 1 }, b: { x: 2 } });
    await storage().delete(['a']);
    expect(Object.keys(await storage().read(['a', 'b']))).toEqual(['b']);
  });
});
