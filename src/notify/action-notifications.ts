/** What the decision and action use cases ask to be told, after commit; the bot renders each for its recipient. */
export type ActionNotification =
  /** A new action for the recipient's organisation: someone there can take it on. */
  | { kind: 'actionAssigned'; to: string; actionId: string }
  /** The procesmanager or the regisseur gave the recipient an action. */
  | { kind: 'actionReassigned'; to: string; actionId: string }
  /** The day before the due date, or the day after it while still open. */
  | { kind: 'actionReminder'; to: string; actionId: string; when: 'before' | 'after' }
  /** A case's discussion started: its live case card in the recipient's own chat. */
  | { kind: 'discussionStarted'; to: string; agendaItemId: string }
  /** The meeting closed: the recipient's own verslag. */
  | { kind: 'sessionClosed'; to: string; sessionId: string };
