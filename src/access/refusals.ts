import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/client.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import { isUuid } from '../validation.ts';

/**
 * A refused attempt is a logbook event too (outcome "refused"): on the case it aimed at when the use case named
 * one, so the case's logbook shows who tried, and in the summary of unusual access. What was tried is the verb
 * or command (never the card's input).
 */
export async function recordRefusal(db: Db, actor: Actor, error: DomainError, attempted: string): Promise<void> {
  if (error.code !== ErrorCode.NotFound && error.code !== ErrorCode.Forbidden) return;
  const caseId =
    typeof error.details.caseId === 'string' && isUuid(error.details.caseId) ? error.details.caseId : undefined;
  await recordAudit(db, actor, {
    action: `refused:${attempted.slice(0, 60)}`,
    recordType: caseId ? 'case' : 'attempt',
    ...(caseId ? { recordId: caseId } : {}),
    purpose: 'toegangscontrole',
    outcome: 'refused',
  });
}
