import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Clock } from '../clock.ts';
import type { ProcessingActivity } from '../audit/processing-activities.ts';
import type { Db } from '../db/client.ts';
import { isUuid } from '../validation.ts';
import { createDownload, takeDownload, type StoredDownload } from './download.repository.ts';
import { linkLifetimeMs, signLink, verifyLink } from './signed-link.ts';

export interface DownloadDeps {
  db: Db;
  clock: Clock;
  /** The bot's secret for signing links (LINK_SECRET). */
  linkSecret: string;
  /** Where the bot is reached from the browser (PUBLIC_URL). */
  publicUrl: string;
}

/** The processing activity a fetched document belongs to, by its kind. */
const purposeOf: Record<string, ProcessingActivity> = { inzage: 'inzage', figures: 'kengetallen' };

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
  const id = await createDownload(
    deps.db,
    { ...input, createdByAadObjectId: actor.aadObjectId, createdByOrganisationId: actor.organisationId, expiresAt },
    now,
  );
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
