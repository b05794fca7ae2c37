/** What the member use cases ask to be told, after commit; the bot renders each for its recipient. */
export type MemberNotification =
  /** Someone who is not a member asked to be registered: every procesmanager hears it, without the name. */
  { kind: 'registrationRequested'; to: string; requestId: string };
