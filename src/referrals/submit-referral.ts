import type { UseCaseDeps } from '../use-case.ts';
import { defaultNetworkTimeZone } from '../config.ts';
import { localParts } from '../conferences/schedule.ts';
import type { Actor } from '../actor.ts';
import { assertCan } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import {
  countDraftsLocked,
  createCase,
  findCaseById,
  findCaseBySubmission,
  nextReferenceNumber,
  saveSubmission,
  updateDraftForm,
  type SubmittedCase,
} from '../cases/case.repository.ts';
import { lockCase } from '../lifecycle/case-state.repository.ts';
import { formatReference } from '../cases/reference.ts';
import { isUniqueViolation, type Db, type Tx } from '../db/client.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import type { CaseNotification } from '../notify/case-notifications.ts';
import { tell } from '../notify/queue.ts';
import { findOrganisationById, listPartners } from '../organisations/organisation.repository.ts';
import { markRepeatReferrals } from '../screening/repeat.repository.ts';
import { draftErrors, parseReferralForm, pickFormValues } from './referral-form.rules.ts';
import { isUuid } from '../validation.ts';
import type { ReferralFormValues } from './referral.types.ts';

export type SubmitResult =
  | { ok: false; errors: Record<string, string>; values: ReferralFormValues }
  | { ok: true; caseId: string; reference: string; resubmitted: boolean; notifications: CaseNotification[] };

/** Whether this actor registers for a professional of a non-partner organisation (only the procesmanager may). */
export async function registersForExternal(db: Db, actor: Actor): Promise<boolean> {
  const organisation = await findOrganisationById(db, actor.organisationId);
  if (organisation?.kind === 'partner') return false;
  assertCan(actor, 'referrals.submitForExternal');
  return true;
}

/** The author's own case that may still be edited: a draft, or an aanmelding the procesmanager asked about. */
export async function findEditableCase(tx: Tx, actor: Actor, caseId: string) {
  const existing = await findCaseById(tx, caseId);
  if (!existing || existing.referrer.memberId !== actor.memberId)
    throw new DomainError(ErrorCode.NotFound, 'Case not found for this referrer');
  if (existing.status !== 'draft' && existing.status !== 'infoRequested') {
    throw new DomainError(ErrorCode.Conflict, 'Case can no longer be edited', { status: existing.status });
  }
  return existing;
}

/** How many drafts one member may keep at a time: a draft holds personal data, and each is one more to look after. */
export const maxOpenDrafts = 10;

export type DraftResult =
  | { ok: true; caseId: string }
  | { ok: false; errors: Record<string, string>; values: ReferralFormValues }
  | { ok: false; tooManyDrafts: true; values: ReferralFormValues };

const validSubmissionId = (id: string | undefined) => (id && isUuid(id) ? id : undefined);

/**
 * Keeps a partly filled form for later. Only its author ever sees a draft. One draft per form: the card carries
 * its submission id from the moment it is shown, so saving it again (or two clicks at once) updates that draft.
 * A draft holds no longer texts than a submission may, and a member keeps at most `maxOpenDrafts`.
 */
export async function saveReferralDraft(
  deps: UseCaseDeps,
  actor: Actor,
  input: { caseId?: string; submissionId?: string; data: Record<string, unknown> },
): Promise<DraftResult> {
  assertCan(actor, 'referrals.submit');
  await registersForExternal(deps.db, actor);
  const form = pickFormValues(input.data);
  const errors = draftErrors(form);
  if (Object.keys(errors).length) return { ok: false, errors, values: form };
  const submissionId = validSubmissionId(input.submissionId);
  const save = () =>
    deps.db.$transaction(async (tx): Promise<DraftResult> => {
      const earlier = submissionId ? await findCaseBySubmission(tx, submissionId) : undefined;
      let caseId = input.caseId ?? earlier?.id;
      if (caseId) {
        await findEditableCase(tx, actor, caseId);
        await updateDraftForm(tx, caseId, form);
      } else {
        if ((await countDraftsLocked(tx, actor.memberId)) >= maxOpenDrafts)
          return { ok: false, tooManyDrafts: true, values: form };
        caseId = await createCase(tx, {
          referrerMemberId: actor.memberId,
          referrerOrganisationId: actor.organisationId,
          form,
          ...(submissionId ? { submissionId } : {}),
        });
      }
      await recordAudit(tx, actor, {
        action: 'referral.draftSaved',
        recordType: 'case',
        recordId: caseId,
        purpose: 'aanmelding',
      });
      return { ok: true, caseId };
    });
  // Two clicks at once on a fresh form: one creates the draft, the other finds it and updates it.
  return save().catch((error: unknown) => {
    if (submissionId && isUniqueViolation(error)) return save();
    throw error;
  });
}

/**
 * Submits an aanmelding: validates everything, then stores it whole in one transaction with a reference
 * and an audit event. The case is processed on behalf of the referrer's organisation (or, for a
 * non-partner referrer, the partner the procesmanager names). The procesmanagers are told in the same transaction (the outbox).
 * The card's submission id makes it once: a repeated click or a retried invoke, one after the other or at the same
 * moment, answers with the same reference and tells nobody again.
 */
