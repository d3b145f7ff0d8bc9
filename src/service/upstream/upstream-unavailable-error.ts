import { UpstreamError, type Upstream } from './upstream-error';

// Unreachable, 5xx or 429 after retries, or the circuit breaker is open: worth trying again later.
export class UpstreamUnavailableError extends UpstreamError {
  readonly kind = 'unavailable';

  constructor(
    upstream: Upstream,
    detail: string,
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(upstream, detail, options);
  }
}
