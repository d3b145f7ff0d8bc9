import { InMemoryTokenCache, type InMemoryTokenCacheOptions } from '../token-cache/in-memory-token-cache';
import type { TokenCache, CachedToken } from '../token-cache/token-cache';
import { RedisUnavailableError } from './redis-unavailable-error';

export interface RedisOrMemoryTokenCacheOptions {
  // The shared store; throws RedisUnavailableError when Redis fails (RedisTokenCache).
  shared: TokenCache;
  // This replica's own stores, under the same reuse rule (SESSION_REUSE_MIN_TTL_S) as the shared one.
  memory: InMemoryTokenCacheOptions;
}

// Redis when it answers, this replica's memory when it does not (docs/resilience.md, "When Redis fails"): an outage costs
// at most one Primer session per cart version per replica, not one per request.
export class RedisOrMemoryTokenCache implements TokenCache {
  // Sessions whose latest write Redis refused or missed: Redis is behind for these keys, so they win over what it says.
  readonly #unshared: InMemoryTokenCache;
  // What this replica last wrote to Redis or read from it, for when Redis cannot be read.
  readonly #lastShared: InMemoryTokenCache;

  constructor(private readonly options: RedisOrMemoryTokenCacheOptions) {
    this.#unshared = new InMemoryTokenCache(options.memory);
    this.#lastShared = new InMemoryTokenCache(options.memory);
  }

  async get(key: string): Promise<CachedToken | undefined> {
    const unshared = await this.#unshared.get(key);
    if (unshared !== undefined) return unshared;
    const shared = await unlessUnavailable(() => this.options.shared.get(key));
    if (shared === UNAVAILABLE) return this.#lastShared.get(key);
    // Redis answered: it is the truth, a miss included (another replica deleted the session, or Redis lost it).
    await (shared === undefined ? this.#lastShared.delete(key) : this.#lastShared.set(key, shared));
    return shared;
  }

  async set(key: string, session: CachedToken): Promise<void> {
    const written = await unlessUnavailable(() => this.options.shared.set(key, session));
    const [keep, drop] = written === UNAVAILABLE ? [this.#unshared, this.#lastShared] : [this.#lastShared, this.#unshared];
    await keep.set(key, session);
    await drop.delete(key);
  }

  async delete(key: string): Promise<void> {
    await this.#unshared.delete(key);
    await this.#lastShared.delete(key);
    await unlessUnavailable(() => this.options.shared.delete(key));
  }
}

const UNAVAILABLE = Symbol('unavailable');

// The failure was counted and logged where it happened; here it only means "use memory".
async function unlessUnavailable<T>(step: () => Promise<T>): Promise<T | typeof UNAVAILABLE> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof RedisUnavailableError) return UNAVAILABLE;
    throw error;
  }
}
