import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { ReplicaClaim, ClaimSteps } from '../concurrency/replica-claim';
import { UpstreamTimeoutError } from '../upstream/upstream-timeout-error';
import type { RedisGuard } from './redis-guard';

export interface RedisReplicaClaimOptions {
  redis: Redis;
  guard: RedisGuard;
  keyPrefix: string;
  // PRIMER_TIMEOUT_MS: a waiter waits no longer than its own budget, and a claim lives no longer than this plus one second.
  primerTimeoutMs: number;
  // A claim is held in short leases renewed while the call runs, so a replica that dies stalls the others this long at most.
  leaseMs?: number;
}

const CLAIM_MARGIN_MS = 1_000;
const DEFAULT_LEASE_MS = 1_500;
const POLL_MS = 20;
// Compare-and-act, so a replica whose lease lapsed never releases or extends the claim another replica took since.
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";
const EXTEND = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0";

// A short-lived claim in Redis (SET NX PX) names the replica that calls Primer; the others poll the session store for its result.
export class RedisReplicaClaim implements ReplicaClaim {
  readonly #leaseMs: number;

  constructor(private readonly options: RedisReplicaClaimOptions) {
    this.#leaseMs = Math.min(options.leaseMs ?? DEFAULT_LEASE_MS, options.primerTimeoutMs + CLAIM_MARGIN_MS);
  }

  async run<T>(key: string, steps: ClaimSteps<T>): Promise<T> {
    const claimKey = `${this.options.keyPrefix}claim:${key}`;
    const deadline = Date.now() + this.options.primerTimeoutMs;
    for (;;) {
      const owner = randomUUID();
      const claimed = await this.options.guard.attempt('claim', () => this.options.redis.set(claimKey, owner, 'PX', this.#leaseMs, 'NX'), 'unavailable');
      // Redis failing: this replica goes on alone, as one replica would.
      if (claimed === 'unavailable') return steps.work();
      if (claimed === 'OK') return this.#holding(claimKey, owner, steps);
      const settled = await this.#waitForOther(claimKey, steps, deadline);
      if (settled !== undefined) return settled;
      // The claim went away without a result (its holder failed or died): try to take it over.
    }
  }

  async #holding<T>(claimKey: string, owner: string, steps: ClaimSteps<T>): Promise<T> {
    const lastsUntil = Date.now() + this.options.primerTimeoutMs + CLAIM_MARGIN_MS;
    const renewal = setInterval(() => void this.#extend(claimKey, owner, lastsUntil), Math.max(10, Math.floor(this.#leaseMs / 3)));
    try {
      return await steps.work();
    } finally {
      clearInterval(renewal);
      await this.options.guard.attempt('claim_release', () => this.options.redis.eval(RELEASE, 1, claimKey, owner), 0);
    }
  }

  async #extend(claimKey: string, owner: string, lastsUntil: number): Promise<void> {
    const leaseMs = Math.min(this.#leaseMs, lastsUntil - Date.now());
    if (leaseMs <= 0) return;
    await this.options.guard.attempt('claim', () => this.options.redis.eval(EXTEND, 1, claimKey, owner, leaseMs), 0);
  }

  // The other replica's result, undefined once its claim is gone without one; past the budget, 504 as for any budget.
  async #waitForOther<T>(claimKey: string, steps: ClaimSteps<T>, deadline: number): Promise<T | undefined> {
    while (Date.now() < deadline) {
      await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
      const settled = await steps.settledElsewhere();
      if (settled !== undefined) return settled;
      const held = await this.options.guard.attempt('claim_check', () => this.options.redis.exists(claimKey), 0);
      if (held === 0) return undefined;
    }
    throw new UpstreamTimeoutError('primer', 'time budget ran out waiting for another replica’s Primer call');
  }
}
