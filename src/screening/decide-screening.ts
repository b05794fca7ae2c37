import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { assertCan } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { decideIfAwaitingScreening, findCaseById, type ScreeningOutcome } from '../cases/case.repository.ts';
import type { CaseRecord } from '../cases/case.types.ts';
import type { Clock } from '../clock.ts';
import { addToAgenda, firstBookableFrom, planAndFindFirstFreeSession } from '../conferences/planning.ts';
import { lateInvitations } from '../conferences/sessions.ts';
import { findTableById, lockTableForBooking } from '../conferences/table.repository.ts';
import type { Db } from '../db/client.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import type { Notification } from '../notify/notification.ts';
import { tell } from '../notify/queue.ts';
import { startInforming } from '../lifecycle/informing.ts';
import { fieldErrors, requiredText } from '../validation.ts';

export const screeningDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), tableId: requiredText('Kies de overlegtafel.', 100) }),
  z.object({
    decision: z.literal('reject'),
    reason: requiredText('Geef de reden van afwijzing; de aanmelder krijgt die te lezen.', 1_000),
  }),
  z.object({ decision: z.literal('askInfo'), question: requiredText('Schrijf de vraag aan de aanmelder.', 1_000) }),
]);
export type ScreeningDecision = z.infer<typeof screeningDecision>;

export type ScreeningResult =
  | { ok: true; case: CaseRecord; notifications: Notification[] }
  | { ok: false; errors: Record<string, string> }
  /** Someone else decided first (or the case no longer awaits screening): here is what they decided. */
  | { ok: false; alreadyDecided: CaseRecord };

const auditAction = {
  accepted: 'screening.accepted',
  rejected: 'screening.rejected',
  infoRequested: 'screening.infoRequested',
} as const;
const notificationKind = {
  accepted: 'referralAccepted',
  rejected: 'referralRejected',
  infoRequested: 'informationRequested',
} as const;

/**
 * The procesmanager screens an aanmelding against the three criteria: accept (the first free meeting of
 * the chosen table is booked at once), reject with a reason, or ask the referrer a question.
 * Of two procesmanagers deciding at once, exactly one decision counts.
 */
export async function decideScreening(
  deps: { db: Db; clock: Clock; informWithinDays: number },
  actor: Actor,
  caseId: string,
  raw: unknown,
): Promise<ScreeningResult> {
  assertCan(actor, 'screening.decide');
  const parsed = screeningDecision.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const decision = parsed.data;
  const now = deps.clock.now();

  const result = await deps.db.$transaction(
    async (
      tx,
    ): Promise<{ won: true; notifications: Notification[] } | { won: false } | { errors: Record<string, string> }> => {
      const current = await findCaseById(tx, caseId);
      if (!current) throw new DomainError(ErrorCode.NotFound, 'Case not found');
      if (current.status !== 'submitted') return { won: false };

      let outcome: ScreeningOutcome;
      let session: { id: string } | undefined;
      /** The accepting table's timezone: the day the intake's "informed" counts for. */
      let tableTimeZone = '';
      if (decision.decision === 'accept') {
        const table = await findTableById(tx, decision.tableId);
        if (!table) return { errors: { tableId: 'Kies een overlegtafel uit de lijst.' } };
        await lockTableForBooking(tx, table.id);
        tableTimeZone = table.schedule.timeZone;
        session = await planAndFindFirstFreeSession(tx, table, firstBookableFrom(now));
        if (!session)
          return {
            errors: { tableId: 'Deze tafel heeft het komende jaar geen vrije plek meer. Kies een andere tafel.' },
          };
        outcome = { status: 'accepted', tableId: table.id };
      } else if (decision.decision === 'reject') {
        outcome = { status: 'rejected', rejectionReason: decision.reason };
      } else {
        outcome = { status: 'infoRequested', question: decision.question };
      }

      if (!(await decideIfAwaitingScreening(tx, caseId, actor.memberId, now, outcome))) return { won: false };
      if (session) await addToAgenda(tx, session.id, caseId, 'newCase');
      if (outcome.status === 'accepted') {
        await startInforming(
          tx,
          {
            id: caseId,
            referrerMemberId: current.referrer.memberId,
            informedAtIntake: current.informed?.informed === true,
            ...(current.submittedAt ? { submittedAt: current.submittedAt } : {}),
          },
          now,
          deps.informWithinDays,
          tableTimeZone,
        );
      }
      await recordAudit(tx, actor, {
        action: auditAction[outcome.status],
        recordType: 'case',
        recordId: caseId,
        purpose: 'screening',
      });
      // A case booked on an agenda that is already in the channel: the posted card shows it too.
      const told: Notification[] = [
        { kind: notificationKind[outcome.status], to: current.referrer.aadObjectId, caseId },
        ...(session
          ? [
              { kind: 'agendaChanged' as const, sessionId: session.id },
              ...(await lateInvitations(tx, session.id, [caseId])),
            ]
          : []),
      ];
      return { won: true, notifications: await tell(tx, now, told) };
    },
  );

  if ('errors' in result) return { ok: false, errors: result.errors };
  const decided = (await findCaseById(deps.db, caseId))!;
  if (!result.won) return { ok: false, alreadyDecided: decided };
  return { ok: true, case: decided, notifications: result.notifications };
}
