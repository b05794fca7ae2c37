import type { UseCaseDeps } from '../use-case.ts';
import type { Actor } from '../actor.ts';
import { assertCan } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import {
  createCase,
  findCaseById,
  nextReferenceNumber,
  saveSubmission,
  updateDraftForm,
} from '../cases/case.repository.ts';
import { formatReference } from '../cases/reference.ts';
import type { Db, Tx } from '../db/client.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import type { CaseNotification } from '../notify/case-notifications.ts';
import { findOrganisationById, listPartners } from '../organisations/organisation.repository.ts';
import { parseReferralForm, pickFormValues } from './referral-form.rules.ts';
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

/** Keeps a partly filled form for later. Only its author ever sees a draft. */
export async function saveReferralDraft(
  deps: UseCaseDeps,
  actor: Actor,
  input: { caseId?: string; data: Record<string, unknown> },
): Promise<string> {
  assertCan(actor, 'referrals.submit');
  await registersForExternal(deps.db, actor);
  const form = pickFormValues(input.data);
  return deps.db.$transaction(async (tx) => {
    let caseId = input.caseId;
    if (caseId) {
      await findEditableCase(tx, actor, caseId);
      await updateDraftForm(tx, caseId, form);
    } else {
      caseId = await createCase(tx, {
        referrerMemberId: actor.memberId,
        referrerOrganisationId: actor.organisationId,
        form,
      });
    }
    await recordAudit(tx, actor, {
      action: 'referral.draftSaved',
      recordType: 'case',
      recordId: caseId,
      purpose: 'aanmelding',
    });
    return caseId;
  });
}

/**
 * Submits an aanmelding: validates everything, then stores it whole in one transaction with a reference
 * and an audit event. The case is processed on behalf of the referrer's organisation (or, for a
 * non-partner referrer, the partner the procesmanager names). The procesmanagers are told afterwards.
 */
export async function submitReferral(
  deps: UseCaseDeps,
  actor: Actor,
  input: { caseId?: string; data: Record<string, unknown> },
): Promise<SubmitResult> {
  assertCan(actor, 'referrals.submit');
  const forExternal = await registersForExternal(deps.db, actor);
  // Someone else's case is "not found" before anything about the form is said.
  if (input.caseId) await findEditableCase(deps.db, actor, input.caseId);
  const values = pickFormValues(input.data);
  const partnerIds = new Set((await listPartners(deps.db)).map((o) => o.id));
  const now = deps.clock.now();
  const parsed = parseReferralForm(values, { partnerIds, onBehalfOfExternal: forExternal, today: now });
  if (!parsed.ok) return { ok: false, errors: parsed.errors, values };
  const referral = parsed.referral;

  const { caseId, reference, resubmitted } = await deps.db.$transaction(async (tx) => {
    const existing = input.caseId ? await findEditableCase(tx, actor, input.caseId) : undefined;
    const caseId =
      existing?.id ??
      (await createCase(tx, {
        referrerMemberId: actor.memberId,
        referrerOrganisationId: actor.organisationId,
        form: values,
      }));
    const reference =
      existing?.reference ?? formatReference(now.getUTCFullYear(), await nextReferenceNumber(tx, now.getUTCFullYear()));
    const resubmitted = existing?.status === 'infoRequested';
    await saveSubmission(tx, caseId, {
      referral,
      form: values,
      reference,
      responsibleOrganisationId: referral.responsibleOrganisationId ?? actor.organisationId,
      submittedAt: now,
    });
    await recordAudit(tx, actor, {
      action: resubmitted ? 'referral.resubmitted' : 'referral.submitted',
      recordType: 'case',
      recordId: caseId,
      purpose: 'aanmelding',
    });
    return { caseId, reference, resubmitted };
  });

  const processManagers = await listActiveMembers(deps.db, { role: 'processManager' });
  return {
    ok: true,
    caseId,
    reference,
    resubmitted,
    notifications: processManagers.map((pm) => ({
      kind: 'screeningRequested',
      to: pm.aadObjectId,
      caseId,
      resubmitted,
    })),
  };
}
