import type { MemberRole } from './members/member.types.ts';

/** Who is acting, and for which organisation. Every use case takes one, so every rule sees it. */
export interface Actor {
  memberId: string;
  aadObjectId: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  role: MemberRole;
  /**
   * An incidentele deelnemer, or a guest from another tenant, who has not accepted the current
   * geheimhoudingsverklaring: sees case references only (access/case-access.ts, withholdsCaseContent).
   */
  confidentialityPending?: true;
}