export async function submitReferral(
  /** `figuresTimeZone`: the network's timezone, whose day a birth date may not lie after. */
  deps: UseCaseDeps & { figuresTimeZone?: string },
  actor: Actor,
  input: { caseId?: string; submissionId?: string; resubmission?: boolean; data: Record<string, unknown> },
): Promise<SubmitResult> {
  assertCan(actor, 'referrals.submit');
  const forExternal = await registersForExternal(deps.db, actor);
  const submissionId = validSubmissionId(input.submissionId);
  const earlier = submissionId ? await findCaseBySubmission(deps.db, submissionId) : undefined;
  if (earlier && earlier.referrerMemberId !== actor.memberId)
    throw new DomainError(ErrorCode.NotFound, 'Case not found for this referrer');
  const repeat = (c: SubmittedCase | undefined): SubmitResult | undefined =>
    c?.reference && c.status !== 'draft'
      ? { ok: true, caseId: c.id, reference: c.reference, resubmitted: Boolean(input.resubmission), notifications: [] }
      : undefined;
  const answered = repeat(earlier);
  if (answered) return answered;
  // A saved draft of this very card is submitted as that draft.
  const caseId = input.caseId ?? earlier?.id;
  // Someone else's case is "not found" before anything about the form is said.
  if (caseId) await findEditableCase(deps.db, actor, caseId);
  const values = pickFormValues(input.data);
  const partnerIds = new Set((await listPartners(deps.db)).map((o) => o.id));
  const now = deps.clock.now();
  const today = localParts(now, deps.figuresTimeZone ?? defaultNetworkTimeZone).date;
  const parsed = parseReferralForm(values, { partnerIds, onBehalfOfExternal: forExternal, today });
  if (!parsed.ok) return { ok: false, errors: parsed.errors, values };
  const referral = parsed.referral;

  const submit = () =>
    deps.db.$transaction(async (tx) => {
      if (caseId) {
        // Two copies of one click on a draft take turns here; the second finds it submitted.
        await lockCase(tx, caseId);
        const again = submissionId ? await findCaseBySubmission(tx, submissionId) : undefined;
        if (repeat(again)) return { duplicate: true as const };
      }
      const existing = caseId ? await findEditableCase(tx, actor, caseId) : undefined;
      const id =
        existing?.id ??
        (await createCase(tx, {
          referrerMemberId: actor.memberId,
          referrerOrganisationId: actor.organisationId,
          form: values,
          ...(submissionId ? { submissionId } : {}),
        }));
      const reference =
        existing?.reference ??
        formatReference(now.getUTCFullYear(), await nextReferenceNumber(tx, now.getUTCFullYear()));
      const resubmitted = existing?.status === 'infoRequested';
      await saveSubmission(tx, id, {
        referral,
        form: values,
        reference,
        responsibleOrganisationId: referral.responsibleOrganisationId ?? actor.organisationId,
        submittedAt: now,
        ...(submissionId ? { submissionId } : {}),
      });
      await recordAudit(tx, actor, {
        action: resubmitted ? 'referral.resubmitted' : 'referral.submitted',
        recordType: 'case',
        recordId: id,
        purpose: 'aanmelding',
      });
      await countRepeatReferral(tx, id);
      const processManagers = await listActiveMembers(tx, { role: 'processManager' });
      const notifications = await tell(
        tx,
        now,
        processManagers.map((pm) => ({
          kind: 'screeningRequested' as const,
          to: pm.aadObjectId,
          caseId: id,
          resubmitted,
        })),
      );
      return { caseId: id, reference, resubmitted, notifications };
    });
  // Two copies of one fresh form at the same moment: the unique submission id lets one in, the other finds it.
  const result = await submit().catch((error: unknown) => {
    if (submissionId && isUniqueViolation(error)) return { duplicate: true as const };
    throw error;
  });
  if ('duplicate' in result) {
    const first = repeat(await findCaseBySubmission(deps.db, submissionId!));
    if (!first) throw new DomainError(ErrorCode.Conflict, 'Submission id taken by another case');
    return first;
  }
  return { ok: true, ...result };
}

/**
 * For the figures: whether this aanmelding is a herhaalde aanmelding (a person in it was in a case closed in the 12
 * months before). Found among the cases still held at the moment it comes in, and kept as a yes or no on the case, so
 * that the count survives the earlier case's deletion. The system does it, not the referrer, who learns nothing of it.
 */
async function countRepeatReferral(tx: Tx, caseId: string): Promise<void> {
  await markRepeatReferrals(tx, [caseId]);
  await recordAudit(tx, 'system', {
    action: 'referral.repeatCounted',
    recordType: 'case',
    recordId: caseId,
    purpose: 'herhaalcontrole',
  });
}

/**
 * The referrer's own aanmelding as the procesmanager left it (accepted, rejected with a reason, or a question):
 * what the pushed notice opens. Anyone else hears "not found".
 */
export async function referralOutcome(tx: Tx, actor: Actor, caseId: string) {
  const found = await findCaseById(tx, caseId);
  if (!found || found.referrer.memberId !== actor.memberId || found.status === 'draft')
    throw new DomainError(ErrorCode.NotFound, 'Case not found for this referrer');
  return found;
}
