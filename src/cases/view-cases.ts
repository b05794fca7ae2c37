import type { Actor } from '../actor.ts';
import { canSeeCase, caseScope } from '../access/case-access.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { ProcessingActivity } from '../audit/processing-activities.ts';
import type { Db } from '../db/client.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import { findCaseById, listCasesByReferrer, listVisibleCases, visibilityFacts } from './case.repository.ts';
import type { CaseRecord, CaseSummary } from './case.types.ts';
import { caseStatuses } from '../referrals/referral.types.ts';

/** `mijn aanmeldingen`: what I registered, drafts included. */
export function listMyReferrals(db: Db, actor: Actor): Promise<CaseSummary[]> {
  return listCasesByReferrer(db, actor.memberId);
}

/** `casussen`: the (non-draft) cases this person may see under need-to-know, and nothing else. */
export function listCasesFor(db: Db, actor: Actor): Promise<CaseSummary[]> {
  return listVisibleCases(db, caseScope(actor), { statuses: caseStatuses.filter((s) => s !== 'draft') });
}

/**
 * One case in full, for someone allowed to see it; every such look is audited. Someone who may not
 * see it hears "not found", so they cannot even learn that it exists.
 */
export async function openCase(db: Db, actor: Actor, caseId: string, purpose: ProcessingActivity): Promise<CaseRecord> {
  const found = await findCaseById(db, caseId);
  if (!found || !canSeeCase(actor, visibilityFacts(found)))
    throw new DomainError(ErrorCode.NotFound, 'Case not found or not visible', { caseId });
  await recordAudit(db, actor, { action: 'case.viewed', recordType: 'case', recordId: caseId, purpose });
  return found;
}
