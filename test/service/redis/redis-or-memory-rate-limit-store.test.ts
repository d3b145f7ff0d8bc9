import { MemoryStore, type Options, type Store } from 'express-rate-limit';
import { createLogger } from '../../../src/service/observability/logger';
import { RedisGuard } from '../../../src/service/redis/redis-guard';
import { RedisOrMemoryRateLimitStore } from '../../../src/service/redis/redis-or-memory-rate-limit-store';
import { RedisUnavailableError } from '../../../src/service/redis/redis-unavailable-error';

const WINDOW = { windowMs: 60_000 } as Options;

// The shared count, as Redis keeps it for every replica, with a switch for an outage.
class FakeRedisCounts extends MemoryStore implements Store {
  readonly prefix = 'test:rate-limit:';
  down = false;

  override async increment(key: string) {
    if (this.down) throw new RedisUnavailableError('rate_limit', 'Connection is closed.');
    return super.increment(key);
  }
}

function makeStore() {
  const counted: string[] = [];
  const guard = new RedisGuard({ logger: createLogger('silent'), countFailure: (operation, outcome) => void counted.push(`${operation} ${outcome}`) });
  const redis = new FakeRedisCounts();
  const store = new RedisOrMemoryRateLimitStore(redis, guard);
  void store.init(WINDOW);
  return { store, redis, counted };
}

const hits = async (store: Store, key: string, times: number) => {
  let last = 0;
  for (let i = 0; i < times; i += 1) last = (await store.increment(key)).totalHits;
  return last;
};

describe('RedisOrMemoryRateLimitStore', () => {
  it('when Redis answers, then the shared count is the answer, other replicas\' hits included', async () => {
    const { store, redis } = makeStore();
    await hits(redis, 'client', 3);

    expect((await store.increment('client')).totalHits).toBe(4);
  });

  it('when Redis fails, then this replica\'s own count answers, starting from the hits it saw in the window', async () => {
    const { store, redis } = makeStore();
    await hits(redis, 'client', 10);
    await hits(store, 'client', 2);
    redis.down = true;

    const answer = await store.increment('client');

    expect(answer.totalHits).toBe(3);
    expect(answer.resetTime?.getTime()).toBeGreaterThan(Date.now());
  });

  it('when Redis comes back, then the shared count answers again', async () => {
    const { store, redis } = makeStore();
    redis.down = true;
    await hits(store, 'client', 2);
    redis.down = false;

    expect((await store.increment('client')).totalHits).toBe(1);
  });

  it('when the shared store fails in a way the guard did not see, then it is counted as a rate_limit failure and memory answers', async () => {
    const { store, redis, counted } = makeStore();
    jest.spyOn(redis, 'increment').mockRejectedValue(new TypeError('unexpected reply from redis client'));

    expect((await store.increment('client')).totalHits).toBe(1);
    expect(counted).toEqual(['rate_limit failed']);
  });

  it('when a key is reset, then both counts start again, even with Redis down', async () => {
    const { store, redis } = makeStore();
    await hits(store, 'client', 3);
    jest.spyOn(redis, 'resetKey').mockRejectedValueOnce(new RedisUnavailableError('rate_limit', 'Connection is closed.'));

    await store.resetKey('client');
    redis.down = true;

    expect((await store.increment('client')).totalHits).toBe(1);
  });

});
