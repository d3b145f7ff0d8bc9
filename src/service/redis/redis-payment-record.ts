import type { Redis } from 'ioredis';
import { idempotencyKeyOf } from '../payments/idempotency-key';
import type { InMemoryPaymentRecord } from '../payments/in-memory-payment-record';
import { PAYMENT_RECORD_TTL_MS, strongestVerdict, verdictOf, type PaymentHistory, type PaymentRecord, type RecordVerdict } from '../payments/payment-record';
import type { PaymentState } from '../payments/payment-state';
import type { RedisGuard } from './redis-guard';

export interface RedisPaymentRecordOptions {
  redis: Redis;
  guard: RedisGuard;
  keyPrefix: string;
  // This replica's own record: what it marked is known even while Redis fails, and Redis failing falls back to it.
  local: InMemoryPaymentRecord;
}

// One sorted set per payment: its recorded states, each scored by its dateUpdated, kept 7 days after the latest mark.
export class RedisPaymentRecord implements PaymentRecord {
  constructor(private readonly options: RedisPaymentRecordOptions) {}

  async verdictOn(state: PaymentState): Promise<RecordVerdict> {
    const local = await this.options.local.verdictOn(state);
    const shared = await this.options.guard.attempt('payment_read', () => this.#history(state), undefined);
    return shared === undefined ? local : strongestVerdict(local, verdictOf(shared, state));
  }

  async mark(state: PaymentState): Promise<void> {
    await this.options.local.mark(state);
    const key = this.#key(state.paymentId);
    await this.options.guard.attempt(
      'payment_write',
      async () => failedReply(await this.options.redis.multi().zadd(key, Date.parse(state.dateUpdated), idempotencyKeyOf(state)).pexpire(key, PAYMENT_RECORD_TTL_MS).exec()),
      undefined,
    );
  }

  async #history(state: PaymentState): Promise<PaymentHistory> {
    const key = this.#key(state.paymentId);
    const [score, latest] = await Promise.all([this.options.redis.zscore(key, idempotencyKeyOf(state)), this.options.redis.zrange(key, -1, -1, 'WITHSCORES')]);
    return { hasState: score !== null, latestMs: latest[1] === undefined ? undefined : Number(latest[1]) };
  }

  #key(paymentId: string): string {
    return `${this.options.keyPrefix}payment:${paymentId}`;
  }
}

// A transaction's commands can fail one by one (a full Redis refuses the write) without exec() rejecting.
function failedReply(replies: [Error | null, unknown][] | null): void {
  const failure = replies === null ? new Error('transaction discarded') : replies.find(([error]) => error !== null)?.[0];
  if (failure) throw failure;
}
