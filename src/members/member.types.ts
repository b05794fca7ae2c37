export const memberRoles = ['processManager', 'contactPerson', 'participant'] as const;
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
}
