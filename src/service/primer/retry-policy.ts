// What one attempt at a Primer call ended with, as far as the retry decision cares.
export type AttemptOutcome =
  | { kind: 'connection-error' }
  | { kind: 'timeout' }
  | { kind: 'status'; status: number };

// Contract section 3: rate limiting and server-side failures may pass; Primer's 4xx answers will not change on a retry.
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

export function isRetryable(outcome: AttemptOutcome): boolean {
  return outcome.kind !== 'status' || RETRYABLE_STATUSES.has(outcome.status);
}

// `attempt` is how many attempts were already made (1 after the first); `maxRetries` counts retries after the first attempt.
export function shouldRetry(outcome: AttemptOutcome, attempt: number, maxRetries: number): boolean {
  return isRetryable(outcome) && attempt <= maxRetries;
}
