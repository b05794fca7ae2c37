import type { Actor } from '../actor.ts';
import { findMemberContact } from '../members/member.repository.ts';
import { listPartners } from '../organisations/organisation.repository.ts';
import type { UseCaseDeps } from '../use-case.ts';
import { registersForExternal } from './submit-referral.ts';

/**
 * What the intake form offers its author: the partners to choose from, whether they register for a non-partner, and
 * their own phone and e-mail from their member record, to pre-fill.
 */
export async function referralFormOptions(deps: Pick<UseCaseDeps, 'db'>, actor: Actor) {
  const forExternal = await registersForExternal(deps.db, actor);
  return {
    forExternal,
    partners: await listPartners(deps.db),
    ownContact: await findMemberContact(deps.db, actor.memberId),
  };
}
