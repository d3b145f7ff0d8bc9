import type { Upstream } from './upstream-error';

// How adapters report each attempt (for metrics) without knowing about Prometheus.
export type UpstreamOutcome = 'ok' | 'client_error' | 'server_error' | 'rate_limited' | 'unexpected_status' | 'timeout' | 'connection_error' | 'invalid_body';

export type UpstreamObserver = (upstream: Upstream, outcome: UpstreamOutcome, durationMs: number) => void;

export function outcomeOfStatus(status: number): UpstreamOutcome {
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  if (status >= 400) return 'client_error';
  return status >= 200 && status < 300 ? 'ok' : 'unexpected_status';
}
