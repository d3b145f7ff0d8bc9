import express from 'express';
import type { Store } from 'express-rate-limit';
import request from 'supertest';
import { rateLimitPerClient } from '../../../src/service/http/rate-limit';
import { requestId } from '../../../src/service/http/request-id';
import { createLogger } from '../../../src/service/observability/logger';
import { RedisGuard } from '../../../src/service/redis/redis-guard';
import { RedisOrMemoryRateLimitStore } from '../../../src/service/redis/redis-or-memory-rate-limit-store';
import { RedisUnavailableError } from '../../../src/service/redis/redis-unavailable-error';
import { startFakePrimer, type FakePrimer } from '../../support/fake-primer';
import { buildTestApp } from '../../support/test-app';

let primer: FakePrimer;

beforeEach(async () => {
  primer = await startFakePrimer();
});

afterEach(() => primer.close());

const open = (app: express.Express, headers: Record<string, string> = {}) => request(app).post('/checkout/session').set(headers).send({ cartId: 'demo-gbp' });

describe('rate limit on POST /checkout/session', () => {
  it('when a client goes over the limit, then 429 problem+json with Retry-After and RateLimit headers, and Primer is not called', async () => {
    const { app } = buildTestApp({ PRIMER_API_URL: primer.url, RATE_LIMIT_PER_MINUTE: '2', SESSION_REUSE_MIN_TTL_S: '0' });
    await open(app).expect(200);
    const second = await open(app).expect(200);

    const third = await open(app, { 'X-Request-Id': 'limited-request-0001' });

    expect(second.headers['ratelimit']).toMatch(/"checkout-session"; r=0; t=\d+/);
    expect(third.status).toBe(429);
    expect(third.type).toBe('application/problem+json');
    expect(third.body).toMatchObject({ status: 429, code: 'rate_limited', requestId: 'limited-request-0001' });
    const retryAfter = Number(third.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(third.headers['ratelimit-policy']).toMatch(/"checkout-session"; q=2; w=60/);
    expect(primer.requests).toHaveLength(2);
  });

  it('when the limit is hit, then health probes and other routes still answer', async () => {
    const { app } = buildTestApp({ PRIMER_API_URL: primer.url, RATE_LIMIT_PER_MINUTE: '1' });
    await open(app).expect(200);
    await open(app).expect(429);

    await request(app).get('/healthz').expect(200);
    await request(app).get('/readyz').expect(200);
  });

  it('when TRUST_PROXY is false, then a forged X-Forwarded-For does not buy a fresh budget', async () => {
    const { app } = buildTestApp({ PRIMER_API_URL: primer.url, RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: 'false' });
    await open(app, { 'X-Forwarded-For': '203.0.113.1' }).expect(200);

    await open(app, { 'X-Forwarded-For': '203.0.113.2' }).expect(429);
  });

  it('when the proxy is trusted, then each forwarded client address has its own budget', async () => {
    const { app } = buildTestApp({ PRIMER_API_URL: primer.url, RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: 'loopback' });
    await open(app, { 'X-Forwarded-For': '203.0.113.1' }).expect(200);

    await open(app, { 'X-Forwarded-For': '203.0.113.1' }).expect(429);
    await open(app, { 'X-Forwarded-For': '203.0.113.2' }).expect(200);
  });

  it('when RATE_LIMIT_PER_MINUTE is 0, then nothing is limited and no RateLimit header is sent', async () => {
    const { app } = buildTestApp({ PRIMER_API_URL: primer.url, RATE_LIMIT_PER_MINUTE: '0' });

    for (let i = 0; i < 5; i += 1) {
      const res = await open(app);
      expect(res.status).toBe(200);
      expect(res.headers['ratelimit']).toBeUndefined();
    }
  });

  it('when a store is given, then hits are counted there, keyed by client address', async () => {
    const keys: string[] = [];
    const store: Store = {
      increment: (key) => {
        keys.push(key);
        return { totalHits: keys.length, resetTime: new Date(Date.now() + 60_000) };
      },
      decrement: () => undefined,
      resetKey: () => undefined,
    };
    const app = express();
    app.use(requestId);
    app.use(rateLimitPerClient({ perMinute: 1, logger: createLogger('silent'), store }));
    app.post('/checkout/session', (_req, res) => res.json({ ok: true }));

    await open(app).expect(200);
    await open(app).expect(429);

    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/127\.0\.0\.1/);
  });

  it('when the shared store\'s Redis fails, then the limit still holds on this process: 429 past it, and nothing is logged at error', async () => {
    const logs: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void logs.push(line) });
    const failing: Store & { prefix: string } = {
      prefix: 'test:',
      increment: () => Promise.reject(new RedisUnavailableError('rate_limit', 'Connection is closed.')),
      decrement: () => undefined,
      resetKey: () => undefined,
    };
    const app = express();
    app.use(requestId);
    app.use(rateLimitPerClient({ perMinute: 2, logger, store: new RedisOrMemoryRateLimitStore(failing, new RedisGuard({ logger, countFailure: () => {} })) }));
    app.post('/checkout/session', (_req, res) => res.json({ ok: true }));

    await open(app).expect(200);
    await open(app).expect(200);
    const third = await open(app).expect(429);

    expect(third.body).toMatchObject({ code: 'rate_limited' });
    expect(logs.filter((line) => JSON.parse(line).level >= 50)).toEqual([]);
  });

  it('when one limiter is mounted on two routes, then both draw on one budget per client', async () => {
    const app = express();
    app.use(requestId);
    const limit = rateLimitPerClient({ perMinute: 2, logger: createLogger('silent') });
    app.post('/checkout/session', limit, (_req, res) => res.json({ ok: true }));
    app.post('/checkout/payment', limit, (_req, res) => res.json({ ok: true }));

    await open(app).expect(200);
    await request(app).post('/checkout/payment').send({}).expect(200);

    await request(app).post('/checkout/payment').send({}).expect(429);
    await open(app).expect(429);
  });
});
