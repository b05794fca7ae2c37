import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { assertCan } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/client.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import { findOrganisationById } from '../organisations/organisation.repository.ts';
import { upsertMember } from './member.repository.ts';
import { markRegistrationHandled } from './registration-request.repository.ts';
import { memberRoles, type MemberView } from './member.types.ts';
import { optionalEmail, optionalPhone, requiredChoice, requiredText } from '../validation.ts';

export const registerMemberInput = z.object({
  aadObjectId: requiredText('Kies een persoon of vul het object-id in.', 100),
  displayName: requiredText('Vul een naam in.', 200),
  organisationId: requiredText('Kies een organisatie.').pipe(z.string().uuid('Kies een organisatie.')),
  role: requiredChoice(memberRoles, 'Kies een rol.'),
  phone: optionalPhone,
  email: optionalEmail,
  /** An incidentele deelnemer: sees case references only until they accepted the geheimhoudingsverklaring. */
  occasional: z
    .unknown()
    .optional()
    .transform((v) => v === true || v === 'true'),
});
export type RegisterMemberInput = z.infer<typeof registerMemberInput>;

/** The procesmanager links a Teams user to a partner organisation and a role. */
export async function registerMember(
  db: Db,
  actor: Actor,
  raw: unknown,
): Promise<{ member: MemberView; created: boolean }> {
  assertCan(actor, 'members.register');
  const parsed = registerMemberInput.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError(ErrorCode.Invalid, 'Invalid member registration', {
      fields: parsed.error.issues.map((i) => i.path.join('.')).join(','),
    });
  }
  const input = parsed.data;
  if (input.aadObjectId === actor.aadObjectId && input.role !== 'processManager') {
    // Demoting yourself could leave the network without anyone able to register members.
    throw new DomainError(ErrorCode.Conflict, 'A process manager cannot change their own role');
  }
  return db.$transaction(async (tx) => {
    const organisation = await findOrganisationById(tx, input.organisationId);
    if (!organisation) throw new DomainError(ErrorCode.NotFound, 'Organisation not found');
    const result = await upsertMember(tx, input);
    // Whoever asked to be registered is: their request is handled.
    const handled = await markRegistrationHandled(tx, input.aadObjectId, new Date());
    if (handled)
      await recordAudit(tx, actor, {
        action: 'registration.handled',
        recordType: 'registrationRequest',
        recordId: handled,
        purpose: 'deelnemersbeheer',
      });
    await recordAudit(tx, actor, {
      action: result.created ? 'member.registered' : 'member.updated',
      recordType: 'member',
      recordId: result.member.id,
      purpose: 'deelnemersbeheer',
    });
    return result;
  });
}
