import type { Actor } from '../actor.ts';
import { assertCan } from '../access/policy.ts';
import { findCaseIdByReference, findCaseTimeZone } from '../lifecycle/case-state.repository.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import { isUuid } from '../validation.ts';
import { findMembersByAadObjectIds } from '../members/member.repository.ts';
import { listOrganisations } from '../organisations/organisation.repository.ts';
import { findDeletedCase, findDeletedCaseId } from '../retention/retention.repository.ts';
import { accessSummary, auditFacets, listAuditEvents, recordAudit, type AuditEventView } from './audit.repository.ts';
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
  /** Where its times are shown: the case's table's timezone, or the network's. */
  timeZone: string;
  entries: LogbookEntry[];
  /** Older events exist (beyond this page, within the filter): the cursor to ask for them. */
  olderThan?: string;
  /** Newer events exist: the cursor to ask for them. */
  newerThan?: string;
  /** The filter this page shows, and the choices for each part of it (those that occur in this logbook). */
  filter: LogbookFilter;
  choices: {
    organisations: { id: string; name: string }[];
    persons: { aadObjectId: string; name: string }[];
    activities: { id: string; name: string }[];
  };
}

/** Which part of a case's logbook to show: one organisation, one person, one activity (each optional). */
export interface LogbookFilter {
  organisationId?: string;
  actorAadObjectId?: string;
  purpose?: string;
}

/** A page of the logbook: the newest, or the events before or after one event (its cursor). */
export interface LogbookQuery extends LogbookFilter {
  before?: string;
  after?: string;
}

/** Events per page of the logbook card. */
export const logbookPageSize = 40;

/** The system's own events (reminders, the start of a re-assessment, a deletion) as a filter's person. */
export const systemActorId = 'system';

/**
 * `logboek ZVH-…`: who saw or changed what of one case, when, and for which processing activity, newest first,
 * a page at a time, back through all events, filtered by organisation, person or activity; also after the case's
 * personal data were deleted (the logbook holds ids only). Reading it is logged too. A fixed number of statements
 * per page, whatever the logbook's size.
 */
export async function caseLogbook(
  deps: { db: Db; timeZone: string },
  actor: Actor,
  reference: string,
  query: LogbookQuery = {},
): Promise<CaseLogbook> {
  assertCan(actor, 'logbook.view');
  const caseId = (await findCaseIdByReference(deps.db, reference)) ?? (await findDeletedCaseId(deps.db, reference));
  if (!caseId) throw new DomainError(ErrorCode.NotFound, 'No such reference');
  const [deleted, tableZone] = await Promise.all([
    findDeletedCase(deps.db, reference),
    findCaseTimeZone(deps.db, caseId),
  ]);
  await recordAudit(deps.db, actor, {
    action: 'logbook.viewed',
    recordType: 'case',
    recordId: caseId,
    purpose: 'logboek',
  });
  const filter: LogbookFilter = {
    ...(query.organisationId && isUuid(query.organisationId) ? { organisationId: query.organisationId } : {}),
    ...(query.actorAadObjectId ? { actorAadObjectId: query.actorAadObjectId.slice(0, 100) } : {}),
    ...(query.purpose && isProcessingActivity(query.purpose) ? { purpose: query.purpose } : {}),
  };
  const where = {
    caseId,
    ...(filter.organisationId ? { actorOrganisationId: filter.organisationId } : {}),
    ...(filter.actorAadObjectId === systemActorId
      ? { actorAadObjectId: null }
      : filter.actorAadObjectId
        ? { actorAadObjectId: filter.actorAadObjectId }
        : {}),
    ...(filter.purpose ? { purpose: filter.purpose } : {}),
  };
  const newer = Boolean(query.after) && !query.before;
  const page = await listAuditEvents(deps.db, where, {
    newestFirst: !newer,
    take: logbookPageSize + 1,
    ...(newer ? { afterId: query.after } : query.before ? { beforeId: query.before } : {}),
  });
  const more = page.length > logbookPageSize;
  const events = newer ? page.slice(0, logbookPageSize).reverse() : page.slice(0, logbookPageSize);
  const [entries, choices] = await Promise.all([resolveEntries(deps.db, events), logbookChoices(deps.db, caseId)]);
  const newest = events[0]?.id;
  const oldest = events.at(-1)?.id;
  return {
    reference,
    ...(deleted ? { deletedAt: deleted.deletedAt } : {}),
    timeZone: tableZone ?? deps.timeZone,
    entries,
    ...(oldest && (newer ? Boolean(query.after) : more) ? { olderThan: oldest } : {}),
    ...(newest && (newer ? more : Boolean(query.before)) ? { newerThan: newest } : {}),
    filter,
    choices,
  };
}

/** The organisations, persons and activities that occur in a case's logbook, with their names now. */
async function logbookChoices(db: Db, caseId: string): Promise<CaseLogbook['choices']> {
  const facets = await auditFacets(db, caseId);
  const [members, organisations] = await Promise.all([
    findMembersByAadObjectIds(db, [
      ...new Set(facets.flatMap((f) => (f.actorAadObjectId ? [f.actorAadObjectId] : []))),
    ]),
    listOrganisations(db),
  ]);
  const orgNames = new Map(organisations.map((o) => [o.id, o.name]));
  const names = new Map(members.map((m) => [m.aadObjectId, m.displayName]));
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'nl');
  const organisationIds = [...new Set(facets.flatMap((f) => (f.actorOrganisationId ? [f.actorOrganisationId] : [])))];
  const persons = [...new Set(facets.map((f) => f.actorAadObjectId ?? systemActorId))];
  const activities = [...new Set(facets.map((f) => f.purpose))];
  return {
    organisations: organisationIds
      .map((id) => ({ id, name: orgNames.get(id) ?? 'onbekende organisatie' }))
      .sort(byName),
    persons: persons
      .map((aadObjectId) => ({
        aadObjectId,
        name: aadObjectId === systemActorId ? 'Casusbot (systeem)' : (names.get(aadObjectId) ?? 'onbekend lid'),
      }))
      .sort(byName),
    activities: activities
      .map((id) => ({ id, name: isProcessingActivity(id) ? processingActivities[id].name : id }))
      .sort(byName),
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
