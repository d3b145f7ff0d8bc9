import request from 'supertest';
import { createApp } from '../../src/service/app';
import { CheckoutSessions } from '../../src/service/checkout/checkout-sessions';
import { createLogger } from '../../src/service/observability/logger';
import { Metrics } from '../../src/service/observability/metrics/metrics';
import type { OrderService } from '../../src/service/orders/order-service';
import { Readiness } from '../../src/service/lifecycle/readiness';
import { NoReplicaClaim } from '../../src/service/concurrency/replica-claim';
import { InMemoryTokenCache } from '../../src/service/token-cache/in-memory-token-cache';

// A bug inside the request path: an adapter that throws something no error class describes.
const brokenOrders: OrderService = {
  loadCart: async () => {
    throw new TypeError('cannot read properties of undefined (reading secretField) at /srv/app/orders.ts:42');
  },
};

function appWithBug(logs: string[]) {
  const logger = createLogger('info', { write: (line: string) => void logs.push(line) });
  const checkout = new CheckoutSessions({
    orders: brokenOrders,
    primer: {
      create: () => Promise.reject(new Error('Primer must not be called')),
      update: () => Promise.reject(new Error('Primer must not be called')),
    },
    tokenCache: new InMemoryTokenCache({ minTtlMs: 0 }),
    replicaClaim: new NoReplicaClaim(),
    primerApiVersion: '2.4',
    primerTimeoutMs: 1_000,
    logger,
  });
  return createApp({ checkout, logger, readiness: new Readiness(), trustProxy: false, corsOrigins: [], rateLimitPerMinute: 0, metrics: new Metrics() });
}

describe('a bug in the request path', () => {
  it('when an unexpected error is thrown, then the browser gets 500 internal_error and the log gets the stack', async () => {
    const logs: string[] = [];

    const res = await request(appWithBug(logs)).post('/checkout/session').send({ cartId: 'demo-gbp' });

    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 500, code: 'internal_error', requestId: res.headers['x-request-id'] });
    expect(res.text).not.toMatch(/secretField|orders\.ts|TypeError|at /);
    const logged = logs.map((line) => JSON.parse(line) as { msg: string; requestId?: string; err?: { stack?: string } });
    const failure = logged.find((line) => line.msg === 'unhandled error');
    expect(failure?.requestId).toBe(res.headers['x-request-id']);
    expect(failure?.err?.stack).toContain('secretField');
  });
});
