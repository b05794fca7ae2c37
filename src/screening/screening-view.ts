import type { Actor } from '../actor.ts';
import { assertCan } from '../access/policy.ts';
import { recordAudits } from '../audit/audit.repository.ts';
import { openCase } from '../cases/view-cases.ts';
import type { CaseRecord } from '../cases/case.types.ts';
import { planAndListTablesWithFirstFreeSession } from '../conferences/free-sessions.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import type { UseCaseDeps } from '../use-case.ts';
import { findRepeatMatches, type RepeatMatch } from './repeat.repository.ts';

/** What every rendering of the screening card needs: the tables to choose from and whom Teams refreshes it for. */
export async function screeningOptions(deps: UseCaseDeps) {
  const processManagers = await listActiveMembers(deps.db, { role: 'processManager' });
  return {
    tables: await planAndListTablesWithFirstFreeSession(deps.db, deps.clock.now()),
    refreshFor: processManagers.flatMap((pm) => (pm.teamsUserId ? [pm.teamsUserId] : [])),
  };
}

export interface ScreeningRead {
  case: CaseRecord;
  /** The other cases, open or closed and not yet deleted, that hold a person of this aanmelding. */
  repeats: RepeatMatch[];
}

/**
 * The case as the procesmanager screens it, with the repeat check: whether its persons are already known in another
 * case. The check is found anew from the persons still held each time the card is built (nothing of it is stored),
 * and logged in the same transaction as the look: on this case, and on every earlier case whose persons it found.
 */
export async function openScreening(deps: UseCaseDeps, actor: Actor, caseId: string): Promise<ScreeningRead> {
  assertCan(actor, 'screening.decide');
  return deps.db.$transaction(async (tx) => {
    const found = await openCase(tx, actor, caseId, 'screening');
    const repeats = await findRepeatMatches(tx, caseId);
    await recordAudits(tx, actor, [
      { action: 'screening.repeatChecked', recordType: 'case', recordId: caseId, purpose: 'herhaalcontrole' },
      ...repeats.map((r) => ({
        action: 'screening.repeatFound',
        recordType: 'case',
        recordId: r.caseId,
        purpose: 'herhaalcontrole' as const,
      })),
    ]);
    return { case: found, repeats };
  });
}
