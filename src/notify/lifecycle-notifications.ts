/**
 * What the regie, schaduwlijst and closure use cases ask to be told. Each is rendered for its recipient by
 * the use case that shows the case, so need-to-know is applied when the card is built, not here.
 */
export type LifecycleNotification =
  /** The casusregisseur changed: the old one and the new one hear it. */
  | { kind: 'directorChanged'; to: string; caseId: string; role: 'old' | 'new' }
  /** A regisseur proposes the schaduwlijst or closure: the procesmanagers decide. */
  | { kind: 'proposalMade'; to: string; proposalId: string }
  /** The procesmanager decided a proposal: the proposer hears how. */
  | { kind: 'proposalDecided'; to: string; proposalId: string }
  /** A closed case: each involved organisation is asked to evaluate it (again, once, as a reminder). */
  | { kind: 'evaluationRequested'; to: string; caseId: string; reminder: boolean }
  /** A case came back from the schaduwlijst, or could not be booked: the regisseur and procesmanagers hear it. */
  | { kind: 'shadowListReturn'; to: string; caseId: string; booked: boolean }
  /** The procesmanager named someone to inform the person(s). */
  | { kind: 'informerNamed'; to: string; caseId: string }
  /** The period to inform the person ran out: the one reminder to whoever informs. */
  | { kind: 'informingReminder'; to: string; caseId: string }
  /** Another organisation asks to use a contribution: its organisation answers. */
  | { kind: 'consentRequested'; to: string; consentId: string }
  /** The contributor answered (or withdrew): the one who asked hears it. */
  | { kind: 'consentAnswered'; to: string; consentId: string }
  /** The goal of a case changed: an organisation keeps or withdraws what it contributed. */
  | { kind: 'reassessmentRequested'; to: string; caseId: string }
  /** A handover takes contributions along: their organisations are asked. */
  | { kind: 'handoverConsentRequested'; to: string; handoverId: string }
  /** A handover is complete: the registering partner gets exactly what was agreed. */
  | { kind: 'handoverReady'; to: string; handoverId: string };
