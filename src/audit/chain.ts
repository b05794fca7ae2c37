import { createHash } from 'node:crypto';
import type { Db, Tx } from '../db/client.ts';
import { recordAudit } from './audit.repository.ts';

/**
 * Tamper evidence for the logbook (BIO: changing or removing a log entry must be detectable). Every audit row carries
 * the hash of the row before it and its own: sha256 over that previous hash and the row's fields. A row changed
 * afterwards no longer matches its hash; a row removed breaks the next row's link; rows removed at the end no longer
 * reach the hash the chain's state (audit_chain) holds.
 *
 * The chain is not made by the transactions that write audit rows: they would all wait on one lock (the previous
 * hash), with two instances a point of contention and of deadlocks, and a hot turn would gain statements. A sealing
 * job hashes the rows afterwards instead, in id order, a batch per transaction, holding only the chain's state row.
 * It seals only rows older than a safety margin: an id is taken at insert, a transaction commits later, so a row
 * with a lower id may become visible after one with a higher id; past the margin (longer than any transaction may
 * last, see `sealMarginMs`) every row below a visible one is visible too, and none is skipped.
 */

/** What the chain hashes of a row: every field, none of them personal data. */
export interface ChainRow {
  id: bigint;
  at: Date;
  traceId: string | null;
  actorAadObjectId: string | null;
  actorOrganisationId: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  caseId: string | null;
  purpose: string;
  outcome: string;
  prevHash: string | null;
  hash: string | null;
}

/** The previous hash of the very first row. */
export const genesisHash = '';

/** A row's fields in a fixed order and form (the time in milliseconds): the same bytes on every instance. */
export function canonicalRow(r: ChainRow): string {
  return JSON.stringify([
    r.id.toString(),
    r.at.getTime(),
    r.traceId,
    r.actorAadObjectId,
    r.actorOrganisationId,
    r.action,
    r.recordType,
    r.recordId,
    r.caseId,
    r.purpose,
    r.outcome,
  ]);
}

export function chainHash(prevHash: string, r: ChainRow): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalRow(r)).digest('hex');
}

/**
 * How old a row must be before it is sealed: longer than a transaction can take to commit after it took its id
 * (twice the transaction timeout and a statement: the row's own transaction, and one that started before it), and
 * at least a minute.
 */
export function sealMarginMs(timeouts: { statementMs: number; transactionMs: number }): number {
  return Math.max(60_000, 2 * timeouts.transactionMs + timeouts.statementMs);
}

interface ChainState {
  sealedThroughId: bigint;
  lastHash: string;
  anchorHash: string;
  prunedThroughId: bigint;
}

const columns = `id, at, "traceId", "actorAadObjectId", "actorOrganisationId"::text AS "actorOrganisationId", action,
  "recordType", "recordId", "caseId"::text AS "caseId", purpose, outcome, "prevHash", hash`;

/** The chain's state, locked for this transaction when `lock`: sealing and pruning take turns on it. */
async function chainState(tx: Tx, lock: boolean): Promise<ChainState> {
  const rows = lock
    ? await tx.$queryRaw<ChainState[]>`
        SELECT "sealedThroughId", "lastHash", "anchorHash", "prunedThroughId" FROM audit_chain WHERE id = 1 FOR UPDATE`
    : await tx.$queryRaw<ChainState[]>`
        SELECT "sealedThroughId", "lastHash", "anchorHash", "prunedThroughId" FROM audit_chain WHERE id = 1`;
  if (rows[0]) return rows[0];
  // The migration writes the row; a database emptied by hand starts the chain again.
  await tx.$executeRaw`INSERT INTO audit_chain (id) VALUES (1) ON CONFLICT DO NOTHING`;
  return chainState(tx, lock);
}

/** Rows after `afterId` in id order, with whether each is past the margin (by the database's clock, like `at`). */
async function rowsAfter(tx: Tx, afterId: bigint, take: number, marginMs: number) {
  return tx.$queryRawUnsafe<(ChainRow & { due: boolean })[]>(
    `SELECT ${columns}, at <= now() - ($2::int * interval '1 millisecond') AS due
       FROM audit_event WHERE id > $1::bigint ORDER BY id LIMIT $3::int`,
    afterId.toString(),
    marginMs,
    take,
  );
}

