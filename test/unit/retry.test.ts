import { describe, expect, it } from 'vitest';
import { backoffDelay, withRetry } from '../../src/notify/retry.ts';

const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 };
const httpError = (statusCode: number, retryAfter?: string) =>
  Object.assign(new Error(`HTTP ${statusCode}`), {
    statusCode,
    response: { headers: { get: (n: string) => (n === 'retry-after' ? retryAfter : undefined) } },
  });

function failing(statuses: number[], retryAfter?: string) {
  let call = 0;
  return {
    calls: () => call,
    work: async () => {
      const status = statuses[call++];
      if (status !== undefined) throw httpError(status, retryAfter);
      return 'ok';
    },
  };
}

describe('withRetry', () => {
  it.each([429, 412, 502, 504])('when Teams answers %i, then it waits and tries again', async (status) => {
    const slept: number[] = [];
    const op = failing([status, status]);
    await expect(
      withRetry(op.work, { policy, sleep: async (ms) => void slept.push(ms), random: () => 0.5 }),
    ).resolves.toBe('ok');
    expect(op.calls()).toBe(3);
    expect(slept).toEqual([75, 150]);
  });

  it('when the error is not transient, then it gives up at once', async () => {
    const op = failing([403]);
    await expect(withRetry(op.work, { policy, sleep: async () => {} })).rejects.toThrow('HTTP 403');
    expect(op.calls()).toBe(1);
  });

  it("when throttling lasts, then it stops after the policy's attempts and reports the last error", async () => {
    const op = failing([429, 429, 429, 429, 429]);
    await expect(withRetry(op.work, { policy, sleep: async () => {} })).rejects.toThrow('HTTP 429');
    expect(op.calls()).toBe(4);
  });

  it('when Teams says Retry-After, then that wait is used', async () => {
    const slept: number[] = [];
    await withRetry(failing([429], '0.3').work, { policy, sleep: async (ms) => void slept.push(ms) });
    expect(slept).toEqual([300]);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially with jitter and never passes the ceiling', () => {
    expect(backoffDelay(0, policy, () => 0)).toBe(50);
    expect(backoffDelay(0, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 1)).toBe(800);
    expect(backoffDelay(10, policy, () => 1)).toBe(1_000);
    expect(backoffDelay(0, policy, () => 0, 60)).toBe(1_000);
  });
});
