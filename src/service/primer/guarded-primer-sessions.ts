import type { Logger } from '../logger';
import { UpstreamTimeoutError } from '../upstream/upstream-timeout-error';
import { UpstreamUnavailableError } from '../upstream/upstream-unavailable-error';
import type { CircuitBreaker } from '../upstream/circuit-breaker';
import type { IssuedToken, PrimerCallContext, PrimerSessions } from './primer-sessions';
import type { ClientSessionRequest, ClientSessionUpdate } from './schema/client-session-request';

// Wraps the Primer adapter in the circuit breaker: an open circuit answers 503 at once instead of queueing shoppers.
export class GuardedPrimerSessions implements PrimerSessions {
  constructor(
    private readonly inner: PrimerSessions,
    private readonly breaker: CircuitBreaker,
    private readonly logger: Logger,
    // Counts the calls the open circuit turned away (circuit_breaker_rejections_total).
    private readonly onRejected: () => void,
  ) {}

  create(body: ClientSessionRequest, context: PrimerCallContext): Promise<IssuedToken> {
    return this.guard(context, () => this.inner.create(body, context));
  }

  update(body: ClientSessionUpdate, context: PrimerCallContext): Promise<void> {
    return this.guard(context, () => this.inner.update(body, context));
  }

  private async guard<T>(context: PrimerCallContext, call: () => Promise<T>): Promise<T> {
    const permit = this.breaker.tryAcquire();
    if (!permit.allowed) {
      const retryAfterSeconds = Math.max(1, Math.ceil(permit.retryAfterMs / 1000));
      this.onRejected();
      this.logger.debug({ requestId: context.requestId, upstream: 'primer' }, 'circuit open: Primer not called');
      throw new UpstreamUnavailableError('primer', 'circuit breaker open', retryAfterSeconds);
    }
    try {
      const value = await call();
      this.breaker.recordSuccess();
      return value;
    } catch (error) {
      // Only availability failures count; Primer's 4xx answers say nothing about whether it is up.
      if (error instanceof UpstreamUnavailableError || error instanceof UpstreamTimeoutError) this.breaker.recordFailure();
      else this.breaker.recordNeutral();
      throw error;
    }
  }
}
