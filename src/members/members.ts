import type { Actor } from '../actor.ts';
import { assertCan, can } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { listOrganisations } from '../organisations/organisation.repository.ts';
import type { UseCaseDeps } from '../use-case.ts';
import { listActiveMembers } from './member.repository.ts';

/** `leden`: the registered members with their organisation and role. Reading the list is in the logbook. */
export async function listMembers(deps: Pick<UseCaseDeps, 'db'>, actor: Actor) {
  assertCan(actor, 'members.list');
  return deps.db.$transaction(async (tx) => {
    const members = await listActiveMembers(tx, { includeSteeringGroup: true });
    await recordAudit(tx, actor, { action: 'members.listed', recordType: 'member', purpose: 'deelnemersbeheer' });
    return { members, mayRegister: can(actor, 'members.register') };
  });
}

/** What the registration form offers: the organisations to choose from. */
export async function memberFormOptions(deps: Pick<UseCaseDeps, 'db'>, actor: Actor) {
  assertCan(actor, 'members.register');
  return { organisations: await listOrganisations(deps.db) };
}
