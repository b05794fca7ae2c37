import type { Actor } from '../actor.ts';
import { assertCan } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import type { MemberNotification } from '../notify/member-notifications.ts';
import { tell } from '../notify/queue.ts';
import type { UseCaseDeps } from '../use-case.ts';
import { listActiveMembers } from './member.repository.ts';
import {
  findRegistrationRequest,
  insertRegistrationRequest,
  type RegistrationRequestView,
} from './registration-request.repository.ts';

/**
 * "Registratie aanvragen": someone Teams knows but the network does not asks to be registered. Every procesmanager
 * is told, with a card that names nobody; the name is read when they open it. A repeat while the request is open
 * (a double click) asks nobody again. Returns whether this was a new request.
 */
export async function requestRegistration(
  deps: UseCaseDeps,
  who: { aadObjectId: string; teamsName: string },
): Promise<{ requestId?: string; notifications: MemberNotification[] }> {
  const teamsName = who.teamsName.trim().slice(0, 200) || 'Onbekende naam';
  return deps.db.$transaction(async (tx) => {
    const requestId = await insertRegistrationRequest(
      tx,
      { aadObjectId: who.aadObjectId, teamsName },
      deps.clock.now(),
    );
    if (!requestId) return { notifications: [] };
    // The person is not a member: no organisation of theirs to record.
    await recordAudit(tx, 'system', {
      action: 'registration.requested',
      recordType: 'registrationRequest',
      recordId: requestId,
      purpose: 'deelnemersbeheer',
    });
    const managers = await listActiveMembers(tx, { role: 'processManager' });
    const notifications = await tell(
      tx,
      deps.clock.now(),
      managers.map((m) => ({ kind: 'registrationRequested' as const, to: m.aadObjectId, requestId })),
    );
    return { requestId, notifications };
  });
}

/** The procesmanager opens a request: who asked, to fill in the registration form. Reading it is in the logbook. */
export async function openRegistrationRequest(
  deps: UseCaseDeps,
  actor: Actor,
  requestId: string,
): Promise<RegistrationRequestView> {
  assertCan(actor, 'members.register');
  return deps.db.$transaction(async (tx) => {
    const request = await findRegistrationRequest(tx, requestId);
    if (!request) throw new DomainError(ErrorCode.NotFound, 'Registration request not found');
    await recordAudit(tx, actor, {
      action: 'registration.viewed',
      recordType: 'registrationRequest',
      recordId: request.id,
      purpose: 'deelnemersbeheer',
    });
    return request;
  });
}
