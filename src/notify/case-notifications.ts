/**
 * What a use case asks to be told to whom, once its transaction has committed. The bot renders
 * each as a card and sends it through the Notifier; the use case knows neither cards nor Teams.
 */
export type CaseNotification =
  | { kind: 'screeningRequested'; to: string; caseId: string; resubmitted: boolean }
  | { kind: 'referralAccepted'; to: string; caseId: string }
  | { kind: 'referralRejected'; to: string; caseId: string }
  | { kind: 'informationRequested'; to: string; caseId: string };
