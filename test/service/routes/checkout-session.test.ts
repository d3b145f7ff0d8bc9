import request from 'supertest';
import { DEMO_CARTS } from '../../../src/demo/orders/demo-carts';
import { browserExpiryOf, primerError } from '../../support/fake-primer';
import { projectSchemaErrors } from '../../support/project-schema';
import { TEST_API_KEY } from '../../support/test-app';
import { useComponentStack } from '../../support/component-stack';

const stack = useComponentStack({ PRIMER_TIMEOUT_MS: '2000', ORDER_SERVICE_TIMEOUT_MS: '1000' });

const openSession = (body: unknown, headers: Record<string, string> = {}) =>
  request(stack.subject.app).post('/checkout/session').set(headers).send(body as object);

describe('POST /checkout/session, happy path', () => {
  it('when the cart is payable, then Primer gets the server-built session and the browser gets exactly the token and its UTC expiry', async () => {
    const res = await openSession({ cartId: 'demo-gbp' }, { 'X-Request-Id': 'req-happy-path-0001' });

    expect(res.status).toBe(200);
    expect(Object.keys(res.body as object).sort()).toEqual(['clientToken', 'clientTokenExpirationDate']);
    expect(res.body.clientTokenExpirationDate).toBe(browserExpiryOf(stack.primer.expiry));
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toBe('req-happy-path-0001');

    expect(stack.primer.requests).toHaveLength(1);
    const sent = stack.primer.requests[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/client-session');
    expect(sent.headers['x-api-key']).toBe(TEST_API_KEY);
    expect(sent.headers['x-api-version']).toBe('2.4');
    expect(sent.headers['content-type']).toMatch(/^application\/json/);
    expect(sent.headers['x-request-id']).toBe('req-happy-path-0001');
    const body = JSON.parse(sent.body) as Record<string, unknown>;
    expect(projectSchemaErrors('ClientSessionAPIRequest', body)).toEqual([]);
    const cart = DEMO_CARTS.find((candidate) => candidate.id === 'demo-gbp')!;
    expect(body).toMatchObject({ orderId: cart.orderId, currencyCode: 'GBP', amount: cart.totalAmount, order: { countryCode: 'GB' }, metadata: { cartId: 'demo-gbp' } });
  });

  it('when the browser sends an amount, currency or line items, then none of them reaches Primer', async () => {
    const res = await openSession({ cartId: 'demo-gbp', amount: 1, currencyCode: 'USD', lineItems: [{ itemId: 'x', amount: 1 }] });

    expect(res.status).toBe(200);
    const body = JSON.parse(stack.primer.requests[0]!.body) as { amount: number; currencyCode: string; order: { lineItems: { itemId: string }[] } };
    expect(body.amount).not.toBe(1);
    expect(body.currencyCode).toBe('GBP');
    expect(body.order.lineItems.map((item) => item.itemId)).not.toContain('x');
  });

  it('when the shopper sends Authorization and Cookie, then they reach the order service unchanged and never Primer', async () => {
    const res = await openSession({ cartId: 'demo-gbp' }, { Authorization: 'Bearer shopper-jwt-abc', Cookie: 'sid=shopper-cookie-xyz' });

    expect(res.status).toBe(200);
    expect(stack.orders.requests[0]?.headers.authorization).toBe('Bearer shopper-jwt-abc');
    expect(stack.orders.requests[0]?.headers.cookie).toBe('sid=shopper-cookie-xyz');
    expect(stack.orders.requests[0]?.url).toBe('/carts/demo-gbp');
    const primerTraffic = JSON.stringify(stack.primer.requests);
    expect(primerTraffic).not.toContain('shopper-jwt-abc');
    expect(primerTraffic).not.toContain('shopper-cookie-xyz');
    expect(stack.primer.requests[0]?.headers.authorization).toBeUndefined();
    expect(stack.primer.requests[0]?.headers.cookie).toBeUndefined();
  });

  it.each(['demo-jpy', 'demo-kwd', 'demo-unicode'])('when the cart is %s, then a session is created from it', async (cartId) => {
    const res = await openSession({ cartId });

    expect(res.status).toBe(200);
    expect(projectSchemaErrors('ClientSessionAPIRequest', JSON.parse(stack.primer.requests[0]!.body))).toEqual([]);
  });
});

describe('POST /checkout/session, the contract status table', () => {
  const expectProblem = (res: request.Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String), code, requestId: res.headers['x-request-id'] });
    const text = JSON.stringify(res.body);
    for (const secret of [TEST_API_KEY, 'PrimerSecretErrorId', 'Primer internal description', 'diag-123456', '127.0.0.1']) expect(text).not.toContain(secret);
  };

  it.each([
    ['malformed JSON', '{"cartId": ', 'application/json'],
    ['no cartId', '{}', 'application/json'],
    ['a cartId with a path trick', '{"cartId": "../admin"}', 'application/json'],
    ['a cartId that is a number', '{"cartId": 42}', 'application/json'],
    ['a cartId over 128 characters', JSON.stringify({ cartId: 'a'.repeat(129) }), 'application/json'],
    ['a JSON array', '[]', 'application/json'],
  ])('when the body has %s, then 400 invalid_request and no upstream call', async (_case, body, type) => {
    const res = await request(stack.subject.app).post('/checkout/session').set('Content-Type', type).send(body);

    expectProblem(res, 400, 'invalid_request');
    expect(stack.orders.requests).toHaveLength(0);
    expect(stack.primer.requests).toHaveLength(0);
  });

  it('when the body is not JSON, then 415 unsupported_media_type', async () => {
    const res = await request(stack.subject.app).post('/checkout/session').set('Content-Type', 'text/plain').send('cartId=demo-gbp');

    expectProblem(res, 415, 'unsupported_media_type');
    expect(stack.orders.requests).toHaveLength(0);
  });

  it('when the body is over 16 KiB, then 413 payload_too_large', async () => {
    const res = await openSession({ cartId: 'demo-gbp', padding: 'x'.repeat(17 * 1024) });

    expectProblem(res, 413, 'payload_too_large');
    expect(stack.orders.requests).toHaveLength(0);
  });

  it.each([
    [401, 401, 'unauthenticated'],
    [403, 404, 'cart_not_found'],
    [404, 404, 'cart_not_found'],
  ])('when the order service answers %i, then %i %s and Primer is not called', async (ordersStatus, status, code) => {
    stack.orders.queue((_req, res) => res.writeHead(ordersStatus).end());

    expectProblem(await openSession({ cartId: 'demo-gbp' }), status, code);
    expect(stack.primer.requests).toHaveLength(0);
  });

  it.each(['demo-empty', 'demo-mismatch'])('when the cart is %s, then 422 cart_not_payable and Primer is not called', async (cartId) => {
    expectProblem(await openSession({ cartId }), 422, 'cart_not_payable');
    expect(stack.primer.requests).toHaveLength(0);
  });

  it('when Primer refuses the request with 400, then 502 upstream_error without Primer\'s words', async () => {
    stack.primer.queue(primerError(400));

    expectProblem(await openSession({ cartId: 'demo-gbp' }), 502, 'upstream_error');
    expect(stack.primer.requests).toHaveLength(1);
  });

  it('when Primer stays at 503, then 503 upstream_unavailable with Retry-After after the retries', async () => {
    stack.primer.queue(primerError(503), primerError(503), primerError(503));

    const res = await openSession({ cartId: 'demo-gbp' });

    expectProblem(res, 503, 'upstream_unavailable');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(stack.primer.requests).toHaveLength(3);
  });

  it('when Primer does not answer within the budget, then 504 upstream_timeout', async () => {
    stack.primer.queue(() => undefined);

    const started = Date.now();
    expectProblem(await openSession({ cartId: 'demo-gbp' }), 504, 'upstream_timeout');
    expect(Date.now() - started).toBeLessThan(2000 + 500);
  });

  it('when an unknown route is asked for, then 404 problem+json', async () => {
    expectProblem(await request(stack.subject.app).get('/nope'), 404, 'not_found');
  });
});

