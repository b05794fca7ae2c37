import { referralOutcomeCard } from '../cards/cases.card.ts';
import { findCaseById } from '../src/cases/case.repository.ts';
import type { CaseNotification } from '../src/notify/case-notifications.ts';
import type { BotDeps } from './deps.ts';
import { screeningCardFor } from './screening-view.ts';

/**
 * Sends what a use case asked for, after its transaction committed. A failed delivery is logged and
 * does not undo the decision: the recipient still sees it under "mijn aanmeldingen" or the screening card.
 */
export async function deliverCaseNotifications(deps: Pick<BotDeps, 'db' | 'log' | 'notifier' | 'clock'>, notifications: CaseNotification[]): Promise<void> {
  for (const n of notifications) {
    try {
      const found = await findCaseById(deps.db, n.caseId);
      if (!found) continue;
      const card = n.kind === 'screeningRequested' ? await screeningCardFor(deps, { case: found }) : referralOutcomeCard(found);
      const result = await deps.notifier.toPerson(n.to, { card });
      if (!result.delivered) deps.log.warn({ kind: n.kind, caseId: n.caseId }, 'notification not delivered: no personal chat with the recipient yet');
    } catch (error) {
      deps.log.error({ kind: n.kind, caseId: n.caseId, errorType: (error as Error)?.name }, 'notification failed');
    }
  }
}
