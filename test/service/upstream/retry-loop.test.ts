import type { AttemptResult } from '../../../src/service/upstream/http-attempt';
import { retryLoop } from '../../../src/service/upstream/retry-loop';
import { isUnavailable, type RetryPolicy } from '../../../src/service/upstream/retry-policy';
import { answered, refused } from '../../support/attempt-results';

// No jitter spread: base 0 makes the backoff 0, so only Retry-After and the deadline decide the waits.
const POLICY: RetryPolicy = { retryable: isUnavailable, maxRetries: 2, backoff: { baseMs: 0, capMs: 0 } };

function scripted(results: AttemptResult[], budgetMs: number, policy: RetryPolicy = POLICY) {
  const clock = { now: 1_000_000 };
  const waits: number[] = [];
  const remaining: number[] = [];
  const run = retryLoop(
    async (remainingMs) => {
      remaining.push(remainingMs);
      return results.shift() ?? answered(200);
    },
    {
      policy,
      deadline: clock.now + budgetMs,
      now: () => clock.now,
      sleep: async (ms) => {
        waits.push(ms);
        clock.now += ms;
      },
    },
  );
  return { run, waits, remaining };
}

describe('retryLoop', () => {
  it('when an attempt is retryable and retries remain, then the loop tries again until one is final', async () => {
    const { run, waits } = scripted([answered(503), refused], 10_000);

    expect(await run).toMatchObject({ result: { kind: 'response', status: 200 }, attempts: 3 });
    expect(waits).toEqual([0, 0]);
  });

  it('when the upstream sends Retry-After, then the wait honours it and the next attempt gets what is left of the budget', async () => {
    const { run, waits, remaining } = scripted([answered(429, '', { 'retry-after': '2' })], 10_000);

    await run;

    expect(waits).toEqual([2_000]);
    expect(remaining).toEqual([10_000, 8_000]);
  });

  it('when Retry-After is 99999 s, then it counts for 60 s: the loop stops, reporting 60 s, rather than wait past the deadline', async () => {
    const { run, waits } = scripted([answered(503, '', { 'retry-after': '99999' })], 10_000);

    expect(await run).toMatchObject({ attempts: 1, retryAfterMs: 60_000 });
    expect(waits).toEqual([]);
  });

  it('when Retry-After is 99999 s and the budget is longer than a minute, then the wait is 60 s, not a day', async () => {
    const { run, waits } = scripted([answered(503, '', { 'retry-after': '99999' })], 120_000);

    await run;

    expect(waits).toEqual([60_000]);
  });

  it('when Retry-After is 0, then it means now: the retry waits only the backoff', async () => {
    const { run, waits } = scripted([answered(503, '', { 'retry-after': '0' })], 1_000);

    expect(await run).toMatchObject({ attempts: 2 });
    expect(waits).toEqual([0]);
  });

  it('when the wait would reach the deadline, then the last answer is final', async () => {
    const { run } = scripted([answered(503, '', { 'retry-after': '1' })], 1_000);

    expect(await run).toMatchObject({ result: { status: 503 }, attempts: 1, retryAfterMs: 1_000 });
  });

  it('when retries run out, then the last retryable answer is final', async () => {
    const { run } = scripted([answered(503), answered(503), answered(503), answered(200)], 10_000);

    expect(await run).toMatchObject({ result: { status: 503 }, attempts: 3 });
  });

  it('when the policy does not retry the result, then one attempt is all', async () => {
    const { run } = scripted([answered(503)], 10_000, { ...POLICY, retryable: () => false });

    expect(await run).toMatchObject({ result: { status: 503 }, attempts: 1, retryAfterMs: undefined });
  });
});
