import type { AttemptResult } from './http-attempt';

// Contract section 3: rate limiting and server-side failures may pass; Primer's 4xx answers will not change on a retry.
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

function isRetryable(result: AttemptResult): boolean {
  switch (result.kind) {
    case 'connection-error':
    case 'timeout':
      return true;
    case 'response':
      return RETRYABLE_STATUSES.has(result.status);
    // Junk (over 1 MiB, corrupt gzip) is what the same server will send again.
    case 'unreadable-body':
      return false;
  }
}

// `attempt` is how many attempts were already made (1 after the first); `maxRetries` counts retries after the first attempt.
export function shouldRetry(result: AttemptResult, attempt: number, maxRetries: number): boolean {
  return isRetryable(result) && attempt <= maxRetries;
}
