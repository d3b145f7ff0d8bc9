import { MemoryStore, type IncrementResponse, type Options, type Store } from 'express-rate-limit';
import type { RedisGuard } from './redis-guard';
import { RedisUnavailableError } from './redis-unavailable-error';

// One budget per client across replicas while Redis answers; this replica's own budget while it does not (docs/resilience.md,
// "When Redis fails"), so an outage never lifts the limit.
export class RedisOrMemoryRateLimitStore implements Store {
  // The shared store's keys are seen by every replica (read by express-rate-limit's double-count check).
  readonly localKeys = false;
  readonly prefix: string;
  readonly #memory = new MemoryStore();

  constructor(
    private readonly shared: Store & { readonly prefix: string },
    private readonly guard: RedisGuard,
  ) {
    this.prefix = shared.prefix;
  }

  init(options: Options): void | Promise<void> {
    this.#memory.init(options);
    return this.shared.init?.(options);
  }

  async increment(key: string): Promise<IncrementResponse> {
    // Counted in memory on every call, so a replica whose Redis fails goes on from this window's own count, not from zero.
    const local = await this.#memory.increment(key);
    const shared = await this.#shared(() => this.shared.increment(key));
    return shared ?? { totalHits: local.totalHits, resetTime: local.resetTime };
  }

  async decrement(key: string): Promise<void> {
    await this.#memory.decrement(key);
    await this.#shared(() => this.shared.decrement(key));
  }

  async resetKey(key: string): Promise<void> {
    await this.#memory.resetKey(key);
    await this.#shared(() => this.shared.resetKey(key));
  }

  // The shared store's answer, or undefined when Redis failed; a failure the guard did not see (a reply the store could
  // not read, say) is reported here, so it is counted and logged like the others.
  async #shared<T>(step: () => Promise<T> | T): Promise<T | undefined> {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof RedisUnavailableError)) this.guard.reportFailure('rate_limit', error);
      return undefined;
    }
  }
}
