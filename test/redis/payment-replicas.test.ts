import type { ServiceProcess } from '../edge/support/service-process';
import { sendJson } from '../support/fake-http-server';
import { primerPayment } from '../support/primer-payment';
import { signedDelivery } from '../support/signed-webhook';
import { metricValue, useReplicaStack } from './support/replica-stack';

const SECRET = 'whsec_replicas_6f0b';

async function deliver(replica: ServiceProcess, delivery: { body: string; headers: Record<string, string> }): Promise<{ status: number; result: unknown }> {
  const response = await fetch(`${replica.url}/webhooks/primer`, { method: 'POST', headers: delivery.headers, body: delivery.body });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, result: body['result'] ?? body['code'] };
}

const eventsFor = (stack: ReturnType<typeof useReplicaStack>, paymentId: string) =>
  stack.orders.paymentEvents().filter((event) => (JSON.parse(event.body) as { paymentId: string }).paymentId === paymentId);

describe('two replicas sharing one Redis: the payment record', () => {
  const stack = useReplicaStack({ PRIMER_WEBHOOK_SECRETS: SECRET });

  it('when Primer delivers a payment state to one replica and retries it on the other, then the order service gets it once', async () => {
    const [a, b] = stack.replicas;
    const delivery = signedDelivery(primerPayment({ id: 'payA1' }), SECRET);

    expect(await deliver(a!, delivery)).toEqual({ status: 200, result: 'delivered' });
    expect(await deliver(b!, delivery)).toEqual({ status: 200, result: 'duplicate' });
    expect(eventsFor(stack, 'payA1')).toHaveLength(1);
  });

  it('when ten identical deliveries arrive at once, spread over both replicas, then one is delivered and the order service gets it once', async () => {
    const delivery = signedDelivery(primerPayment({ id: 'payBurst' }), SECRET);
    // A slow order service keeps the first forward under way while the others arrive on both replicas.
    stack.orders.queue((_req, res) => setTimeout(() => sendJson(res, 201, {}), 300));

    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => deliver(stack.replicas[i % 2]!, delivery)));

    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((answer) => answer.result === 'delivered')).toHaveLength(1);
    expect(answers.filter((answer) => answer.result === 'duplicate')).toHaveLength(9);
    expect(eventsFor(stack, 'payBurst')).toHaveLength(1);
  });

  it('when SETTLED reached one replica and AUTHORIZED arrives at the other, then AUTHORIZED is superseded and never forwarded', async () => {
    const [a, b] = stack.replicas;

    await deliver(a!, signedDelivery(primerPayment({ id: 'payOrder', status: 'SETTLED', dateUpdated: '2026-11-26T15:10:00.000000' }), SECRET));
    expect(await deliver(b!, signedDelivery(primerPayment({ id: 'payOrder' }), SECRET))).toEqual({ status: 200, result: 'superseded' });

    expect(eventsFor(stack, 'payOrder').map((event) => (JSON.parse(event.body) as { status: string }).status)).toEqual(['SETTLED']);
  });

  it('when a forward failed on one replica, then the retry on the other is forwarded, not taken for a duplicate', async () => {
    const [a, b] = stack.replicas;
    const delivery = signedDelivery(primerPayment({ id: 'payRetry' }), SECRET);
    stack.orders.queue((_req, res) => sendJson(res, 400, { message: 'not yet' }));

    expect(await deliver(a!, delivery)).toEqual({ status: 502, result: 'upstream_error' });
    expect(await deliver(b!, delivery)).toEqual({ status: 200, result: 'delivered' });
    expect(eventsFor(stack, 'payRetry')).toHaveLength(2);
  });

  it('when payments are recorded, then their keys are under the prefix and kept at most seven days', async () => {
    await deliver(stack.replicas[0]!, signedDelivery(primerPayment({ id: 'payKeys' }), SECRET));

    const keys = await stack.redis.keys('*payment*');
    expect(keys).toContain('checkout-session:payment:payKeys');
    for (const key of keys) {
      expect(key.startsWith('checkout-session:')).toBe(true);
      const ttl = await stack.redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(7 * 24 * 3_600_000);
    }
  });

  it('when Redis is stopped, then each replica still answers from its own record, and counts the skipped steps', async () => {
    const [a] = stack.replicas;
    const delivery = signedDelivery(primerPayment({ id: 'payOutage' }), SECRET);
    await stack.redisServer.stop();
    try {
      expect(await deliver(a!, delivery)).toEqual({ status: 200, result: 'delivered' });
      expect(await deliver(a!, delivery)).toEqual({ status: 200, result: 'duplicate' });
      expect(await metricValue(a!, /^redis_failures_total\{operation="payment_(read|write)"/)).toBeGreaterThan(0);
    } finally {
      await stack.redisServer.restart();
    }
    expect(eventsFor(stack, 'payOutage')).toHaveLength(1);
  });
});
