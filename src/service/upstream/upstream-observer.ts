import type { AttemptResult } from './http-attempt';
import type { Upstream } from './upstream-error';

// How adapters report each attempt (for metrics) without knowing about Prometheus.
export type UpstreamOutcome = 'ok' | 'client_error' | 'server_error' | 'rate_limited' | 'unexpected_status' | 'timeout' | 'connection_error' | 'invalid_body';

export type UpstreamObserver = (upstream: Upstream, outcome: UpstreamOutcome, durationMs: number) => void;

// Called before each retry with what the failed attempt ended with, so retries can be counted by reason.
export type RetryObserver = (upstream: Upstream, reason: UpstreamOutcome) => void;

function outcomeOfStatus(status: number): UpstreamOutcome {
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  if (status >= 400) return 'client_error';
  return status >= 200 && status < 300 ? 'ok' : 'unexpected_status';
}

// What one attempt ended with, as a metrics label; both adapters report their attempts through it.
export function outcomeOfAttempt(result: AttemptResult): UpstreamOutcome {
  switch (result.kind) {
    case 'response':
      return outcomeOfStatus(result.status);
    case 'timeout':
      return 'timeout';
    case 'unreadable-body':
      return 'invalid_body';
    case 'connection-error':
      return 'connection_error';
  }
}
