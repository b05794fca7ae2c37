import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Clock } from '../clock.ts';
import type { ProcessingActivity } from '../audit/processing-activities.ts';
import type { Db } from '../db/client.ts';
import { isUuid } from '../validation.ts';
import { ensureJob } from '../jobs/job.repository.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { createDownload, deleteDownloadIfExpired, takeDownload, type StoredDownload } from './download.repository.ts';
import { linkLifetimeMs, signLink, verifyLink } from './signed-link.ts';

export interface DownloadDeps {
  db: Db;
  clock: Clock;
  /** The bot's secret for signing links (LINK_SECRET). */
  linkSecret: string;
  /** Where the bot is reached from the browser (PUBLIC_URL). */
  publicUrl: string;
}

export const downloadExpiryJob = 'download.expire';

/** At a document's expiry: removes it if it was not fetched. */
export function downloadExpiryHandler(deps: { db: Db }): JobHandler {
  return {
    kind: downloadExpiryJob,
    async run(job, context) {
      if (isUuid(job.subjectId)) await deleteDownloadIfExpired(deps.db, job.subjectId, context.now);
      return { state: 'done' };
    },
  };
}

/** The processing activity a fetched document belongs to, by its kind. */
const purposeOf: Record<string, ProcessingActivity> = { inzage: 'inzage', figures: 'kengetallen', logbook: 'logboek' };

/** What a browser is told a document is, by its file name. */
export function contentTypeOf(fileName: string): string {
  return fileName.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/pdf';
}

/** Stores a document and returns the signed link that fetches it once within ten minutes. */
export async function offerDownload(
  deps: DownloadDeps,
  actor: Actor,
  input: { kind: string; fileName: string; content: Uint8Array },
): Promise<{ url: string; expiresAt: Date }> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + linkLifetimeMs);
  // The document and the job that removes it at its expiry, together: unfetched, it is gone on time, not at a sweep.
  const id = await deps.db.$transaction(async (tx) => {
    const created = await createDownload(
      tx,
      { ...input, createdByAadObjectId: actor.aadObjectId, createdByOrganisationId: actor.organisationId, expiresAt },
      now,
    );
    await ensureJob(tx, { kind: downloadExpiryJob, subjectId: created, dueAt: expiresAt });
    return created;
  });
  const url = `${deps.publicUrl.replace(/\/$/, '')}/downloads/${id}?exp=${expiresAt.getTime()}&sig=${signLink(deps.linkSecret, id, expiresAt)}`;
  return { url, expiresAt };
}

export type FetchResult =
  { ok: true; download: StoredDownload } | { ok: false; reason: 'invalid' | 'expired' | 'gone' };

/** The link's fetch: signature and expiry first, then the document is taken out (and so gone for a second fetch). Logged. */
export async function fetchDownload(
  deps: Omit<DownloadDeps, 'publicUrl'>,
  id: string,
  expires: string,
  signature: string,
): Promise<FetchResult> {
  if (!isUuid(id)) return { ok: false, reason: 'invalid' };
  const now = deps.clock.now();
  const verdict = verifyLink(deps.linkSecret, id, expires, signature, now);
  if (verdict !== 'ok') return { ok: false, reason: verdict };
  return deps.db.$transaction(async (tx) => {
    const download = await takeDownload(tx, id, now);
    if (!download) return { ok: false as const, reason: 'gone' as const };
    await recordAudit(
      tx,
      { aadObjectId: download.createdByAadObjectId, organisationId: download.createdByOrganisationId },
      {
        action: `${download.kind}.fetched`,
        recordType: 'download',
        recordId: id,
        purpose: purposeOf[download.kind] ?? 'inzage',
      },
    );
    return { ok: true as const, download };
  });
}
