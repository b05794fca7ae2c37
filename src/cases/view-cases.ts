import type { Actor } from '../actor.ts';
import { canSeeCase, caseScope } from '../access/case-access.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { ProcessingActivity } from '../audit/processing-activities.ts';
import type { Db, Tx } from '../db/client.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import { findCaseById, listCasesByReferrer, listVisibleCases, visibilityFacts } from './case.repository.ts';
import type { CaseRecord, CaseSummary } from './case.types.ts';
import { caseStatuses, type CaseStatus } from '../referrals/referral.types.ts';

/** `mijn aanmeldingen`: what I registered, drafts included. */
export function listMyReferrals(db: Db, actor: Actor): Promise<CaseSummary[]> {
  return listCasesByReferrer(db, actor.memberId);
}

/** `casussen`: the (non-draft) cases this person may see under need-to-know, and nothing else. */
/** Cases still being worked on: what `casussen` lists unless a search asks for more. */
export const activeStatuses = ['submitted', 'infoRequested', 'accepted', 'shadowList'] as const satisfies CaseStatus[];
export const casesPageSize = 15;

export interface CaseListPage {
  cases: CaseSummary[];
  page: number;
  more: boolean;
  /** The reference (or part of it) searched for; a search also finds closed and rejected cases. */
  search?: string;
}

/**
 * `casussen`: the active cases the actor may see, newest aanmelding first, a page of `casesPageSize` at a time;
 * with a search, every case (any status but a draft) whose reference holds the digits or text searched for.
 */
export async function listCasesFor(
  db: Db,
  actor: Actor,
  options: { page?: number; search?: string } = {},
): Promise<CaseListPage> {
  const page = Math.max(0, Math.floor(options.page ?? 0));
  const search = options.search?.trim().toUpperCase().slice(0, 20) || undefined;
  const rows = await listVisibleCases(db, caseScope(actor), {
    statuses: search ? caseStatuses.filter((s) => s !== 'draft') : [...activeStatuses],
    referenceContains: search,
    skip: page * casesPageSize,
    take: casesPageSize + 1,
  });
  return {
    cases: rows.slice(0, casesPageSize),
    page,
    more: rows.length > casesPageSize,
    ...(search ? { search } : {}),
  };
}

/**
 * One case in full, for someone allowed to see it; every such look is audited. Someone who may not
 * see it hears "not found", so they cannot even learn that it exists.
 */
export async function openCase(db: Tx, actor: Actor, caseId: string, purpose: ProcessingActivity): Promise<CaseRecord> {
  const found = await findCaseById(db, caseId);
  if (!found || !canSeeCase(actor, visibilityFacts(found)))
    throw new DomainError(ErrorCode.NotFound, 'Case not found or not visible', { caseId });
  await recordAudit(db, actor, { action: 'case.viewed', recordType: 'case', recordId: caseId, purpose });
  return found;
}
