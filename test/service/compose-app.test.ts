import request from 'supertest';
import { DEMO_CARTS } from '../../src/demo/orders/demo-carts';
import { InMemoryOrderService } from '../../src/demo/orders/in-memory-order-service';
import { composeApp, type AppParts } from '../../src/service/compose-app';
import { loadConfig } from '../../src/service/config';
import { createLogger } from '../../src/service/observability/logger';
import { NoReplicaClaim } from '../../src/service/concurrency/replica-claim';
import { ProcessOnlyClaims } from '../../src/service/payments/forward-claims';
import { InMemoryPaymentRecord } from '../../src/service/payments/in-memory-payment-record';
import type { SharedState } from '../../src/service/redis/redis-shared-state';
import { NoTokenCache } from '../../src/service/token-cache/no-token-cache';
import { startFakePrimer, type FakePrimer } from '../support/fake-primer';
import { primerPayment } from '../support/primer-payment';
import { signedDelivery } from '../support/signed-webhook';
import { TEST_API_KEY } from '../support/test-app';
import { RecordingSink } from './payments/support/recording-sink';

const DEMO_SECRET = 'whsec_generated_by_the_demo_world';
const DEMO_GBP_PAYMENT = primerPayment({ orderId: 'order-demo-gbp-1001', metadata: { cartId: 'demo-gbp' } });

let primer: FakePrimer;
beforeEach(async () => {
  primer = await startFakePrimer();
});
afterEach(() => primer.close());

// The composition as main.ts does it without ORDER_SERVICE_URL: the demo world's carts, event sink and webhook secret.
function demoComposition(env: Record<string, string>, parts: AppParts) {
  const config = loadConfig({ PRIMER_API_KEY: TEST_API_KEY, PRIMER_API_URL: primer.url, DEMO_CARTS: 'true', RATE_LIMIT_PER_MINUTE: '0', ...env });
  return composeApp(config, createLogger('silent'), parts).app;
}

describe('what the composition plugs into the payment routes', () => {
  it('when ORDER_SERVICE_URL is unset, then payment events go to the sink plugged in, and the webhook route uses the plugged-in secret', async () => {
    const sink = new RecordingSink();
    const app = demoComposition({}, { orders: new InMemoryOrderService(DEMO_CARTS), paymentEvents: sink, webhookSecrets: [DEMO_SECRET] });
    primer.payments.set('kHdEw9EG', DEMO_GBP_PAYMENT);
    const { body, headers } = signedDelivery({ ...DEMO_GBP_PAYMENT, status: 'SETTLED', dateUpdated: '2026-11-26T15:00:00.000000' }, DEMO_SECRET);

    await request(app).post('/checkout/payment').send({ cartId: 'demo-gbp', paymentId: 'kHdEw9EG' }).expect(200, { paymentId: 'kHdEw9EG', status: 'AUTHORIZED', outcome: 'paid' });
    await request(app).post('/webhooks/primer').set(headers).send(body).expect(200, { result: 'delivered' });

    expect(sink.events.map((event) => [event.status, event.source])).toEqual([
      ['AUTHORIZED', 'confirmation'],
      ['SETTLED', 'webhook'],
    ]);
  });

  it('when PRIMER_WEBHOOK_SECRETS is set, then it wins over the plugged-in secret', async () => {
    const app = demoComposition({ PRIMER_WEBHOOK_SECRETS: 'whsec_configured' }, { orders: new InMemoryOrderService(DEMO_CARTS), paymentEvents: new RecordingSink(), webhookSecrets: [DEMO_SECRET] });
    const { body, headers } = signedDelivery(DEMO_GBP_PAYMENT, DEMO_SECRET);

    await request(app).post('/webhooks/primer').set(headers).send(body).expect(401);
  });

  it('when no sink is plugged in and ORDER_SERVICE_URL is unset, then neither payment route is mounted', async () => {
    const app = demoComposition({ PRIMER_WEBHOOK_SECRETS: DEMO_SECRET }, { orders: new InMemoryOrderService(DEMO_CARTS) });

    await request(app).post('/checkout/payment').send({ cartId: 'demo-gbp', paymentId: 'kHdEw9EG' }).expect(404);
    await request(app).post('/webhooks/primer').send('{}').expect(404);
    expect(primer.requests).toEqual([]);
  });
});

describe('the Redis adapters, which main.ts imports only with REDIS_URL', () => {
  const withRedis = { REDIS_URL: 'redis://127.0.0.1:9' };

  it('when REDIS_URL is set and the Redis adapters are plugged in, then the composition shares state through them', async () => {
    const config = loadConfig({ PRIMER_API_KEY: TEST_API_KEY, PRIMER_API_URL: primer.url, DEMO_CARTS: 'true', ...withRedis });
    const close = jest.fn(async () => {});
    const shared: SharedState = { tokenCache: new NoTokenCache(), replicaClaim: new NoReplicaClaim(), rateLimitStore: undefined, paymentRecord: new InMemoryPaymentRecord(), forwardClaims: new ProcessOnlyClaims(), close };
    const plugged = jest.fn(() => shared);
    const composed = composeApp(config, createLogger('silent'), { orders: new InMemoryOrderService(DEMO_CARTS), redis: plugged });

    await composed.close();
    expect(plugged).toHaveBeenCalledWith(config, 'redis://127.0.0.1:9', expect.anything(), expect.anything());
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('when REDIS_URL is set and the Redis wing was not plugged in, then composing refuses rather than keep state in memory', () => {
    expect(() => demoComposition(withRedis, { orders: new InMemoryOrderService(DEMO_CARTS) })).toThrow('REDIS_URL is set and the Redis adapters were not plugged in');
  });
});
