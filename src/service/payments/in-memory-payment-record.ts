import { LRUCache } from 'lru-cache';
import { idempotencyKeyOf } from './idempotency-key';
import { PAYMENT_RECORD_TTL_MS, verdictOf, type PaymentRecord, type RecordVerdict } from './payment-record';
import type { PaymentState } from './payment-state';

export interface InMemoryPaymentRecordOptions {
  maxPayments?: number;
  now?: () => number;
}

interface Recorded {
  readonly states: Set<string>;
  latestMs: number;
}

const DEFAULT_MAX_PAYMENTS = 10_000;

// One replica's record, bounded by an LRU cap and the 7-day TTL; also what a Redis-backed record falls back to.
export class InMemoryPaymentRecord implements PaymentRecord {
  readonly #payments: LRUCache<string, Recorded>;

  constructor(options: InMemoryPaymentRecordOptions = {}) {
    const now = options.now ?? Date.now;
    this.#payments = new LRUCache({ max: options.maxPayments ?? DEFAULT_MAX_PAYMENTS, ttl: PAYMENT_RECORD_TTL_MS, perf: { now }, ttlResolution: 0 });
  }

  async verdictOn(state: PaymentState): Promise<RecordVerdict> {
    const recorded = this.#payments.get(state.paymentId);
    return verdictOf({ hasState: recorded?.states.has(idempotencyKeyOf(state)) ?? false, latestMs: recorded?.latestMs }, state);
  }

  async mark(state: PaymentState): Promise<void> {
    const at = Date.parse(state.dateUpdated);
    const recorded = this.#payments.get(state.paymentId);
    if (recorded === undefined) {
      this.#payments.set(state.paymentId, { states: new Set([idempotencyKeyOf(state)]), latestMs: at });
      return;
    }
    recorded.states.add(idempotencyKeyOf(state));
    recorded.latestMs = Math.max(recorded.latestMs, at);
    // Set again so the TTL counts from the latest state, as Redis's PEXPIRE does.
    this.#payments.set(state.paymentId, recorded);
  }
}
