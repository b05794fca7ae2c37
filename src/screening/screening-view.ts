import type { Actor } from '../actor.ts';
import { assertCan } from '../access/policy.ts';
import { openCase } from '../cases/view-cases.ts';
import type { CaseRecord } from '../cases/case.types.ts';
import { planAndListTablesWithFirstFreeSession } from '../conferences/free-sessions.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import type { UseCaseDeps } from '../use-case.ts';

/** What every rendering of the screening card needs: the tables to choose from and whom Teams refreshes it for. */
export async function screeningOptions(deps: UseCaseDeps) {
  const processManagers = await listActiveMembers(deps.db, { role: 'processManager' });
  return {
    tables: await planAndListTablesWithFirstFreeSession(deps.db, deps.clock.now()),
    refreshFor: processManagers.flatMap((pm) => (pm.teamsUserId ? [pm.teamsUserId] : [])),
  };
}

/** The case as the procesmanager screens it. */
export async function openScreening(deps: UseCaseDeps, actor: Actor, caseId: string): Promise<CaseRecord> {
  assertCan(actor, 'screening.decide');
  return openCase(deps.db, actor, caseId, 'screening');
}
