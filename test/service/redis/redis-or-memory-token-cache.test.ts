import { RedisOrMemoryTokenCache } from '../../../src/service/redis/redis-or-memory-token-cache';
import { RedisUnavailableError } from '../../../src/service/redis/redis-unavailable-error';
import { InMemoryTokenCache } from '../../../src/service/token-cache/in-memory-token-cache';
import type { TokenCache, CachedToken } from '../../../src/service/token-cache/token-cache';
import { CONTRACT_MIN_TTL_MS, tokenCacheContract } from '../../support/token-cache-contract';

const HOUR_MS = 3_600_000;

// Redis as another replica sees it, with switches for the two ways it fails: nothing answers, or reads work but writes are refused.
class FakeRedisSessions implements TokenCache {
  readonly data: InMemoryTokenCache;
  down = false;
  full = false;

  constructor(minTtlMs: number, now: () => number) {
    this.data = new InMemoryTokenCache({ minTtlMs, now });
  }

  async get(key: string): Promise<CachedToken | undefined> {
    if (this.down) throw new RedisUnavailableError('session_read', 'Connection is closed.');
    return this.data.get(key);
  }

  async set(key: string, session: CachedToken): Promise<void> {
    if (this.down || this.full) throw new RedisUnavailableError('session_write', 'OOM command not allowed');
    await this.data.set(key, session);
  }

  async delete(key: string): Promise<void> {
    if (this.down) throw new RedisUnavailableError('session_delete', 'Connection is closed.');
    await this.data.delete(key);
  }
}

function makeStore() {
  const clock = { now: 1_700_000_000_000 };
  const now = () => clock.now;
  const redis = new FakeRedisSessions(HOUR_MS, now);
  const store = new RedisOrMemoryTokenCache({ shared: redis, memory: { minTtlMs: HOUR_MS, now } });
  const session = (token: string, cartVersion = '1'): CachedToken => ({ clientToken: token, expiresAt: clock.now + 24 * HOUR_MS, cartVersion });
  return { store, redis, clock, session };
}

describe('RedisOrMemoryTokenCache, the TokenCache contract with Redis answering', () => {
  tokenCacheContract(() => new RedisOrMemoryTokenCache({ shared: new FakeRedisSessions(CONTRACT_MIN_TTL_MS, Date.now), memory: { minTtlMs: CONTRACT_MIN_TTL_MS } }));
});

describe('RedisOrMemoryTokenCache', () => {
  it('when Redis answers, then a session another replica wrote is read from it', async () => {
    const { store, redis, session } = makeStore();
    await redis.data.set('k', session('tok_other'));

    expect(await store.get('k')).toEqual(session('tok_other'));
  });

  it('when Redis cannot be read, then the session this replica last wrote there is returned from memory', async () => {
    const { store, redis, session } = makeStore();
    await store.set('k', session('tok_1'));
    redis.down = true;

    expect(await store.get('k')).toEqual(session('tok_1'));
  });

  it('when Redis cannot be read, then a session this replica last read from it is returned from memory', async () => {
    const { store, redis, session } = makeStore();
    await redis.data.set('k', session('tok_other'));
    await store.get('k');
    redis.down = true;

    expect(await store.get('k')).toEqual(session('tok_other'));
  });

  it('when Redis is down for a write, then the session is kept in memory and reused while Redis stays down', async () => {
    const { store, redis, session } = makeStore();
    redis.down = true;
    await store.set('k', session('tok_outage'));

    expect(await store.get('k')).toEqual(session('tok_outage'));
  });

  it('when Redis refuses a write but still answers reads, then the newer session in memory wins over the older one in Redis', async () => {
    const { store, redis, session } = makeStore();
    await store.set('k', session('tok_1', '1'));
    redis.full = true;

    await store.set('k', session('tok_1', '2'));

    expect(await redis.data.get('k')).toMatchObject({ cartVersion: '1' });
    expect(await store.get('k')).toMatchObject({ cartVersion: '2' });
  });

  it('when Redis answers a miss, then an older copy in memory is not used: Redis lost the entry or another replica deleted it', async () => {
    const { store, redis, session } = makeStore();
    await store.set('k', session('tok_1'));
    await redis.data.delete('k');

    expect(await store.get('k')).toBeUndefined();
  });

  it('when Redis comes back and a write reaches it, then memory no longer overrides what other replicas write later', async () => {
    const { store, redis, session } = makeStore();
    redis.down = true;
    await store.set('k', session('tok_outage', '1'));
    redis.down = false;
    await store.set('k', session('tok_outage', '2'));

    await redis.data.set('k', session('tok_other', '3'));

    expect(await store.get('k')).toMatchObject({ clientToken: 'tok_other', cartVersion: '3' });
  });

  it('when a delete cannot reach Redis, then memory forgets the session anyway and nothing is thrown', async () => {
    const { store, redis, session } = makeStore();
    redis.down = true;
    await store.set('k', session('tok_outage'));

    await expect(store.delete('k')).resolves.toBeUndefined();

    expect(await store.get('k')).toBeUndefined();
  });

  it('when a session in memory reaches the end of its reuse, then it is not returned, even with Redis down', async () => {
    const { store, redis, clock, session } = makeStore();
    redis.down = true;
    await store.set('k', session('tok_outage'));
    clock.now += 23 * HOUR_MS;

    expect(await store.get('k')).toBeUndefined();
  });

  it('when the shared store fails in a way that is not a Redis outage, then the error is not hidden', async () => {
    const { store, redis } = makeStore();
    jest.spyOn(redis, 'get').mockRejectedValue(new TypeError('a bug'));

    await expect(store.get('k')).rejects.toThrow('a bug');
  });
});