/** Seals one batch in one transaction; returns how many rows it sealed. */
async function sealBatch(db: Db, marginMs: number, batchSize: number): Promise<number> {
  return db.$transaction(async (tx) => {
    const state = await chainState(tx, true);
    const rows = await rowsAfter(tx, state.sealedThroughId, batchSize, marginMs);
    // Up to the first row still inside the margin: the chain is sealed in id order, without gaps.
    const firstYoung = rows.findIndex((r) => !r.due);
    const due = firstYoung === -1 ? rows : rows.slice(0, firstYoung);
    if (!due.length) return 0;
    let prev = state.lastHash;
    const ids: string[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    for (const r of due) {
      const hash = chainHash(prev, r);
      ids.push(r.id.toString());
      prevs.push(prev);
      hashes.push(hash);
      prev = hash;
    }
    await tx.$executeRaw`
      UPDATE audit_event AS a SET "prevHash" = v.p, hash = v.h
        FROM unnest(${ids}::text[], ${prevs}::text[], ${hashes}::text[]) AS v(id, p, h)
       WHERE a.id = v.id::bigint AND a.hash IS NULL`;
    await tx.$executeRaw`
      UPDATE audit_chain SET "sealedThroughId" = ${ids.at(-1)!}::bigint, "lastHash" = ${prev}, "updatedAt" = now()
       WHERE id = 1`;
    return due.length;
  });
}

export const sealBatchSize = 1000;

/**
 * Seals every row that is due (older than the margin), a batch per transaction; returns how many. Stops after
 * `maxBatches` (the rest waits for the next run). Two instances at once take turns on the chain's state row.
 */
export async function sealLogbook(
  db: Db,
  options: { marginMs: number; batchSize?: number; maxBatches?: number },
): Promise<number> {
  let sealed = 0;
  for (let batch = 0; batch < (options.maxBatches ?? Number.POSITIVE_INFINITY); batch++) {
    const n = await sealBatch(db, options.marginMs, options.batchSize ?? sealBatchSize);
    sealed += n;
    if (n < (options.batchSize ?? sealBatchSize)) break;
  }
  return sealed;
}

export interface ChainBreak {
  /** The row where the chain breaks: its number (id) and time; never its content. */
  id: string;
  at: Date;
  /**
   * changed: the row's fields no longer match its hash; link: its link to the row before does not match (a row
   * before it was removed, or its link changed); unsealed: a row among the sealed ones without a hash; end: sealed
   * rows after this one were removed.
   */
  kind: 'changed' | 'link' | 'unsealed' | 'end';
}

export interface ChainVerdict {
  /** Sealed rows checked (up to the break). */
  checked: number;
  /** Rows not sealed yet (younger than the margin). */
  unsealed: number;
  firstBreak?: ChainBreak;
}

export const verifyBatchSize = 5000;

/**
 * Walks the whole chain in id order, a batch at a time (keyset pages, a constant amount of memory): each sealed row's
 * link must be the hash before it (the anchor for the first kept row), its hash must match its fields, and the last
 * sealed row must be the one the chain's state names. Stops at the first break.
 */
export async function verifyLogbook(db: Db, options: { batchSize?: number } = {}): Promise<ChainVerdict> {
  const state = await chainState(db, false);
  const walk = { prev: state.anchorHash, last: undefined as ChainRow | undefined, checked: 0, unsealed: 0 };
  const take = options.batchSize ?? verifyBatchSize;
  for (let cursor = 0n; ;) {
    const rows = await rowsAfter(db, cursor, take, 0);
    for (const r of rows) {
      const broken = checkRow(r, state, walk);
      if (broken) return { checked: walk.checked, unsealed: walk.unsealed, firstBreak: broken };
    }
    if (rows.length < take) break;
    cursor = rows.at(-1)!.id;
  }
  // Sealed rows removed at the end: the last one left is not the one the state names (or no longer ends on its hash).
  const last = walk.last;
  const endsShort = last ? last.id < state.sealedThroughId : state.sealedThroughId > state.prunedThroughId;
  if (endsShort || (last && last.id === state.sealedThroughId && walk.prev !== state.lastHash)) {
    const at = last?.at ?? new Date(0);
    return {
      checked: walk.checked,
      unsealed: walk.unsealed,
      firstBreak: { id: (last?.id ?? state.prunedThroughId).toString(), at, kind: 'end' },
    };
  }
  return { checked: walk.checked, unsealed: walk.unsealed };
}

/** One row of the walk: undefined when it holds, else where and how the chain breaks. */
function checkRow(
  r: ChainRow,
  state: ChainState,
  walk: { prev: string; last: ChainRow | undefined; checked: number; unsealed: number },
): ChainBreak | undefined {
  const at = { id: r.id.toString(), at: r.at };
  if (r.hash === null || r.prevHash === null) {
    // Below the sealed end every row has a hash; and nothing is sealed after a row that is not.
    if (r.id <= state.sealedThroughId) return { ...at, kind: 'unsealed' };
    walk.unsealed++;
    return undefined;
  }
  if (walk.unsealed > 0) return { ...at, kind: 'link' };
  if (r.prevHash !== walk.prev) return { ...at, kind: 'link' };
  if (chainHash(r.prevHash, r) !== r.hash) return { ...at, kind: 'changed' };
  walk.prev = r.hash;
  walk.last = r;
  walk.checked++;
  return undefined;
}

export const pruneBatchSize = 5000;

/**
 * Removes sealed rows older than `before`, oldest first, a batch per transaction (the only deletion the logbook's
 * trigger allows, and only in a transaction that says so). The hash of the last row removed becomes the anchor:
 * the first kept row's prevHash, so the chain stays verifiable. Records the pruning itself (up to which row, how
 * many) as an event of the system. Returns how many rows went. With `maxBatches`, a backlog continues next time.
 */
export async function pruneLogbook(
  db: Db,
  options: { before: Date; marginMs: number; batchSize?: number; maxBatches?: number },
): Promise<{ count: number; throughId?: string }> {
  // What is due is sealed first: only sealed rows go, and the anchor is a sealed row's hash.
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  await sealLogbook(db, { marginMs: options.marginMs, maxBatches });
  const take = options.batchSize ?? pruneBatchSize;
  let count = 0;
  let throughId: string | undefined;
  for (let round = 0; round < maxBatches; round++) {
    const batch = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('casusbot.audit_prune', 'on', true)`;
      const state = await chainState(tx, true);
      const rows = await tx.$queryRaw<{ id: bigint; hash: string | null; old: boolean }[]>`
        SELECT id, hash, at < ${options.before} AS old FROM audit_event
         WHERE id <= ${state.sealedThroughId} ORDER BY id LIMIT ${take}`;
      const end = rows.findIndex((r) => !r.old || r.hash === null);
      const gone = end === -1 ? rows : rows.slice(0, end);
      if (!gone.length) return { n: 0, full: false };
      const last = gone.at(-1)!;
      const n = await tx.$executeRaw`DELETE FROM audit_event WHERE id <= ${last.id}`;
      await tx.$executeRaw`
        UPDATE audit_chain SET "anchorHash" = ${last.hash}, "prunedThroughId" = ${last.id}, "updatedAt" = now()
         WHERE id = 1`;
      return { n, through: last.id.toString(), full: gone.length === take };
    });
    count += batch.n;
    if (batch.through) throughId = batch.through;
    if (!batch.full) break;
  }
  if (count)
    await recordAudit(db, 'system', {
      action: 'logbook.pruned',
      recordType: 'logbook',
      // Up to which row, and how many rows: ids and a count, no content.
      recordId: `${throughId}:${count}`,
      purpose: 'verwijdering',
    });
  return { count, ...(throughId ? { throughId } : {}) };
}
