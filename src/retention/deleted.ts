import type { Db } from '../db/client.ts';
import { findDeletedCase, type DeletedCase } from './retention.repository.ts';

/**
 * A reference of a case that was deleted when its retention period passed: when it was deleted, so that a
 * partner who looks it up hears "verwijderd op …" instead of "niet gevonden". Nothing else of the case is left.
 */
export async function deletedNotice(db: Db, reference: string): Promise<DeletedCase | undefined> {
  const normalised = reference.trim().toUpperCase();
  if (!/^ZVH-\d{4}-\d{4,}$/.test(normalised)) return undefined;
  return findDeletedCase(db, normalised);
}
