import { createLogger } from '../../src/service/observability/logger';
import { RedisGuard } from '../../src/service/redis/redis-guard';
import { RedisTokenCache } from '../../src/service/redis/redis-token-cache';
import type { CachedToken } from '../../src/service/token-cache/token-cache';
import { useRedisServer } from '../support/redis-server';
import { CONTRACT_MIN_TTL_MS, tokenCacheContract } from '../support/token-cache-contract';

const PREFIX = 'contract-test:';

const fixture = useRedisServer();

function redisStore(minTtlMs = CONTRACT_MIN_TTL_MS): RedisTokenCache {
  const guard = new RedisGuard({ logger: createLogger('silent'), countFailure: () => {} });
  return new RedisTokenCache({ redis: fixture.redis, guard, keyPrefix: PREFIX, minTtlMs });
}

const session = (token: string, lifetimeMs: number): CachedToken => ({ clientToken: token, expiresAt: Date.now() + lifetimeMs, cartVersion: '7' });

describe('RedisTokenCache, the TokenCache contract', () => {
  tokenCacheContract(() => redisStore());
});

describe('RedisTokenCache', () => {

  it('when a session is set, then its one key is under the prefix and expires no later than the token', async () => {
    const stored = session('tok_1', 2 * 3_600_000);
    await redisStore(3_600_000).set('cart_1:2.4', stored);

    expect(await fixture.redis.keys('*')).toEqual([`${PREFIX}session:cart_1:2.4`]);
    const readAt = Date.now();
    const ttlMs = await fixture.redis.pttl(`${PREFIX}session:cart_1:2.4`);
    expect(ttlMs).toBeGreaterThan(3_600_000 - 1_000);
    // The entry lapses when reuse ends, an hour before the token expires (give or take the few ms the SET took to arrive).
    expect(ttlMs).toBeLessThanOrEqual(stored.expiresAt - readAt - 3_600_000 + 5);
    expect(ttlMs).toBeLessThan(stored.expiresAt - readAt);
  });

  it('when the key holds something that is not a session, then get misses instead of failing', async () => {
    await fixture.redis.set(`${PREFIX}session:k`, 'not json');
    await fixture.redis.set(`${PREFIX}session:j`, JSON.stringify({ clientToken: 5 }));
    expect(await redisStore().get('k')).toBeUndefined();
    expect(await redisStore().get('j')).toBeUndefined();
  });

  it('when another replica wrote the session, then this one reads it', async () => {
    const stored = session('tok_shared', 86_400_000);
    await redisStore().set('k', stored);
    expect(await redisStore().get('k')).toEqual(stored);
  });
});
