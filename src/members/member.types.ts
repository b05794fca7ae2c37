export const memberRoles = ['processManager', 'contactPerson', 'participant', 'steeringGroupMember'] as const;
export type MemberRole = (typeof memberRoles)[number];

export interface MemberView {
  id: string;
  aadObjectId: string;
  /** Teams' per-bot user id, once the person has written to the bot. */
  teamsUserId?: string;
  displayName: string;
  role: MemberRole;
  organisationId: string;
  organisationName: string;
  /** Messages could not reach this person (not installed, blocked): they go out again when the person writes. */
  messagesWaiting?: true;
  /** An incidentele deelnemer: must accept the geheimhoudingsverklaring before seeing case content. */
  occasional?: true;
  /** Has accepted the current version of the geheimhoudingsverklaring (read with the turn's identity only). */
  acceptedConfidentiality?: true;
}

/**
 * Who speaks for an organisation when the bot asks it something (an evaluation, consent, a re-assessment, a
 * handover): its contactpersonen, or, where it has none, all its members. Returns their Entra ids.
 */
export function speakersFor(members: readonly MemberView[], organisationIds: readonly string[]): string[] {
  return organisationIds.flatMap((organisationId) => {
    const own = members.filter((m) => m.organisationId === organisationId);
    const contacts = own.filter((m) => m.role === 'contactPerson');
    return (contacts.length ? contacts : own).map((m) => m.aadObjectId);
  });
}
