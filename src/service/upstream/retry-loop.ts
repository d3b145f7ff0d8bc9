import { backoffDelayMs } from './backoff';
import type { AttemptResult } from './http-attempt';
import { boundedRetryAfterMs, parseRetryAfterMs } from './retry-after';
import { shouldRetry, type RetryPolicy } from './retry-policy';

export interface RetryLoopOptions {
  policy: RetryPolicy;
  // Epoch ms past which no attempt starts and no wait reaches.
  deadline: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  onRetry?: (attempt: number, result: AttemptResult, delayMs: number) => void;
}

export interface RetryLoopResult {
  result: AttemptResult;
  attempts: number;
  // The upstream's Retry-After on the last answer, when it sent one, at most 60 s.
  retryAfterMs: number | undefined;
}

// Runs attempts until one is final, retries run out, or the next try would not fit before the deadline.
export async function retryLoop(attempt: (remainingMs: number, attempt: number) => Promise<AttemptResult>, options: RetryLoopOptions): Promise<RetryLoopResult> {
  const { policy, deadline } = options;
  for (let attempts = 1; ; attempts++) {
    const result = await attempt(deadline - options.now(), attempts);
    const retryAfterMs = retryAfterOf(result, options.now());
    if (!shouldRetry(policy, result, attempts)) return { result, attempts, retryAfterMs };
    const delayMs = Math.max(backoffDelayMs(attempts, policy.backoff), retryAfterMs ?? 0);
    // A retry that could not finish before the deadline only makes the shopper wait longer for the same answer.
    if (options.now() + delayMs >= deadline) return { result, attempts, retryAfterMs };
    options.onRetry?.(attempts, result, delayMs);
    await options.sleep(delayMs);
  }
}

function retryAfterOf(result: AttemptResult, now: number): number | undefined {
  if (result.kind !== 'response') return undefined;
  const header = result.headers['retry-after'];
  const parsed = parseRetryAfterMs(typeof header === 'string' ? header : undefined, now);
  return parsed === undefined ? undefined : boundedRetryAfterMs(parsed);
}
