import type { CircuitBreaker } from './circuit-breaker';
import type { Upstream } from './upstream-error';
import { UpstreamTimeoutError } from './upstream-timeout-error';
import { UpstreamUnavailableError } from './upstream-unavailable-error';

// Runs one call behind an upstream's circuit breaker: an open circuit answers 503 at once instead of queueing shoppers.
export async function behindBreaker<T>(breaker: CircuitBreaker, upstream: Upstream, call: () => Promise<T>, onTurnedAway: () => void): Promise<T> {
  const permit = breaker.tryAcquire();
  if (!permit.allowed) {
    onTurnedAway();
    throw new UpstreamUnavailableError(upstream, 'circuit breaker open', Math.max(1, Math.ceil(permit.retryAfterMs / 1000)));
  }
  try {
    const value = await call();
    breaker.recordSuccess();
    return value;
  } catch (error) {
    // Only availability failures count; an upstream's 4xx answers say nothing about whether it is up.
    if (error instanceof UpstreamUnavailableError || error instanceof UpstreamTimeoutError) breaker.recordFailure();
    else breaker.recordNeutral();
    throw error;
  }
}
