/** The phases after the decision, as the schema names them. */
export const caseOutcomes = ['goalReached', 'goalPartlyReached', 'goalNotReached', 'transferred', 'other'] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

export const goalAnswers = ['yes', 'partly', 'no'] as const;
export type GoalAnswer = (typeof goalAnswers)[number];

export const proposalKinds = ['shadowList', 'closure'] as const;
export type ProposalKind = (typeof proposalKinds)[number];

export type RegieKind =
  'progress' | 'backOnAgenda' | 'shadowList' | 'pulledBack' | 'returned' | 'closed' | 'directorChanged';

/** How long a stable case stays on the schaduwlijst before it returns to the agenda. */
export const shadowListMonths = 6;
