import type { Redis } from 'ioredis';
import { createLogger } from '../../src/service/observability/logger';
import { createRedisClient } from '../../src/service/redis/redis-client';
import { RedisReplicaClaim } from '../../src/service/redis/redis-replica-claim';
import { RedisGuard } from '../../src/service/redis/redis-guard';
import type { RedisOperation } from '../../src/service/redis/redis-operation';
import { UpstreamTimeoutError } from '../../src/service/upstream/upstream-timeout-error';
import { useRedisServer } from '../support/redis-server';

const PREFIX = 'replica-claim-test:';
const fixture = useRedisServer();

function replicaClaim(options: { primerTimeoutMs?: number; client?: Redis; failures?: RedisOperation[] } = {}) {
  const guard = new RedisGuard({ logger: createLogger('silent'), countFailure: (operation) => void options.failures?.push(operation) });
  return new RedisReplicaClaim({ redis: options.client ?? fixture.redis, guard, keyPrefix: PREFIX, primerTimeoutMs: options.primerTimeoutMs ?? 2_000, leaseMs: 300 });
}

const nothingElsewhere = async () => undefined;

describe('RedisReplicaClaim', () => {
  it('when no one holds the claim, then the work runs, under a claim that expires no later than the Primer budget plus one second, released after', async () => {
    let ttlDuringWork = -1;
    const result = await replicaClaim({ primerTimeoutMs: 100 }).run('cart:1', {
      work: async () => {
        ttlDuringWork = await fixture.redis.pttl(`${PREFIX}claim:cart:1`);
        return 'created';
      },
      settledElsewhere: nothingElsewhere,
    });

    expect(result).toBe('created');
    expect(ttlDuringWork).toBeGreaterThan(0);
    expect(ttlDuringWork).toBeLessThanOrEqual(100 + 1_000);
    expect(await fixture.redis.exists(`${PREFIX}claim:cart:1`)).toBe(0);
  });

  it('when another replica holds the claim and then stores its result, then this one returns that result without working', async () => {
    await fixture.redis.set(`${PREFIX}claim:cart:2`, 'other-replica', 'PX', 5_000);
    const stored: { value?: string } = {};
    setTimeout(() => (stored.value = 'token-from-other-replica'), 150);
    const work = jest.fn(async () => 'mine');

    const result = await replicaClaim().run('cart:2', { work, settledElsewhere: async () => stored.value });

    expect(result).toBe('token-from-other-replica');
    expect(work).not.toHaveBeenCalled();
  });

  it('when the holder keeps the claim past this replica’s Primer budget, then it gives up with a timeout at the budget', async () => {
    await fixture.redis.set(`${PREFIX}claim:cart:3`, 'other-replica', 'PX', 5_000);
    const started = Date.now();

    await expect(replicaClaim({ primerTimeoutMs: 400 }).run('cart:3', { work: async () => 'mine', settledElsewhere: nothingElsewhere })).rejects.toBeInstanceOf(UpstreamTimeoutError);

    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    // Slack for a busy CI machine; the point is that it neither returns early nor waits for the claim's 5 s.
    expect(Date.now() - started).toBeLessThan(1_200);
  });

  it('when the holder’s claim lapses without a result, then this replica takes it over and does the work', async () => {
    await fixture.redis.set(`${PREFIX}claim:cart:4`, 'dead-replica', 'PX', 200);

    expect(await replicaClaim().run('cart:4', { work: async () => 'mine', settledElsewhere: nothingElsewhere })).toBe('mine');
  });

  it('when the work outlasts one lease, then the claim is renewed and no one else takes it', async () => {
    const first = replicaClaim();
    const running = first.run('cart:5', { work: () => new Promise((resolve) => setTimeout(() => resolve('first'), 900)), settledElsewhere: nothingElsewhere });
    await new Promise((resolve) => setTimeout(resolve, 600));

    expect(await fixture.redis.exists(`${PREFIX}claim:cart:5`)).toBe(1);
    expect(await running).toBe('first');
  });

  it('when Redis cannot be reached, then the work runs at once on this replica and the failure is counted', async () => {
    const failures: RedisOperation[] = [];
    const unreachable = createRedisClient({ url: 'redis://127.0.0.1:1', timeoutMs: 100, onConnectionError: () => {} });
    try {
      expect(await replicaClaim({ client: unreachable, failures }).run('cart:6', { work: async () => 'alone', settledElsewhere: nothingElsewhere })).toBe('alone');
      expect(failures).toContain('claim');
    } finally {
      unreachable.disconnect();
    }
  });
});
