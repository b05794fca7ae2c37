import type { Actor } from '../actor.ts';
import { canManageCase, speaksForContribution, worksOnCases } from '../access/case-access.ts';
import { recordAudit, recordAudits } from '../audit/audit.repository.ts';
import type { Clock } from '../clock.ts';
import type { Db, Tx } from '../db/client.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import { speakersFor } from '../members/member.types.ts';
import type { Notification } from '../notify/notification.ts';
import {
  answerReassessment,
  findContributionReassessment,
  listPendingReassessments,
  markForReassessment,
  type PendingReassessment,
} from './reassessment.repository.ts';

/**
 * The goal of a case changed (a decision with another goal than the one in force): every earlier contribution
 * waits for its organisation to keep it for the new goal or withdraw it, and until then only that organisation
 * and the chair see it. Each contributing organisation is asked (its contactpersonen, or its members).
 */
export async function startReassessment(tx: Tx, caseId: string, decisionId: string): Promise<Notification[]> {
  const organisations = await markForReassessment(tx, caseId, decisionId);
  if (!organisations.length) return [];
  // The bot starts it, as a consequence of the decision: a system event in the case's logbook.
  await recordAudit(tx, 'system', {
    action: 'reassessment.started',
    recordType: 'decision',
    recordId: decisionId,
    caseId,
    purpose: 'toestemming',
  });
  return speakersFor(await listActiveMembers(tx), organisations).map((to) => ({
    kind: 'reassessmentRequested' as const,
    to,
    caseId,
  }));
}

/** `herbeoordeling`: the procesmanager sees all open re-assessments; anyone else those of their own organisation, to answer. */
export async function pendingReassessments(
  deps: { db: Db },
  actor: Actor,
  caseId?: string,
): Promise<{ all: boolean; items: PendingReassessment[] }> {
  if (!worksOnCases(actor)) return { all: false, items: [] };
  const all = canManageCase(actor);
  const items = await listPendingReassessments(deps.db, {
    ...(all ? {} : { organisationId: actor.organisationId }),
    ...(caseId ? { caseId } : {}),
  });
  const read = items.filter((i) => speaksForContribution(actor, { organisationId: i.organisation.id }));
  if (read.length)
    await recordAudits(
      deps.db,
      actor,
      read.map((i) => ({
        action: 'reassessment.viewed',
        recordType: 'contribution',
        recordId: i.contributionId,
        caseId: i.caseId,
        purpose: 'toestemming' as const,
      })),
    );
  // The procesmanager sees which contributions wait, not what they say.
  return {
    all,
    items: all ? items.map((i) => (i.organisation.id === actor.organisationId ? i : { ...i, text: '' })) : items,
  };
}

/** The contributing organisation keeps a contribution for the new goal, or withdraws it; the first answer counts. */
export async function reassess(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  contributionId: string,
  keep: boolean,
): Promise<{ changed: boolean }> {
  const found = await findContributionReassessment(deps.db, contributionId);
  if (!found || !speaksForContribution(actor, found))
    throw new DomainError(ErrorCode.NotFound, 'Contribution not found', { ...(found ? { caseId: found.caseId } : {}) });
  const changed = await deps.db.$transaction(async (tx) => {
    const done = await answerReassessment(tx, contributionId, { keep, memberId: actor.memberId, at: deps.clock.now() });
    if (done)
      await recordAudit(tx, actor, {
        action: keep ? 'reassessment.kept' : 'reassessment.withdrawn',
        recordType: 'contribution',
        recordId: contributionId,
        caseId: found.caseId,
        purpose: 'toestemming',
      });
    return done;
  });
  return { changed };
}
