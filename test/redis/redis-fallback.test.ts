import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceProcess } from '../edge/support/service-process';
import { addCart, hammer, metricValue, openSession, primerCalls, useReplicaStack, waitForClients, type ReplicaStack } from './support/replica-stack';

const RATE_LIMIT_PER_MINUTE = 5;
// After a failure a replica leaves Redis alone this long (RedisGuard's pause) before trying it again.
const GUARD_PAUSE_MS = 1_000;

interface Outage {
  name: string;
  // Applied before each test (the fixture empties Redis between tests), so it must hold whatever state Redis is in.
  begin(stack: ReplicaStack): Promise<void>;
  end(stack: ReplicaStack): Promise<void>;
}

const usedMemory = async (redis: ReplicaStack['redis']) => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1]);

const FULL: Outage = {
  name: 'is full (maxmemory with noeviction: every write refused)',
  begin: async ({ redis }) => {
    await redis.config('SET', 'maxmemory', '0');
    const empty = await usedMemory(redis);
    await redis.set('filler', 'x'.repeat(512 * 1024));
    await redis.config('SET', 'maxmemory-policy', 'noeviction');
    // Well under the filler alone: the SET's 512 KB query buffer, freed a moment later, cannot make room again.
    await redis.config('SET', 'maxmemory', String(empty + 128 * 1024));
    await expect(redis.set('probe', '1')).rejects.toThrow(/^OOM/);
  },
  end: async ({ redis }) => {
    await redis.config('SET', 'maxmemory', '0');
    await redis.flushall();
  },
};

const STOPPED: Outage = {
  name: 'is stopped',
  begin: async ({ redisServer }) => {
    if (redisServer.answering()) await redisServer.stop();
  },
  end: async ({ redisServer, redis }) => {
    await redisServer.restart();
    await waitForClients(redis, 2, 10_000);
  },
};

const FROZEN: Outage = {
  name: 'is frozen (SIGSTOP)',
  begin: async ({ redisServer }) => {
    if (redisServer.answering()) redisServer.freeze();
  },
  end: async ({ redisServer }) => {
    redisServer.thaw();
  },
};

const client = (address: string) => ({ 'X-Forwarded-For': address });
const statuses = (answers: { status: number }[]) => answers.map((answer) => answer.status);
const redisSteps = (replica: ServiceProcess) => metricValue(replica, /^redis_failures_total\{/);
const created = (replica: ServiceProcess) => metricValue(replica, /^checkout_sessions_total\{outcome="created"\}/);
const warnings = (replica: ServiceProcess) => replica.lines.filter((line) => line.includes('Redis failing'));

describe.each([FULL, STOPPED, FROZEN])('two replicas when Redis $name', (outage) => {
  const stack = useReplicaStack({ RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE), TRUST_PROXY: 'loopback', REDIS_TIMEOUT_MS: '200' });
  const burstCart = 'fallback-burst';

  beforeEach(() => outage.begin(stack));

  it('when a burst of 16 calls comes right after, then each replica counts every Redis step it failed or skipped, warns at most once, and stays ready', async () => {
    const before = await Promise.all(stack.replicas.map(redisSteps));

    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => openSession(stack.replicas[i % 2]!, 'demo-gbp', client(`198.51.100.${i}`))));

    expect(statuses(answers)).toEqual(Array(16).fill(200));
    for (const [i, replica] of stack.replicas.entries()) {
      // Each call has at least its rate limit step, which Redis either failed or was skipped for.
      expect((await redisSteps(replica)) - before[i]!).toBeGreaterThanOrEqual(8);
      expect(await metricValue(replica, /^redis_failures_total\{.*outcome="skipped"/)).toBeGreaterThan(0);
      expect(warnings(replica).length).toBeLessThanOrEqual(1);
      expect((await fetch(`${replica.url}/readyz`)).status).toBe(200);
    }
  });

  it('when 20 clients call for one cart for 2 s, then each replica makes at most one Primer session and every answer is 200', async () => {
    addCart(stack, burstCart);
    const before = await Promise.all(stack.replicas.map(created));

    // Each call from an address of its own, so the rate limit is not what holds Primer back.
    const answers = await hammer(stack.replicas, burstCart, 10, 2_000, (call) => client(`10.1.${Math.floor(call / 256) % 256}.${call % 256}`));

    expect(answers.length).toBeGreaterThan(20);
    expect(new Set(statuses(answers))).toEqual(new Set([200]));
    for (const [i, replica] of stack.replicas.entries()) expect((await created(replica)) - before[i]!).toBeLessThanOrEqual(1);
    expect(primerCalls(stack.emulator, 'POST')).toBeLessThanOrEqual(2);
  });

  it('when one client sends 8 calls to each replica, then each replica lets 5 through and answers the other 3 with 429', async () => {
    for (const replica of stack.replicas) {
      const answers: number[] = [];
      for (let i = 0; i < 8; i += 1) answers.push((await openSession(replica, 'demo-gbp', client('192.0.2.2'))).status);
      expect(answers).toEqual([...Array(RATE_LIMIT_PER_MINUTE).fill(200), ...Array(8 - RATE_LIMIT_PER_MINUTE).fill(429)]);
    }
  });

  it('when Redis is back, then sharing resumes without a restart, and a session made during the outage is still reused', async () => {
    const [a, b] = stack.replicas;
    await outage.end(stack);
    await sleep(GUARD_PAUSE_MS);

    const first = await openSession(a!, addCart(stack, 'fallback-after'), client('192.0.2.4'));
    const second = await openSession(b!, 'fallback-after', client('192.0.2.4'));
    const again = await Promise.all([openSession(a!, burstCart, client('192.0.2.5')), openSession(b!, burstCart, client('192.0.2.5'))]);

    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 200, body: first.body });
    expect(statuses(again)).toEqual([200, 200]);
    expect(primerCalls(stack.emulator, 'POST')).toBe(1);
    expect(await stack.redis.keys('checkout-session:rate-limit:*')).toHaveLength(2);
  });
});
