import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceProcess } from '../edge/support/service-process';
import { addCart, metricValue, openSession, primerCalls, useReplicaStack, waitForClients, type Answer } from './support/replica-stack';

const REDIS_TIMEOUT_MS = 200;
// After a failure a replica leaves Redis alone this long (RedisGuard's pause) before trying it again.
const GUARD_PAUSE_MS = 1_000;

async function readyz(replica: ServiceProcess): Promise<number> {
  return (await fetch(`${replica.url}/readyz`)).status;
}

const warnings = (replica: ServiceProcess) => replica.lines.filter((line) => line.includes('Redis failing'));
const statusesOf = (answers: Answer[]) => answers.map((answer) => answer.status);

describe('two replicas when Redis fails', () => {
  // The rate limit is on, so its Redis step is on the request path too.
  const stack = useReplicaStack({ RATE_LIMIT_PER_MINUTE: '1000', REDIS_TIMEOUT_MS: String(REDIS_TIMEOUT_MS) });

  it('when Redis is frozen (SIGSTOP), then each answer comes within REDIS_TIMEOUT_MS plus the upstream time, and all are 200', async () => {
    const [a, b] = stack.replicas;
    // Both replicas warmed up, then the time of a cold call (cart load, Redis steps, Primer create) with Redis well.
    await Promise.all([openSession(a!, 'demo-minimal'), openSession(b!, 'demo-minimal')]);
    const baseline = await openSession(a!, addCart(stack, 'frozen-baseline'));
    expect(baseline.status).toBe(200);

    stack.redisServer.freeze();
    try {
      const answers: Answer[] = [];
      for (let i = 0; i < 4; i += 1) answers.push(await openSession(stack.replicas[i % 2]!, addCart(stack, `frozen-${i}`)));
      expect(statusesOf(answers)).toEqual([200, 200, 200, 200]);
      // Slack for a shared CI machine; without the guard's pause each request would wait on five Redis steps (5 × 200 ms).
      for (const answer of answers) expect(answer.ms).toBeLessThan(REDIS_TIMEOUT_MS + baseline.ms + 250);
      expect([await readyz(a!), await readyz(b!)]).toEqual([200, 200]);
    } finally {
      stack.redisServer.thaw();
    }
    expect((await metricValue(a!, /^redis_failures_total\{/)) + (await metricValue(b!, /^redis_failures_total\{/))).toBeGreaterThan(0);
  });

  it('when Redis is stopped, then every request is answered 200, none 5xx, /readyz stays 200, failures are counted and warned about once', async () => {
    const [a, b] = stack.replicas;
    await stack.redisServer.stop();

    const answers: Answer[] = [];
    for (let i = 0; i < 12; i += 1) answers.push(await openSession(stack.replicas[i % 2]!, i < 6 ? 'demo-gbp' : 'demo-jpy'));

    expect(statusesOf(answers)).toEqual(Array(12).fill(200));
    expect([await readyz(a!), await readyz(b!)]).toEqual([200, 200]);
    for (const replica of [a!, b!]) {
      expect(await metricValue(replica, /^redis_failures_total\{/)).toBeGreaterThan(0);
      // One warning a minute at most; the frozen test above may have spent this minute's already.
      expect(warnings(replica).length).toBeLessThanOrEqual(1);
    }
  });

  it('when Redis comes back, then the replicas reconnect on their own and share sessions again', async () => {
    const [a, b] = stack.replicas;
    await stack.redisServer.restart();
    await waitForClients(stack.redis, 2, 10_000);
    await sleep(GUARD_PAUSE_MS);

    const first = await openSession(a!, 'demo-kwd');
    const second = await openSession(b!, 'demo-kwd');

    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 200, body: first.body });
    expect(primerCalls(stack.emulator, 'POST')).toBe(1);
    for (const replica of [a!, b!]) expect(replica.lines.filter((line) => line.includes('Redis ready')).length).toBeGreaterThanOrEqual(2);
    // The rate limit counts again: its script, gone with the old Redis, was loaded anew.
    expect(await stack.redis.keys('checkout-session:rate-limit:*')).toHaveLength(1);
    expect(await stack.redis.get((await stack.redis.keys('checkout-session:rate-limit:*'))[0]!)).toBe('2');
  });
});
