import type { Actor } from '../actor.ts';
import { canSeeCase, caseScope, knewDeletedCase } from '../access/case-access.ts';
import { recordRefusal } from '../access/refusals.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { ProcessingActivity } from '../audit/processing-activities.ts';
import type { Db, Tx } from '../db/client.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import {
  findCaseById,
  listCasesByReferrer,
  listVisibleCaseBadges,
  listVisibleCases,
  visibilityFacts,
} from './case.repository.ts';
import type { CaseBadge, CaseRecord, CaseSummary } from './case.types.ts';
import { caseStatuses, type CaseStatus } from '../referrals/referral.types.ts';
import { deletedNotice } from '../retention/deleted.ts';

/** `mijn aanmeldingen`: what I registered, drafts included. */

/** What a refused look-up from a message extension records as tried: a search, or a pasted link. */
export const lookupAttempt = { search: 'casus zoeken', link: 'casuslink' } as const;
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

/** How many cases the message extension offers for one search. */
export const caseSearchLimit = 10;
const wholeReference = /^ZVH-\d{4}-\d{4,}$/;
const referencedStatuses = caseStatuses.filter((s) => s !== 'draft');

/**
 * The message extension's search, in any chat: the cases the searcher may see under need-to-know (the same rule as
 * `casussen`) whose reference holds what was typed; with nothing typed yet, their active cases. Only badges (no
 * person, no text): showing one is no processing of personal data, so it is not audited. A whole reference that
 * shows nothing is a refused look-up, logged as `casus ZVH-…` would be; whether the case does not exist, is not
 * theirs or was deleted, the searcher gets the same empty answer.
 */
export async function searchCaseBadges(
  db: Db,
  actor: Actor,
  options: { search?: string; now: Date },
): Promise<CaseBadge[]> {
  const search = options.search?.trim().toUpperCase().slice(0, 20) || undefined;
  const badges = await listVisibleCaseBadges(db, caseScope(actor), {
    statuses: search ? referencedStatuses : [...activeStatuses],
    now: options.now,
    take: caseSearchLimit,
    ...(search ? { referenceContains: search } : {}),
  });
  if (!badges.length && search && wholeReference.test(search))
    await recordLookupRefused(db, actor, search, lookupAttempt.search);
  return badges;
}

/**
 * A link to a case pasted in a chat: the case's badge, for someone who may see the case. Anyone else, and a case
 * that does not exist or was deleted, gets nothing, and the look-up is logged as refused.
 */
export async function caseBadgeByReference(
  db: Db,
  actor: Actor,
  reference: string,
  options: { now: Date },
): Promise<CaseBadge | undefined> {
  const normalised = reference.trim().toUpperCase();
  const [badge] = wholeReference.test(normalised)
    ? await listVisibleCaseBadges(db, caseScope(actor), {
        statuses: referencedStatuses,
        now: options.now,
        reference: normalised,
        take: 1,
      })
    : [];
  if (!badge) await recordLookupRefused(db, actor, normalised, lookupAttempt.link);
  return badge;
}

async function recordLookupRefused(db: Db, actor: Actor, reference: string, name: string): Promise<void> {
  // Their own organisation's deleted case is gone, not refused (`casus ZVH-…` tells them "verwijderd op …").
  const deleted = await deletedNotice(db, reference);
  if (deleted && knewDeletedCase(actor, deleted)) return;
  const refusal = new DomainError(ErrorCode.NotFound, 'Case not found or not visible');
  await recordRefusal(db, actor, refusal, { name, reference });
}