describe('logs', () => {
  it('when one request fails at Primer and one succeeds, then no log line holds the API key, a token or a cookie', async () => {
    stack.primer.queue(primerError(401));
    const cookie = { Cookie: 'sid=cookie-value-must-not-be-logged', Authorization: 'Bearer auth-value-must-not-be-logged' };
    await openSession({ cartId: 'demo-gbp' }, cookie);
    const ok = await openSession({ cartId: 'demo-jpy' }, cookie);

    expect(ok.status).toBe(200);
    const token = ok.body.clientToken as string;
    expect(stack.subject.logs.length).toBeGreaterThanOrEqual(3);
    for (const line of stack.subject.logs) {
      for (const secret of [TEST_API_KEY, token, 'cookie-value-must-not-be-logged', 'auth-value-must-not-be-logged']) expect(line).not.toContain(secret);
    }
    const lines = stack.subject.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requestLines = lines.filter((line) => line.msg === 'request');
    expect(requestLines).toHaveLength(2);
    expect(requestLines[0]).toMatchObject({
      level: 'error',
      req: { method: 'POST', url: '/checkout/session' },
      res: { statusCode: 502 },
      route: '/checkout/session',
      responseTime: expect.any(Number),
      requestId: expect.any(String),
    });
    // The request line's req/res fields keep no headers at all: the credentials have nowhere to appear.
    for (const line of lines) {
      expect(Object.keys((line.req as object | undefined) ?? {})).not.toContain('headers');
      expect(Object.keys((line.res as object | undefined) ?? {})).not.toContain('headers');
      expect(line).toMatchObject({ service: 'checkout-session-service', version: expect.any(String) });
    }
  });
});
