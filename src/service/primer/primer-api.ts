import type { Logger } from '../observability/logger';
import type { CircuitBreaker } from '../upstream/circuit-breaker';
import type { Redactor } from '../upstream/redactor';
import { isUnavailable, type RetryPolicy } from '../upstream/retry-policy';
import { UpstreamClient } from '../upstream/upstream-client';
import type { RetryObserver, UpstreamObserver } from '../upstream/upstream-observer';
import { primerErrorWords } from './primer-error-body';

export interface PrimerApiOptions {
  apiUrl: string;
  apiKey: string;
  apiVersion: string;
  timeoutMs: number;
  maxRetries: number;
  maxConnections: number;
  // PRIMER_BREAKER_*: one breaker for every Primer call.
  breaker: CircuitBreaker;
  onTurnedAway: () => void;
  redact: Redactor;
  logger: Logger;
  observe: UpstreamObserver;
  observeRetry: RetryObserver;
}

// What every Primer adapter shares: one client (one connection pool, one breaker), the retry policy and the budget.
export interface PrimerApi {
  readonly client: UpstreamClient;
  readonly policy: RetryPolicy;
  // PRIMER_TIMEOUT_MS: one Primer step, retries included.
  readonly timeoutMs: number;
}

// Full jitter from 100 ms, capped at 2 s between attempts (docs/resilience.md).
const BACKOFF = { baseMs: 100, capMs: 2_000 };

// Headers of every Primer call: https://primer.io/docs/api-reference/v2.4/api-reference/client-session-api
export function createPrimerApi(options: PrimerApiOptions): PrimerApi {
  const client = new UpstreamClient({
    upstream: 'primer',
    baseUrl: options.apiUrl,
    fixedHeaders: { 'X-Api-Key': options.apiKey, 'X-Api-Version': options.apiVersion, Accept: 'application/json' },
    maxConnections: options.maxConnections,
    breaker: { breaker: options.breaker, onTurnedAway: options.onTurnedAway },
    errorWords: primerErrorWords,
    redact: options.redact,
    logger: options.logger,
    observe: options.observe,
    observeRetry: options.observeRetry,
  });
  // Connection errors, timeouts, 429 and 5xx, PRIMER_MAX_RETRIES times; Primer's 4xx answers will not change on a retry.
  return { client, policy: { retryable: isUnavailable, maxRetries: options.maxRetries, backoff: BACKOFF }, timeoutMs: options.timeoutMs };
}
