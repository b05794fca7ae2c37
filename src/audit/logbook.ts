import type { Actor } from '../actor.ts';
import { assertCan } from '../access/policy.ts';
import { findCaseIdByReference } from '../lifecycle/case-state.repository.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import { findMembersByAadObjectIds } from '../members/member.repository.ts';
import { listOrganisations } from '../organisations/organisation.repository.ts';
import { findDeletedCase, findDeletedCaseId } from '../retention/retention.repository.ts';
import { accessSummary, listAuditEvents, recordAudit, type AuditEventView } from './audit.repository.ts';
import { isProcessingActivity, processingActivities } from './processing-activities.ts';

export interface LogbookEntry {
  at: Date;
  /** Who, as the logbook's ids resolve now; the system for jobs. */
  actor?: { name: string; organisationName: string };
  action: string;
  activity: string;
  outcome: string;
  traceId?: string;
}

export interface CaseLogbook {
  reference: string;
  deletedAt?: Date;
  entries: LogbookEntry[];
  /** The newest shown; more exist. */
  truncated: boolean;
}

const shown = 40;

/**
 * `logboek ZVH-…`: who saw or changed what of one case, when, and for which processing activity, newest first;
 * also after the case's personal data were deleted (the logbook holds ids only). Reading it is logged too.
 */
export async function caseLogbook(deps: { db: Db }, actor: Actor, reference: string): Promise<CaseLogbook> {
  assertCan(actor, 'logbook.view');
  const caseId = (await findCaseIdByReference(deps.db, reference)) ?? (await findDeletedCaseId(deps.db, reference));
  if (!caseId) throw new DomainError(ErrorCode.NotFound, 'No such reference');
  const deleted = await findDeletedCase(deps.db, reference);
  await recordAudit(deps.db, actor, {
    action: 'logbook.viewed',
    recordType: 'case',
    recordId: caseId,
    purpose: 'logboek',
  });
  const events = await listAuditEvents(deps.db, { caseId }, { newestFirst: true, take: shown + 1 });
  return {
    reference,
    ...(deleted ? { deletedAt: deleted.deletedAt } : {}),
    truncated: events.length > shown,
    entries: await resolveEntries(deps.db, events.slice(0, shown)),
  };
}

/** Logbook rows with their ids resolved to who it was (name and organisation) and the activity's name. */
export async function resolveEntries(db: Db, events: AuditEventView[]): Promise<LogbookEntry[]> {
  const [members, organisations] = await Promise.all([
    findMembersByAadObjectIds(db, [
      ...new Set(events.flatMap((e) => (e.actorAadObjectId ? [e.actorAadObjectId] : []))),
    ]),
    listOrganisations(db),
  ]);
  const byAad = new Map(members.map((m) => [m.aadObjectId, m]));
  const orgNames = new Map(organisations.map((o) => [o.id, o.name]));
  return events.map((e) => {
    const member = e.actorAadObjectId ? byAad.get(e.actorAadObjectId) : undefined;
    return {
      at: e.at,
      ...(e.actorAadObjectId
        ? {
            actor: {
              name: member?.displayName ?? 'onbekend lid',
              organisationName:
                (e.actorOrganisationId && orgNames.get(e.actorOrganisationId)) || member?.organisationName || '',
            },
          }
        : {}),
      action: e.action,
      activity: isProcessingActivity(e.purpose) ? processingActivities[e.purpose].name : e.purpose,
      outcome: e.outcome,
      ...(e.traceId ? { traceId: e.traceId } : {}),
    };
  });
}

export interface UnusualAccess {
  since: Date;
  thresholds: { cases: number; refused: number };
  rows: { name: string; organisationName: string; role: string; cases: number; refused: number }[];
}

/** Thirty days back; a member who touched 15 or more cases, or was refused 3 or more times, stands out. */
export const unusualAccessThresholds = { days: 30, cases: 15, refused: 3 } as const;

/** `logboek` without a reference: who stands out in the last thirty days. */
export async function unusualAccess(deps: { db: Db; clock: Clock }, actor: Actor): Promise<UnusualAccess> {
  assertCan(actor, 'logbook.view');
  const since = new Date(deps.clock.now().getTime() - unusualAccessThresholds.days * 86_400_000);
  const thresholds = { cases: unusualAccessThresholds.cases, refused: unusualAccessThresholds.refused };
  const rows = await accessSummary(deps.db, since, thresholds);
  const members = new Map(
    (
      await findMembersByAadObjectIds(
        deps.db,
        rows.map((r) => r.actorAadObjectId),
      )
    ).map((m) => [m.aadObjectId, m]),
  );
  await recordAudit(deps.db, actor, { action: 'logbook.summaryViewed', recordType: 'logbook', purpose: 'logboek' });
  return {
    since,
    thresholds,
    rows: rows.map((r) => {
      const m = members.get(r.actorAadObjectId);
      return {
        name: m?.displayName ?? 'onbekend lid',
        organisationName: m?.organisationName ?? '',
        role: m?.role ?? '',
        cases: r.cases,
        refused: r.refused,
      };
    }),
  };
}
