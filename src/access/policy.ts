import type { Actor } from '../actor.ts';
import { forbidden, type Permission } from '../errors.ts';
import type { MemberRole } from '../members/member.types.ts';

/**
 * Who may do what, by role. The one table every use case asks, with an entry for every permission a refusal can
 * name (errors.ts). Record-level need-to-know (which cases an organisation may see, who chairs, who directs) lives
 * beside it in access/case-access.ts; for those decisions the entry here names the roles that may ever do it.
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
  /**
   * The logbook of one employee (NEN 7513: per employee): the procesmanager for anyone, a contactpersoon for the
   * staff of their own organisation only (employeeLogbookAllowed in access/logbook-access.ts).
   */
  'logbook.viewEmployee': ['processManager', 'contactPerson'],
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
  /** What the bot could not deliver (`meldingen`) and trying it again. */
  'notices.manage': ['processManager'],
  /** Setting the geheimhoudingsverklaring that incidentele deelnemers and guests accept. */
  'confidentiality.manage': ['processManager'],

  // Decided per record by a rule in case-access.ts; here the roles that may ever do it.
  /** Running a meeting (open, next, skip, close): its table's voorzitter, or the procesmanager (canChair). */
  'sessions.run': ['processManager', 'contactPerson', 'participant'],
  /** Recording a decision: whoever chairs the table (canChair). */
  'decisions.record': ['processManager', 'contactPerson', 'participant'],
  /** Contributing to a discussion: the invited organisations and whoever chairs (canContribute). */
  'discussion.contribute': ['processManager', 'contactPerson', 'participant'],
  /** Taking an action on: a member of the organisation that owns it (canClaimAction). */
  'actions.claim': ['processManager', 'contactPerson', 'participant'],
  /** Giving an action to someone else: the casusregisseur or the procesmanager (canReassignAction). */
  'actions.reassign': ['processManager', 'contactPerson', 'participant'],
  /** "Niet uitgevoerd": the holder, the casusregisseur or the procesmanager (canCloseActionNotDone). */
  'actions.notDone': ['processManager', 'contactPerson', 'participant'],
  /** "Mee naar huis": the chair, the casusregisseur or the procesmanager (takeHomeOptions). */
  'actions.takeHome': ['processManager', 'contactPerson', 'participant'],
  /** Answering for a contribution (consent, handover, withdrawal): its own organisation (speaksForContribution). */
  'consent.answer': ['processManager', 'contactPerson', 'participant'],
  /** Following a case up (regie): its casusregisseur or the procesmanager (canDirect). */
  'regie.direct': ['processManager', 'contactPerson', 'participant'],
  /** Recording that the person was informed: the one agreed to do it, or the procesmanager (canRecordInforming). */
  'informing.record': ['processManager', 'contactPerson', 'participant'],
  /** What the procesmanager alone does with a followed case (canManageCase). */
  'regie.changeDirector': ['processManager'],
  'proposals.decide': ['processManager'],
  'evaluations.remind': ['processManager'],
} as const satisfies Record<Permission, readonly MemberRole[]>;

export type { Permission };

export function can(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return (permissions[permission] as readonly MemberRole[]).includes(actor.role);
}

export function assertCan(actor: Pick<Actor, 'role'>, permission: Permission): void {
  if (!can(actor, permission)) {
    throw forbidden(permission, `Role may not ${permission}`);
  }
}
