import type { ServerResponse } from 'node:http';
import { DEMO_CARTS } from '../../../src/demo/orders/demo-carts';
import { CartNotFoundError } from '../../../src/service/orders/errors/cart-not-found-error';
import { ShopperUnauthenticatedError } from '../../../src/service/orders/errors/shopper-unauthenticated-error';
import { HttpOrderService } from '../../../src/service/orders/http-order-service';
import { UpstreamRejectedError } from '../../../src/service/upstream/upstream-rejected-error';
import { UpstreamTimeoutError } from '../../../src/service/upstream/upstream-timeout-error';
import { UpstreamUnavailableError } from '../../../src/service/upstream/upstream-unavailable-error';
import { neverAnswer, refusingUrl, sendJson, startFakeServer, type FakeServer, type RecordedRequest } from '../../support/fake-http-server';
import { useTestTracing } from '../../support/test-tracing';
import { failureOf, newObserved, orderServiceApiFor, requestContext, type Observed } from '../../support/upstream-kit';

type Handler = (req: RecordedRequest, res: ServerResponse) => void;

const CART = DEMO_CARTS.find((cart) => cart.id === 'demo-gbp')!;

useTestTracing();
let orders: FakeServer;
let replies: Handler[];
let observed: Observed;

beforeEach(async () => {
  replies = [];
  observed = newObserved();
  orders = await startFakeServer((req, res) => (replies.shift() ?? ((_req, answer) => sendJson(answer, 200, CART)))(req, res));
});

afterEach(() => orders.close());

const service = (url = orders.url, timeoutMs = 1_000) => new HttpOrderService(orderServiceApiFor(url, observed, timeoutMs));
const load = (adapter: HttpOrderService, cartId = CART.id, credentials = {}) => adapter.loadCart({ cartId, credentials, context: requestContext('req-cart-1') });

describe('HttpOrderService.loadCart', () => {
  it("when the order service has the cart, then GET /carts/{id} carried the shopper's credentials, the request id and traceparent", async () => {
    await expect(load(service(), CART.id, { authorization: 'Bearer shopper-1', cookie: 'sid=abc' })).resolves.toEqual(CART);

    expect(orders.requests).toHaveLength(1);
    expect(orders.requests[0]).toMatchObject({ method: 'GET', url: '/carts/demo-gbp' });
    expect(orders.requests[0]!.headers).toMatchObject({
      accept: 'application/json',
      authorization: 'Bearer shopper-1',
      cookie: 'sid=abc',
      'x-request-id': 'req-cart-1',
      traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/),
    });
  });

  it('when the shopper sent no credentials, then none are sent on', async () => {
    await load(service());

    expect(orders.requests[0]!.headers.authorization).toBeUndefined();
    expect(orders.requests[0]!.headers.cookie).toBeUndefined();
  });

  it('when the order service drops the first connection, then the one retry, sent at once, loads the cart', async () => {
    replies.push((_req, res) => res.socket?.destroy());

    await expect(load(service())).resolves.toEqual(CART);

    expect(orders.requests).toHaveLength(2);
    expect(orders.requests[1]!.receivedAt - orders.requests[0]!.receivedAt).toBeLessThan(200);
    expect(observed.retries).toEqual([{ upstream: 'orders', reason: 'connection_error' }]);
    expect(observed.logs.filter((line) => line.includes('"msg":"retrying order service"'))).toHaveLength(1);
  });

  it('when the connection is refused every time, then it is unavailable after two attempts, not more', async () => {
    const error = await failureOf(load(service(await refusingUrl())));

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(observed.attempts.map((attempt) => attempt.outcome)).toEqual(['connection_error', 'connection_error']);
  });

  it.each([500, 503, 429])('when the order service answers %i, then it is unavailable at once: no retry inside the cart budget', async (status) => {
    replies.push((_req, res) => sendJson(res, status, { message: 'busy' }));

    await expect(load(service())).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(orders.requests).toHaveLength(1);
  });

  it('when the order service answers 503 with Retry-After: 99999, then the shopper is told 60 s at most', async () => {
    replies.push((_req, res) => sendJson(res, 503, {}, { 'Retry-After': '99999' }));

    await expect(load(service())).rejects.toMatchObject({ constructor: UpstreamUnavailableError, retryAfterSeconds: 60 });
  });

  it('when the order service answers 401, then the shopper is unauthenticated', async () => {
    replies.push((_req, res) => sendJson(res, 401, {}));

    await expect(load(service())).rejects.toBeInstanceOf(ShopperUnauthenticatedError);
  });

  it.each([403, 404])('when the order service answers %i, then the cart is not found for this shopper', async (status) => {
    replies.push((_req, res) => sendJson(res, status, {}));

    await expect(load(service())).rejects.toBeInstanceOf(CartNotFoundError);
  });

  it.each([
    ['a body that is not a cart', { id: CART.id }, 'does not fit the cart shape'],
    ["another cart's id", { ...CART, id: 'demo-jpy' }, 'different cart id'],
  ])('when the order service answers 200 with %s, then it is an upstream error', async (_case, body, detail) => {
    replies.push((_req, res) => sendJson(res, 200, body));

    await expect(load(service())).rejects.toMatchObject({ constructor: UpstreamRejectedError, detail: expect.stringContaining(detail) });
  });

  it('when the order service never answers, then it times out at its budget', async () => {
    replies.push(neverAnswer);
    const started = Date.now();

    await expect(load(service(orders.url, 300))).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(800);
  });

  it('when the cart id holds characters a path treats specially, then it is sent URL-encoded', async () => {
    replies.push((_req, res) => sendJson(res, 404, {}));

    await expect(load(service(), '../admin')).rejects.toBeInstanceOf(CartNotFoundError);
    expect(orders.requests[0]!.url).toBe('/carts/..%2Fadmin');
  });
});
