import type { Actor } from '../actor.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import type { MemberRole } from '../members/member.types.ts';

/**
 * Who may do what, by role. The one table every use case asks; record-level need-to-know
 * (which cases an organisation may see) lives beside it in the query filters of access/.
 */
const permissions = {
  'members.register': ['processManager'],
  'members.list': ['processManager', 'contactPerson'],
  'referrals.submit': ['processManager', 'contactPerson', 'participant'],
  'referrals.submitForExternal': ['processManager'],
  'screening.decide': ['processManager'],
  'tables.list': ['processManager', 'contactPerson', 'participant'],
  'tables.manage': ['processManager'],
  'agenda.manage': ['processManager'],
  'agenda.view': ['processManager', 'contactPerson', 'participant'],
  /** The schaduwlijst: the procesmanager sees all of it; a regisseur (any member) only the cases they direct. */
  /** The logbook of data processing: who saw or changed what, when, for which purpose. */
  'logbook.view': ['processManager'],
  /** Inzage (AVG art. 15): everything held about one person, for the procesmanager to hand over. */
  'inzage.produce': ['processManager'],
  'shadowList.view': ['processManager', 'contactPerson', 'participant'],
  /**
   * Working on cases at all: every case rule in case-access.ts starts here. A stuurgroeplid steers on figures and
   * sees nothing of any case, not even of the cases their own organisation is involved in.
   */
  'cases.work': ['processManager', 'contactPerson', 'participant'],
  /** The kengetallen (cijfers), without personal data: the procesmanager and the stuurgroep. */
  'figures.view': ['processManager', 'steeringGroupMember'],
  /** Linking the stuurgroep's channel, where the quarter's figures are posted. */
  'figures.linkChannel': ['processManager'],
} as const satisfies Record<string, readonly MemberRole[]>;

export type Permission = keyof typeof permissions;

export function can(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return (permissions[permission] as readonly MemberRole[]).includes(actor.role);
}

export function assertCan(actor: Pick<Actor, 'role'>, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new DomainError(ErrorCode.Forbidden, `Role may not ${permission}`, { permission });
  }
}
