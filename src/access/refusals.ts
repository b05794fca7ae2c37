import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/client.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import { isUuid } from '../validation.ts';
import { findCaseOfAttempt } from './attempt-target.repository.ts';

/** What a refused person tried: the verb or command word, and the ids its button carried (never what was typed). */
export interface Attempt {
  /** The verb of a button, or the Dutch word of a typed command. */
  name: string;
  /** The button's data: only its ids are read, to find the case it aimed at. */
  data?: Record<string, unknown>;
  /** The case reference typed after a command. */
  reference?: string;
}

/**
 * A refused attempt is a logbook event too (outcome "refused"), filed under the case it aimed at: the case the
 * use case named, or else the case an id of the button (a consent, a handover, an action, an agenda item…) or
 * the typed reference belongs to, whoever sent it. So the case's logbook shows who tried, and the summary of
 * unusual access counts it. The refused person hears the same answer as before: only the logbook gains the event.
 */
export async function recordRefusal(db: Db, actor: Actor, error: DomainError, attempt: Attempt): Promise<void> {
  if (error.code !== ErrorCode.NotFound && error.code !== ErrorCode.Forbidden) return;
  const named =
    typeof error.details.caseId === 'string' && isUuid(error.details.caseId) ? error.details.caseId : undefined;
  const caseId = named ?? (await findCaseOfAttempt(db, attempt));
  await recordAudit(db, actor, {
    action: `refused:${attempt.name.slice(0, 60)}`,
    recordType: caseId ? 'case' : 'attempt',
    ...(caseId ? { recordId: caseId } : {}),
    purpose: 'toegangscontrole',
    outcome: 'refused',
  });
}
