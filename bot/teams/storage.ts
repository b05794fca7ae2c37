import type { Storage, StoreItems } from 'botbuilder';
import type { Db } from '../../src/db/client.ts';
import { deleteStates, readStates, writeState } from '../../src/state/bot-state.repository.ts';

/** botbuilder's Storage on PostgreSQL, so several bot instances share turn state with eTag concurrency. */
export class PrismaStorage implements Storage {
  constructor(private readonly db: Db) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const [key, state] of await readStates(this.db, keys)) items[key] = { ...state.data, eTag: state.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...data } = (item ?? {}) as Record<string, unknown> & { eTag?: string };
      await writeState(this.db, key, data, eTag);
    }
  }

  async delete(keys: string[]): Promise<void> {
    await deleteStates(this.db, keys);
  }
}
