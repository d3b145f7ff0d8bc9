import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { ClaimOutcome, ForwardClaims } from '../payments/forward-claims';
import { UpstreamTimeoutError } from '../upstream/upstream-timeout-error';
import type { RedisGuard } from './redis-guard';

export interface RedisPaymentClaimsOptions {
  redis: Redis;
  guard: RedisGuard;
  keyPrefix: string;
  // ORDER_SERVICE_TIMEOUT_MS: the forward a claim covers ends within it, so the claim needs no renewal.
  ordersTimeoutMs: number;
}

// Room for the Redis steps around the forward; past it a second replica may forward too, and the Idempotency-Key makes that harmless.
const CLAIM_MARGIN_MS = 2_000;
const POLL_MS = 25;
// Compare-and-delete, so a replica whose claim lapsed never releases the one another replica took since.
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

// One claim per payment (SET NX PX) names the replica forwarding it and the state it forwards; the others poll until it is gone.
export class RedisPaymentClaims implements ForwardClaims {
  readonly #leaseMs: number;

  constructor(private readonly options: RedisPaymentClaimsOptions) {
    this.#leaseMs = options.ordersTimeoutMs + CLAIM_MARGIN_MS;
  }

  async whileHeld<T>(paymentId: string, stateKey: string, work: () => Promise<T>): Promise<ClaimOutcome<T>> {
    const claimKey = `${this.options.keyPrefix}claim:payment:${paymentId}`;
    const value = `${randomUUID()} ${stateKey}`;
    const claimed = await this.options.guard.attempt('claim', () => this.options.redis.set(claimKey, value, 'PX', this.#leaseMs, 'NX'), 'unavailable');
    // Redis failing: this replica goes on alone, as one replica would.
    if (claimed === 'unavailable') return { held: true, value: await work() };
    if (claimed !== 'OK') return { held: false, forwarding: await this.#waitForRelease(claimKey) };
    try {
      return { held: true, value: await work() };
    } finally {
      await this.options.guard.attempt('claim_release', () => this.options.redis.eval(RELEASE, 1, claimKey, value), 0);
    }
  }

  // The state the holder was forwarding, once its claim is gone (released, lapsed, or unreadable because Redis fails).
  async #waitForRelease(claimKey: string): Promise<string | undefined> {
    const deadline = Date.now() + this.#leaseMs;
    let forwarding: string | undefined;
    while (Date.now() < deadline) {
      const holder = await this.options.guard.attempt('claim_check', () => this.options.redis.get(claimKey), null);
      if (holder === null) return forwarding;
      forwarding = holder.slice(holder.indexOf(' ') + 1);
      await sleep(POLL_MS);
    }
    throw new UpstreamTimeoutError('orders', 'time budget ran out waiting for another replica’s payment notification');
  }
}
