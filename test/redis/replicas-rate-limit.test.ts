import { openSession, useReplicaStack } from './support/replica-stack';

describe('two replicas with RATE_LIMIT_PER_MINUTE=5 sharing one Redis', () => {
  const stack = useReplicaStack({ RATE_LIMIT_PER_MINUTE: '5' });

  it('when one client sends 12 calls alternating between the replicas, then exactly 5 pass and 7 are answered 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await openSession(stack.replicas[i % 2]!, 'demo-gbp')).status);

    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(200));
    expect(await stack.redis.keys('checkout-session:rate-limit:*')).toHaveLength(1);
    // Loading the counting script after start-up is the store's normal path, not a Redis failure.
    for (const replica of stack.replicas) expect(replica.lines.filter((line) => line.includes('Redis failing'))).toEqual([]);
  });
});
