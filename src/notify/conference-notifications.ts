/**
 * What the agenda and session use cases ask to be told, once their transaction has committed. The bot
 * renders each for its recipient (who sees only their own items) and sends it through the Notifier.
 */
/** A case leaving a session; without `toSessionId` it found no later meeting and waits to be planned by hand. */
export type AgendaMove = { caseId: string; reference: string; toSessionId?: string };

export type ConferenceNotification =
  /** The posted channel card of this session must show the current agenda (edited in place, never posted again). */
  | { kind: 'agendaChanged'; sessionId: string }
  /** The agenda went out: each invited person gets their own items once. */
  | { kind: 'agendaPublished'; to: string; sessionId: string }
  /** A session moved: the person's items with their new times. */
  | { kind: 'sessionMoved'; to: string; sessionId: string; previousStartsAt: Date }
  /** Cases left a session (cancelled, or over capacity) for another. */
  | { kind: 'casesRebooked'; to: string; fromSessionId: string; why: 'cancelled' | 'overflow'; moves: AgendaMove[] }
  /** Something the procesmanager must look at. */
  | { kind: 'agendaProblem'; to: string; sessionId: string; problem: 'missed' | 'uncertain' | 'noChannel' };
