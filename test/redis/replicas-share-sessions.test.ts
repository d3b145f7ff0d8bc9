import { openSession, primerCalls, useReplicaStack } from './support/replica-stack';

describe('two replicas sharing one Redis', () => {
  const stack = useReplicaStack();

  it('when a cart is opened on one replica and again on the other, then the second gets the same token and Primer is not called again', async () => {
    const [a, b] = stack.replicas;
    const first = await openSession(a!, 'demo-gbp');
    const second = await openSession(b!, 'demo-gbp');

    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 200, body: first.body });
    expect(primerCalls(stack.emulator, 'POST')).toBe(1);
    expect(primerCalls(stack.emulator, 'PATCH')).toBe(0);
  });

  it('when the cart changes after one replica opened it, then the other updates the same session with one PATCH and returns the same token', async () => {
    const [a, b] = stack.replicas;
    const first = await openSession(a!, 'demo-jpy');
    const cart = stack.orders.carts.get('demo-jpy')!;
    cart.version = `${String(cart.version)}-changed`;

    const second = await openSession(b!, 'demo-jpy');
    const third = await openSession(a!, 'demo-jpy');

    expect(second).toMatchObject({ status: 200, body: { clientToken: first.body['clientToken'] } });
    expect(third).toMatchObject({ status: 200, body: { clientToken: first.body['clientToken'] } });
    expect(primerCalls(stack.emulator, 'POST')).toBe(1);
    expect(primerCalls(stack.emulator, 'PATCH')).toBe(1);
  });

  it('when 24 identical calls arrive at once, spread over both replicas, then Primer is called once and all get one token', async () => {
    // A slow Primer keeps the first call in flight while the others arrive.
    stack.emulator.faults.enqueue({ match: { method: 'POST', path: '/client-session' }, times: 1, fault: { kind: 'delay-headers', ms: 300 } });

    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => openSession(stack.replicas[i % 2]!, 'demo-kwd')));

    expect(answers.map((answer) => answer.status)).toEqual(Array(24).fill(200));
    expect(new Set(answers.map((answer) => answer.body['clientToken'])).size).toBe(1);
    expect(primerCalls(stack.emulator, 'POST')).toBe(1);
  });

  it('when a session is stored, then every key the replicas wrote starts with the prefix and none outlives the token', async () => {
    const answer = await openSession(stack.replicas[0]!, 'demo-unicode');

    const keys = await stack.redis.keys('*');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.startsWith('checkout-session:'))).toBe(true);
    const tokenLeftMs = Date.parse(String(answer.body['clientTokenExpirationDate'])) - Date.now();
    for (const key of keys) {
      const ttl = await stack.redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(tokenLeftMs);
    }
  });

  it('when the replicas log, then no line carries a client token', async () => {
    const answer = await openSession(stack.replicas[1]!, 'demo-gbp');

    const token = String(answer.body['clientToken']);
    for (const replica of stack.replicas) expect(replica.lines.join('\n')).not.toContain(token);
  });
});
