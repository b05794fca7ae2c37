/** Teams throttles (429) and has passing faults (412 on busy conversations, 502, 503, 504): try again. */
export const retryableStatusCodes: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);
/**
 * Answers that say Teams did not take the message. A gateway error (502, 504) may come after Teams created
 * it: where a repeat would show twice to everyone (a channel post), only these are retried.
 */
export const throttlingStatusCodes: ReadonlySet<number> = new Set([412, 429]);

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 8_000 };

export function statusCodeOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | undefined;
  const code = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof code === 'number' ? code : undefined;
}

/** Exponential backoff with full jitter, honouring a Retry-After the service gave (in seconds). */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
  retryAfterSeconds?: number,
): number {
  if (retryAfterSeconds !== undefined && retryAfterSeconds >= 0)
    return Math.min(retryAfterSeconds * 1000, policy.maxDelayMs);
  const ceiling = Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The Retry-After (seconds) Teams sent with a throttled answer. */
export function retryAfterOf(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (n: string) => string | null | undefined } } })?.response
    ?.headers;
  const value = headers?.get?.('retry-after');
  const seconds = value == null ? NaN : Number(value);
  return Number.isFinite(seconds) ? seconds : undefined;
}

export async function withRetry<T>(
  work: () => Promise<T>,
  options: {
    policy?: RetryPolicy;
    sleep?: (ms: number) => Promise<void>;
    random?: () => number;
    onRetry?: (status: number, attempt: number, delayMs: number) => void;
    retryOn?: ReadonlySet<number>;
  } = {},
): Promise<T> {
  const policy = options.policy ?? defaultRetryPolicy;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const status = statusCodeOf(error);
      if (
        status === undefined ||
        !(options.retryOn ?? retryableStatusCodes).has(status) ||
        attempt + 1 >= policy.attempts
      )
        throw error;
      const delay = backoffDelay(attempt, policy, options.random ?? Math.random, retryAfterOf(error));
      options.onRetry?.(status, attempt + 1, delay);
      await sleep(delay);
    }
  }
}
