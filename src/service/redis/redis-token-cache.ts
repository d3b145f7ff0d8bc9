import type { Redis } from 'ioredis';
import { reusableForMs, type TokenCache, type CachedToken } from '../token-cache/token-cache';
import type { RedisGuard } from './redis-guard';

export interface RedisTokenCacheOptions {
  redis: Redis;
  guard: RedisGuard;
  keyPrefix: string;
  // A token is reused only while it has more than this much life left (SESSION_REUSE_MIN_TTL_S).
  minTtlMs: number;
}

// Sessions shared by every replica. Each step throws RedisUnavailableError when Redis fails (already counted and logged);
// RedisOrMemoryTokenCache, in front of it, falls back to this replica's memory then.
export class RedisTokenCache implements TokenCache {
  constructor(private readonly options: RedisTokenCacheOptions) {}

  async get(key: string): Promise<CachedToken | undefined> {
    const raw = await this.options.guard.run('session_read', () => this.options.redis.get(this.#key(key)));
    const session = raw === null ? undefined : parseSession(raw);
    // Redis expires the entry itself; this guards against clocks that disagree by a little.
    return session && reusableForMs(session, this.options.minTtlMs, Date.now()) > 0 ? session : undefined;
  }

  async set(key: string, session: CachedToken): Promise<void> {
    const ttlMs = Math.floor(reusableForMs(session, this.options.minTtlMs, Date.now()));
    if (ttlMs <= 0) return this.delete(key);
    const value = JSON.stringify({ clientToken: session.clientToken, expiresAt: session.expiresAt, cartVersion: session.cartVersion });
    await this.options.guard.run('session_write', () => this.options.redis.set(this.#key(key), value, 'PX', ttlMs));
  }

  async delete(key: string): Promise<void> {
    await this.options.guard.run('session_delete', () => this.options.redis.del(this.#key(key)));
  }

  #key(key: string): string {
    return `${this.options.keyPrefix}session:${key}`;
  }
}

// Anything else under the key (another version's format, a hand-made entry) is a miss, never a crash.
function parseSession(raw: string): CachedToken | undefined {
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof CachedToken, unknown>>;
    const { clientToken, expiresAt, cartVersion } = value;
    if (typeof clientToken === 'string' && clientToken !== '' && typeof expiresAt === 'number' && typeof cartVersion === 'string') {
      return { clientToken, expiresAt, cartVersion };
    }
  } catch {
    // Not JSON: treated as absent.
  }
  return undefined;
}
