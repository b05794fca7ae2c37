import type { Clock } from './clock.ts';
import type { Db } from './db/client.ts';

/** What every use case gets: the database and the time. Settings a use case needs are added to it by name. */
export interface UseCaseDeps {
  db: Db;
  clock: Clock;
}
