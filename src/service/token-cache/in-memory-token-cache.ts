import { LRUCache } from 'lru-cache';
import { reusableForMs, type TokenCache, type CachedToken } from './token-cache';

export interface InMemoryTokenCacheOptions {
  maxEntries?: number;
  // A token is reused only while it has more than this much life left (SESSION_REUSE_MIN_TTL_S).
  minTtlMs: number;
  now?: () => number;
}

const DEFAULT_MAX_ENTRIES = 10_000;

// Bounded by an LRU cap, and each entry lapses once its token can no longer be reused.
export class InMemoryTokenCache implements TokenCache {
  readonly #minTtlMs: number;
  readonly #now: () => number;
  readonly #cache: LRUCache<string, CachedToken>;

  constructor(options: InMemoryTokenCacheOptions) {
    this.#minTtlMs = options.minTtlMs;
    this.#now = options.now ?? Date.now;
    // ttlResolution 0: read the clock on every check instead of caching it for a millisecond.
    this.#cache = new LRUCache({ max: options.maxEntries ?? DEFAULT_MAX_ENTRIES, perf: { now: this.#now }, ttlResolution: 0 });
  }

  get size(): number {
    return this.#cache.size;
  }

  async get(key: string): Promise<CachedToken | undefined> {
    const session = this.#cache.get(key);
    if (session === undefined) return undefined;
    if (this.#reusableForMs(session) > 0) return { ...session };
    this.#cache.delete(key);
    return undefined;
  }

  async set(key: string, session: CachedToken): Promise<void> {
    const ttl = this.#reusableForMs(session);
    if (ttl <= 0) {
      this.#cache.delete(key);
      return;
    }
    this.#cache.set(key, { ...session }, { ttl: Math.ceil(ttl) });
  }

  async delete(key: string): Promise<void> {
    this.#cache.delete(key);
  }

  #reusableForMs(session: CachedToken): number {
    return reusableForMs(session, this.#minTtlMs, this.#now());
  }
}
