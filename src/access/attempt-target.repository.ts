import type { Tx } from '../db/client.ts';
import { isUuid } from '../validation.ts';

/**
 * The ids a card's button carries, in the order they are tried, and how each leads to its case. A refused attempt
 * is filed under the case it aimed at: whoever sent it, as long as the id names a record of a case.
 */
const lookups: Record<string, (tx: Tx, id: string) => Promise<string | undefined>> = {
  caseId: async (tx, id) =>
    (await tx.case.findUnique({ where: { id }, select: { id: true } }))?.id ??
    (await tx.deletedCase.findUnique({ where: { caseId: id }, select: { caseId: true } }))?.caseId,
  agendaItemId: async (tx, id) => (await tx.agendaItem.findUnique({ where: { id }, select: { caseId: true } }))?.caseId,
  actionId: async (tx, id) => (await tx.caseAction.findUnique({ where: { id }, select: { caseId: true } }))?.caseId,
  consentId: async (tx, id) =>
    (await tx.contributionConsent.findUnique({ where: { id }, select: { contribution: { select: { caseId: true } } } }))
      ?.contribution.caseId,
  handoverId: async (tx, id) => (await tx.handover.findUnique({ where: { id }, select: { caseId: true } }))?.caseId,
  proposalId: async (tx, id) => (await tx.caseProposal.findUnique({ where: { id }, select: { caseId: true } }))?.caseId,
  contributionId: async (tx, id) =>
    (await tx.contribution.findUnique({ where: { id }, select: { caseId: true } }))?.caseId,
  decisionId: async (tx, id) => (await tx.decision.findUnique({ where: { id }, select: { caseId: true } }))?.caseId,
};

/** The keys of a card's data that can name a case's record (the resolver's vocabulary, for tests). */
export const attemptIdKeys = Object.keys(lookups);

/**
 * The case a refused attempt aimed at: the first id of the card's data that names a record of a case, or the
 * reference typed after a command. At most one read per id the data carries; nothing when no id resolves.
 */
export async function findCaseOfAttempt(
  tx: Tx,
  attempt: { data?: Record<string, unknown>; reference?: string },
): Promise<string | undefined> {
  for (const [key, lookup] of Object.entries(lookups)) {
    const value = attempt.data?.[key];
    if (typeof value !== 'string' || !isUuid(value)) continue;
    const caseId = await lookup(tx, value);
    if (caseId) return caseId;
  }
  if (attempt.reference) {
    const reference = attempt.reference.toUpperCase();
    return (
      (await tx.case.findUnique({ where: { reference }, select: { id: true } }))?.id ??
      (await tx.deletedCase.findUnique({ where: { reference }, select: { caseId: true } }))?.caseId
    );
  }
  return undefined;
}
