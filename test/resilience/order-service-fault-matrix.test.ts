import type { ServerResponse } from 'node:http';
import { DEMO_CARTS } from '../../src/demo/orders/demo-carts';
import { afterDelay, neverAnswer, refusingUrl, resetMidResponse, sendCorruptGzip, sendGzipBomb, sendJson, sendText, streamOversizedJson, trickle } from '../support/fake-http-server';
import type { OrdersReply } from '../support/fake-order-service';
import { buildTestApp, type TestApp } from '../support/test-app';
import { attemptsCounted, expectNothingLeaked, expectProblem, openSessionTimed, orderAttemptsLogged } from './support/shopper-answer';
import { useFakeUpstreams } from '../support/component-stack';
import { BUDGET_ENV, ORDER_SERVICE_TIMEOUT_MS, WITHIN_BUDGET_MS } from './support/budgets';

const GBP_CART = DEMO_CARTS.find((cart) => cart.id === 'demo-gbp')!;
const CART_JSON = JSON.stringify(GBP_CART);

const upstreams = useFakeUpstreams();

function subjectFor(ordersUrl: string): TestApp {
  return buildTestApp({
    PRIMER_API_URL: upstreams.primer.url,
    ORDER_SERVICE_URL: ordersUrl,
    ...BUDGET_ENV,
  });
}

const status =
  (code: number, body = '{"message":"order service internal words"}'): OrdersReply =>
  (_req, res: ServerResponse) =>
    sendText(res, code, 'application/json', body);

interface Row {
  orders: string;
  replies: OrdersReply[];
  status: number;
  code: string;
  attempts: number;
}

const rows: Row[] = [
  { orders: 'never answers', replies: [neverAnswer], status: 504, code: 'upstream_timeout', attempts: 1 },
  { orders: 'sends its headers after the budget', replies: [(_req, res) => afterDelay(res, ORDER_SERVICE_TIMEOUT_MS + 500, () => sendText(res, 200, 'application/json', CART_JSON))], status: 504, code: 'upstream_timeout', attempts: 1 },
  { orders: 'trickles the cart one byte every 20 ms', replies: [(_req, res) => trickle(res, CART_JSON, 20)], status: 504, code: 'upstream_timeout', attempts: 1 },
  { orders: 'resets the connection mid-response each time', replies: [(_req, res) => resetMidResponse(res, CART_JSON), (_req, res) => resetMidResponse(res, CART_JSON)], status: 503, code: 'upstream_unavailable', attempts: 2 },
  { orders: 'answers 500', replies: [status(500)], status: 503, code: 'upstream_unavailable', attempts: 1 },
  { orders: 'answers 503', replies: [status(503)], status: 503, code: 'upstream_unavailable', attempts: 1 },
  { orders: 'answers 401', replies: [status(401)], status: 401, code: 'unauthenticated', attempts: 1 },
  { orders: 'answers 403', replies: [status(403)], status: 404, code: 'cart_not_found', attempts: 1 },
  { orders: 'answers 404', replies: [status(404)], status: 404, code: 'cart_not_found', attempts: 1 },
  { orders: 'answers 200 with invalid JSON', replies: [status(200, CART_JSON.slice(0, 40))], status: 502, code: 'upstream_error', attempts: 1 },
  { orders: 'answers 200 with a body of the wrong shape', replies: [(_req, res) => sendJson(res, 200, { ...GBP_CART, items: 'tea' })], status: 502, code: 'upstream_error', attempts: 1 },
  { orders: 'answers 200 with another cart', replies: [(_req, res) => sendJson(res, 200, { ...GBP_CART, id: 'someone-elses-cart' })], status: 502, code: 'upstream_error', attempts: 1 },
  { orders: 'answers 200 with a body over 1 MiB', replies: [(_req, res) => streamOversizedJson(res, 2 * 1024 * 1024)], status: 502, code: 'upstream_error', attempts: 1 },
  { orders: 'answers 200 with gzip that inflates past 1 MiB', replies: [(_req, res) => sendGzipBomb(res, 8 * 1024 * 1024)], status: 502, code: 'upstream_error', attempts: 1 },
  { orders: 'answers 200 with corrupt gzip', replies: [(_req, res) => sendCorruptGzip(res), (_req, res) => sendCorruptGzip(res)], status: 502, code: 'upstream_error', attempts: 1 },
  { orders: 'answers an HTML 502 page', replies: [(_req, res) => sendText(res, 502, 'text/html', '<html><body>502 Bad Gateway nginx</body></html>')], status: 503, code: 'upstream_unavailable', attempts: 1 },
];

describe('fault matrix: order service', () => {
  it.each(rows)('when the order service $orders, then $status $code after $attempts attempt(s), Primer untouched, within the budget, leaking nothing', async (row) => {
    upstreams.orders.queue(...row.replies);
    const subject = subjectFor(upstreams.orders.url);

    const { res, elapsedMs } = await openSessionTimed(subject.app, 'demo-gbp', { Authorization: 'Bearer shopper-jwt', Cookie: 'sid=shopper-cookie' });

    expectProblem(res, row.status, row.code);
    expect(upstreams.orders.requests).toHaveLength(row.attempts);
    expect(orderAttemptsLogged(subject.logs)).toBe(row.attempts);
    expect(upstreams.primer.requests).toHaveLength(0);
    expect(elapsedMs).toBeLessThan(WITHIN_BUDGET_MS);
    expectNothingLeaked(res, [upstreams.primer.port, upstreams.orders.port]);
    expect(res.text).not.toMatch(/order service internal words|shopper-jwt|shopper-cookie|someone-elses-cart/);
    if (row.status === 503) expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('when the order service refuses the connection, then 503 upstream_unavailable after 2 attempts, Primer untouched, within the budget, leaking nothing', async () => {
    const url = await refusingUrl();
    const subject = subjectFor(url);

    const { res, elapsedMs } = await openSessionTimed(subject.app, 'demo-gbp');

    expectProblem(res, 503, 'upstream_unavailable');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(orderAttemptsLogged(subject.logs)).toBe(2);
    expect(await attemptsCounted(subject, 'orders', 'connection_error')).toBe(2);
    expect(upstreams.primer.requests).toHaveLength(0);
    expect(elapsedMs).toBeLessThan(WITHIN_BUDGET_MS);
    expectNothingLeaked(res, [Number(new URL(url).port), upstreams.primer.port]);
  });

  it('when the order service drops the first connection only, then the one retry loads the cart and the shopper gets a token', async () => {
    upstreams.orders.queue((_req, res) => res.socket?.destroy());
    const subject = subjectFor(upstreams.orders.url);

    const { res } = await openSessionTimed(subject.app, 'demo-gbp');

    expect(res.status).toBe(200);
    expect(upstreams.orders.requests).toHaveLength(2);
    expect(upstreams.primer.requests).toHaveLength(1);
  });
});
