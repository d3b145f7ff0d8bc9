import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_CARTS } from '../../../src/demo/orders/demo-carts';
import { createDemoOrderServer } from '../../../src/demo/orders/demo-order-server';
import { paymentEvent } from '../../support/primer-payment';

const EVENT = paymentEvent();
const KEY = 'kHdEw9EG:AUTHORIZED:2026-11-26T14:53:51.578Z';
const TOKEN = 'order-service-token';

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

function post(baseUrl: string, body: unknown, headers: Record<string, string> = {}, orderId = 'order_42'): Promise<Response> {
  return fetch(`${baseUrl}/orders/${encodeURIComponent(orderId)}/payment-events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': KEY, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function recorded(baseUrl: string, orderId = 'order_42', headers: Record<string, string> = {}): Promise<unknown[]> {
  const response = await fetch(`${baseUrl}/orders/${encodeURIComponent(orderId)}/payment-events`, { headers });
  return ((await response.json()) as { events: unknown[] }).events;
}

describe('the demo order server’s payment events', () => {
  let server: http.Server;
  let baseUrl: string;

  beforeEach(async () => {
    server = createDemoOrderServer(DEMO_CARTS);
    baseUrl = await listen(server);
  });
  afterEach(() => close(server));

  it('when the service posts a payment event, then 201 recorded, and GET lists it with when it arrived', async () => {
    const response = await post(baseUrl, EVENT);

    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ result: 'recorded' });
    expect(await recorded(baseUrl)).toEqual([{ ...EVENT, receivedAt: expect.stringMatching(/Z$/) }]);
  });

  it('when the same Idempotency-Key comes again, then 200 duplicate and it is recorded once', async () => {
    await post(baseUrl, EVENT);

    const again = await post(baseUrl, { ...EVENT, source: 'confirmation' });

    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ result: 'duplicate' });
    expect(await recorded(baseUrl)).toHaveLength(1);
  });

  it('when a later state of the payment comes, then both are listed in arrival order', async () => {
    const settled = { ...EVENT, status: 'SETTLED', dateUpdated: '2026-11-26T14:55:00.000Z' };
    await post(baseUrl, EVENT);
    await post(baseUrl, settled, { 'Idempotency-Key': 'kHdEw9EG:SETTLED:2026-11-26T14:55:00.000Z' });

    expect((await recorded(baseUrl)).map((event) => (event as { status: string }).status)).toEqual(['AUTHORIZED', 'SETTLED']);
  });

  it('when the event has no cart id, then it is recorded without one', async () => {
    const withoutCart: Record<string, unknown> = { ...EVENT };
    delete withoutCart.cartId;

    expect((await post(baseUrl, withoutCart)).status).toBe(201);
    expect(await recorded(baseUrl)).toEqual([{ ...withoutCart, receivedAt: expect.any(String) }]);
  });

  it('when the order id needs encoding in the path, then it is decoded and matched against the body', async () => {
    const orderId = 'order 42/é';

    expect((await post(baseUrl, { ...EVENT, orderId }, {}, orderId)).status).toBe(201);
    expect(await recorded(baseUrl, orderId)).toHaveLength(1);
  });

  it.each([
    ['a body that is not JSON', '{"paymentId":', {}, 400],
    ['an extra key (payment-method data)', { ...EVENT, paymentMethod: { last4Digits: '4242' } }, {}, 400],
    ['a missing status', { ...EVENT, status: undefined }, {}, 400],
    ['an amount that is not whole', { ...EVENT, amount: 37.5 }, {}, 400],
    ['a dateUpdated without Z', { ...EVENT, dateUpdated: '2026-11-26T14:53:51.578' }, {}, 400],
    ['an unknown source', { ...EVENT, source: 'browser' }, {}, 400],
    ['another order than the path', { ...EVENT, orderId: 'order_43' }, {}, 400],
    ['no Idempotency-Key', EVENT, { 'Idempotency-Key': '' }, 400],
    ['an Idempotency-Key for another state', EVENT, { 'Idempotency-Key': 'kHdEw9EG:SETTLED:2026-11-26T14:53:51.578Z' }, 400],
    ['a body that is not application/json', EVENT, { 'Content-Type': 'text/plain' }, 415],
    ['a body over 16 KiB', { ...EVENT, cartId: 'x'.repeat(17_000) }, {}, 413],
  ])('when the event has %s, then it is refused with a clear error and nothing is recorded', async (_case, body, headers, status) => {
    const response = await post(baseUrl, body, headers);

    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toEqual(expect.any(String));
    expect(await recorded(baseUrl)).toEqual([]);
  });

  it('when the payment events path is asked with PUT, then 405 naming GET and POST', async () => {
    const response = await fetch(`${baseUrl}/orders/order_42/payment-events`, { method: 'PUT', body: '{}' });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
  });
});

describe('the demo order server with ORDER_SERVICE_TOKEN', () => {
  let server: http.Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createDemoOrderServer(DEMO_CARTS, { paymentEventsToken: TOKEN });
    baseUrl = await listen(server);
  });
  afterAll(() => close(server));

  it.each([
    ['no Authorization', {}],
    ['another token', { Authorization: 'Bearer nope' }],
    ['the token without its scheme', { Authorization: TOKEN }],
  ])('when an event comes with %s, then 401 and nothing is recorded', async (_case, headers) => {
    const response = await post(baseUrl, EVENT, headers);

    expect(response.status).toBe(401);
    expect(await recorded(baseUrl, 'order_42', { Authorization: `Bearer ${TOKEN}` })).toEqual([]);
  });

  it('when the event carries the token, then it is recorded, and carts stay open to everyone', async () => {
    expect((await post(baseUrl, EVENT, { Authorization: `Bearer ${TOKEN}` })).status).toBe(201);
    expect((await fetch(`${baseUrl}/carts/demo-gbp`)).status).toBe(200);
  });
});
