import type { Actor } from '../actor.ts';
import { listPartners } from '../organisations/organisation.repository.ts';
import type { UseCaseDeps } from '../use-case.ts';
import { registersForExternal } from './submit-referral.ts';

/** What the intake form offers its author: the partners to choose from, and whether they register for a non-partner. */
export async function referralFormOptions(deps: Pick<UseCaseDeps, 'db'>, actor: Actor) {
  const forExternal = await registersForExternal(deps.db, actor);
  return { forExternal, partners: await listPartners(deps.db) };
}
