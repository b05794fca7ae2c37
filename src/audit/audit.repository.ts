import type { Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';

/**
 * What happened to which record, by whom, for what purpose. Deliberately no free-text field:
 * an audit row must never carry personal data, so it can outlive the case it describes.
 */
export interface AuditEntry {
  action: string;
  recordType: string;
  recordId?: string;
  purpose: string;
}

/** Call inside the transaction that makes the change, so the change and its audit row land together. */
export async function recordAudit(tx: Tx, actor: Pick<Actor, 'aadObjectId' | 'organisationId'> | 'system', entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      ...entry,
      actorAadObjectId: actor === 'system' ? null : actor.aadObjectId,
      actorOrganisationId: actor === 'system' ? null : actor.organisationId,
    },
  });
}

/** Several events of one actor at once, in one statement (a person looking at a whole agenda). */
export async function recordAudits(tx: Tx, actor: Pick<Actor, 'aadObjectId' | 'organisationId'>, entries: AuditEntry[]): Promise<void> {
  await tx.auditEvent.createMany({ data: entries.map((e) => ({ ...e, actorAadObjectId: actor.aadObjectId, actorOrganisationId: actor.organisationId })) });
}

export interface AuditEventView extends AuditEntry {
  at: Date;
  actorAadObjectId: string | null;
  actorOrganisationId: string | null;
}

export async function listAuditEvents(tx: Tx, where: { recordType?: string; recordId?: string } = {}): Promise<AuditEventView[]> {
  const rows = await tx.auditEvent.findMany({ where, orderBy: { id: 'asc' } });
  return rows.map((r) => ({
    at: r.at,
    actorAadObjectId: r.actorAadObjectId,
    actorOrganisationId: r.actorOrganisationId,
    action: r.action,
    recordType: r.recordType,
    recordId: r.recordId ?? undefined,
    purpose: r.purpose,
  }));
}
