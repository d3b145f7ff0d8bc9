import type { BackoffOptions } from './backoff';
import type { AttemptResult } from './http-attempt';

// How one kind of call is retried: which results are worth another attempt, how many, and how long to wait first.
export interface RetryPolicy {
  readonly retryable: (result: AttemptResult) => boolean;
  // Retries after the first attempt.
  readonly maxRetries: number;
  readonly backoff: BackoffOptions;
}

// Rate limiting and server-side failures may pass (docs/resilience.md); other answers will not change on a retry.
const UNAVAILABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

// Connection errors, timeouts, 429 and 5xx: what Primer's calls and the order-service notifications retry.
export function isUnavailable(result: AttemptResult): boolean {
  switch (result.kind) {
    case 'connection-error':
    case 'timeout':
      return true;
    case 'response':
      return UNAVAILABLE_STATUSES.has(result.status);
    // Junk (over 1 MiB, corrupt gzip) is what the same server will send again.
    case 'unreadable-body':
      return false;
  }
}

// Only a refused or dropped connection: what the cart GET retries inside its short budget.
export function isConnectionError(result: AttemptResult): boolean {
  return result.kind === 'connection-error';
}

// `attempt` is how many attempts were already made (1 after the first).
export function shouldRetry(policy: RetryPolicy, result: AttemptResult, attempt: number): boolean {
  return policy.retryable(result) && attempt <= policy.maxRetries;
}
