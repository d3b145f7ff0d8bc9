import { Redis } from 'ioredis';
import { createLogger } from '../../src/service/logger';
import { RedisGuard } from '../../src/service/redis/redis-guard';
import { RedisSessionStore } from '../../src/service/redis/redis-session-store';
import type { StoredSession } from '../../src/service/sessions/session-store';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { CONTRACT_MIN_TTL_MS, sessionStoreContract } from '../support/session-store-contract';

const PREFIX = 'contract-test:';

let server: RedisServer;
let redis: Redis;

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url, { lazyConnect: true });
  await redis.connect();
});

afterAll(async () => {
  redis.disconnect();
  await server.stop();
});

function redisStore(minTtlMs = CONTRACT_MIN_TTL_MS): RedisSessionStore {
  const guard = new RedisGuard({ logger: createLogger('silent'), countFailure: () => {} });
  return new RedisSessionStore({ redis, guard, keyPrefix: PREFIX, minTtlMs });
}

const session = (token: string, lifetimeMs: number): StoredSession => ({ clientToken: token, expiresAt: Date.now() + lifetimeMs, cartVersion: '7' });

describe('RedisSessionStore, the SessionStore contract', () => {
  beforeEach(async () => {
    await redis.flushall();
  });
  sessionStoreContract(() => redisStore());
});

describe('RedisSessionStore', () => {
  beforeEach(async () => {
    await redis.flushall();
  });

  it('when a session is set, then its one key is under the prefix and expires no later than the token', async () => {
    const stored = session('tok_1', 2 * 3_600_000);
    await redisStore(3_600_000).set('cart_1:2.4', stored);

    expect(await redis.keys('*')).toEqual([`${PREFIX}session:cart_1:2.4`]);
    const readAt = Date.now();
    const ttlMs = await redis.pttl(`${PREFIX}session:cart_1:2.4`);
    expect(ttlMs).toBeGreaterThan(3_600_000 - 1_000);
    // The entry lapses when reuse ends, an hour before the token expires (give or take Redis's one-millisecond clock).
    expect(ttlMs).toBeLessThanOrEqual(stored.expiresAt - readAt - 3_600_000 + 1);
    expect(ttlMs).toBeLessThan(stored.expiresAt - readAt);
  });

  it('when the key holds something that is not a session, then get misses instead of failing', async () => {
    await redis.set(`${PREFIX}session:k`, 'not json');
    await redis.set(`${PREFIX}session:j`, JSON.stringify({ clientToken: 5 }));
    expect(await redisStore().get('k')).toBeUndefined();
    expect(await redisStore().get('j')).toBeUndefined();
  });

  it('when another replica wrote the session, then this one reads it', async () => {
    const stored = session('tok_shared', 86_400_000);
    await redisStore().set('k', stored);
    expect(await redisStore().get('k')).toEqual(stored);
  });
});
