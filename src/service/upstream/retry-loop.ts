import type { AttemptResult } from './http-attempt';
import { backoffDelayMs, type BackoffOptions } from './backoff';
import { parseRetryAfterMs } from './retry-after';
import { shouldRetry } from './retry-policy';

export interface RetryLoopOptions {
  budgetMs: number;
  maxRetries: number;
  backoff: BackoffOptions;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  onRetry?: (attempt: number, result: AttemptResult, delayMs: number) => void;
}

export interface RetryLoopResult {
  result: AttemptResult;
  attempts: number;
  // Primer's Retry-After on the last answer, when it sent one.
  retryAfterMs: number | undefined;
}

// Runs attempts until one is final, retries run out, or the next try would not fit in the budget.
export async function retryLoop(attempt: (remainingMs: number, attempt: number) => Promise<AttemptResult>, options: RetryLoopOptions): Promise<RetryLoopResult> {
  const deadline = options.now() + options.budgetMs;
  for (let attempts = 1; ; attempts++) {
    const result = await attempt(deadline - options.now(), attempts);
    const retryAfterMs = result.kind === 'response' ? parseRetryAfterMs(headerText(result.headers['retry-after']), options.now()) : undefined;
    if (!shouldRetry(result, attempts, options.maxRetries)) return { result, attempts, retryAfterMs };
    const delayMs = Math.max(backoffDelayMs(attempts, options.backoff), retryAfterMs ?? 0);
    // A retry that could not finish inside the budget only makes the shopper wait longer for the same answer.
    if (options.now() + delayMs >= deadline) return { result, attempts, retryAfterMs };
    options.onRetry?.(attempts, result, delayMs);
    await options.sleep(delayMs);
  }
}

function headerText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
