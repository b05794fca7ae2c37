/** Stable codes; the bot maps each to a Dutch message in one table. No personal data in `details`. */
export const ErrorCode = {
  NotAMember: 'NOT_A_MEMBER',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Invalid: 'INVALID',
  Conflict: 'CONFLICT',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Every permission a refusal can name. Who holds each is the policy's (src/access/policy.ts), which has an entry
 * for every name, also where the decision is about one record (a rule in access/case-access.ts); the bot has a
 * Dutch message for every name (bot/teams/error-messages.ts). The compiler checks both.
 */
export const permissionNames = [
  'members.register',
  'members.list',
  'referrals.submit',
  'referrals.submitForExternal',
  'screening.decide',
  'tables.list',
  'tables.manage',
  'agenda.manage',
  'agenda.view',
  'logbook.view',
  'logbook.viewEmployee',
  'inzage.produce',
  'shadowList.view',
  'cases.work',
  'figures.view',
  'figures.linkChannel',
  'notices.manage',
  'confidentiality.manage',
  // Decided per record by a rule in access/case-access.ts; the policy names the roles that may ever do it.
  'sessions.run',
  'decisions.record',
  'discussion.contribute',
  'actions.claim',
  'actions.reassign',
  'actions.notDone',
  'actions.takeHome',
  'consent.answer',
  'regie.direct',
  'informing.record',
  'regie.changeDirector',
  'proposals.decide',
  'evaluations.remind',
] as const;
export type Permission = (typeof permissionNames)[number];

/** Why a step does not fit the current state: the reason a Conflict error carries, one Dutch message each. */
export const conflictReasons = [
  'caseClosed',
  'notClosed',
  'caseChanged',
  'onShadowList',
  'notOnShadowList',
  'noSessionWithRoom',
  'proposalOpen',
  'consentPending',
  'contributionWithdrawn',
  'ownContribution',
  'sessionClosed',
  'sessionStarted',
  'sessionNotOpened',
  'tableHasAgenda',
] as const;
export type ConflictReason = (typeof conflictReasons)[number];

/** What an error carries besides its code: a permission, a reason, ids and counts for the log; never personal data. */
export interface DomainErrorDetails {
  readonly permission?: Permission;
  readonly reason?: ConflictReason;
  readonly [key: string]: string | number | boolean | undefined;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A refusal: the actor may not do this, here or at all. The (English) message is for developers; the user reads the permission's. */
export function forbidden(permission: Permission, message: string): DomainError {
  return new DomainError(ErrorCode.Forbidden, message, { permission });
}

/** A step that does not fit the current state. The (English) message is for developers; the user reads the reason's. */
export function conflict(reason: ConflictReason, message: string): DomainError {
  return new DomainError(ErrorCode.Conflict, message, { reason });
}
