export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  // Consecutive availability failures that open the breaker; 0 turns it off (PRIMER_BREAKER_FAILURES, README.md "Configuration").
  failureThreshold: number;
  // How long the breaker stays open before one probe is let through (PRIMER_BREAKER_RESET_MS).
  resetMs: number;
  now?: () => number;
  onStateChange?: (from: BreakerState, to: BreakerState) => void;
}

export type BreakerPermit = { allowed: true } | { allowed: false; retryAfterMs: number };

// While the one probe is in flight, others are told to come back soon rather than after a whole reset period.
export const PROBE_IN_FLIGHT_RETRY_AFTER_MS = 1000;

// Closed → open after N consecutive failures; open → half-open after resetMs, letting exactly one probe through;
// the probe's success closes it, its failure re-opens it for another resetMs.
export class CircuitBreaker {
  readonly #failureThreshold: number;
  readonly #resetMs: number;
  readonly #now: () => number;
  readonly #onStateChange: ((from: BreakerState, to: BreakerState) => void) | undefined;
  #state: BreakerState = 'closed';
  #consecutiveFailures = 0;
  #openedAt = 0;
  #probeInFlight = false;

  constructor(options: CircuitBreakerOptions) {
    this.#failureThreshold = options.failureThreshold;
    this.#resetMs = options.resetMs;
    this.#now = options.now ?? Date.now;
    this.#onStateChange = options.onStateChange;
  }

  tryAcquire(): BreakerPermit {
    if (this.#state === 'closed') return { allowed: true };
    if (this.#state === 'open') {
      const retryAfterMs = this.#openedAt + this.#resetMs - this.#now();
      if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
      this.#transition('half-open');
    }
    if (this.#probeInFlight) return { allowed: false, retryAfterMs: PROBE_IN_FLIGHT_RETRY_AFTER_MS };
    this.#probeInFlight = true;
    return { allowed: true };
  }

  recordSuccess(): void {
    this.#consecutiveFailures = 0;
    this.#probeInFlight = false;
    if (this.#state === 'half-open') this.#transition('closed');
  }

  recordFailure(): void {
    if (this.#failureThreshold === 0) return;
    this.#probeInFlight = false;
    if (this.#state === 'half-open') return this.#open();
    if (this.#state === 'open') return;
    this.#consecutiveFailures += 1;
    if (this.#consecutiveFailures >= this.#failureThreshold) this.#open();
  }

  // Says nothing about Primer's availability (e.g. its 4xx): frees a half-open probe slot so the next request probes; counts stay as they are.
  recordNeutral(): void {
    this.#probeInFlight = false;
  }

  #open(): void {
    this.#openedAt = this.#now();
    this.#consecutiveFailures = 0;
    this.#transition('open');
  }

  #transition(to: BreakerState): void {
    const from = this.#state;
    this.#state = to;
    this.#onStateChange?.(from, to);
  }
}
