/** Stable codes; the bot maps each to a Dutch message in one table. No personal data in `details`. */
export const ErrorCode = {
  NotAMember: 'NOT_A_MEMBER',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Invalid: 'INVALID',
  Conflict: 'CONFLICT',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, string | number | boolean> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
