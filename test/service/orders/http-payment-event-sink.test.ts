import type { ServerResponse } from 'node:http';
import { HttpPaymentEventSink } from '../../../src/service/orders/http-payment-event-sink';
import type { PaymentEvent } from '../../../src/service/payments/payment-state';
import { UpstreamRejectedError } from '../../../src/service/upstream/upstream-rejected-error';
import { UpstreamTimeoutError } from '../../../src/service/upstream/upstream-timeout-error';
import { UpstreamUnavailableError } from '../../../src/service/upstream/upstream-unavailable-error';
import { neverAnswer, refusingUrl, sendJson, startFakeServer, type FakeServer, type RecordedRequest } from '../../support/fake-http-server';
import { paymentEvent } from '../../support/primer-payment';
import { useTestTracing } from '../../support/test-tracing';
import { failureOf, newObserved, ORDER_SERVICE_TOKEN, orderServiceApiFor, requestContext, type Observed } from '../../support/upstream-kit';

type Handler = (req: RecordedRequest, res: ServerResponse) => void;

// An order id that needs encoding in the path.
const EVENT = paymentEvent({ orderId: 'order/42' });

useTestTracing();
let orders: FakeServer;
let replies: Handler[];
let observed: Observed;

beforeEach(async () => {
  replies = [];
  observed = newObserved();
  orders = await startFakeServer((req, res) => (replies.shift() ?? ((_req, answer) => sendJson(answer, 201, { recorded: true })))(req, res));
});

afterEach(() => orders.close());

const answering = (status: number, headers: Record<string, string> = {}): Handler => (_req, res) => sendJson(res, status, {}, headers);
interface SinkSettings {
  url?: string;
  // null: no ORDER_SERVICE_TOKEN configured.
  token?: string | null;
  timeoutMs?: number;
}

const sink = ({ url = orders.url, token = ORDER_SERVICE_TOKEN, timeoutMs = 1_000 }: SinkSettings = {}) =>
  new HttpPaymentEventSink(orderServiceApiFor(url, observed, timeoutMs), token ?? undefined);
const record = (adapter: HttpPaymentEventSink, event: PaymentEvent = EVENT) => adapter.record(event, requestContext('req-notify-1'));

describe('HttpPaymentEventSink.record', () => {
  it('when the order service takes the event, then one POST carried exactly the event keys and the service credentials', async () => {
    await record(sink());

    expect(orders.requests).toHaveLength(1);
    const sent = orders.requests[0]!;
    expect(sent).toMatchObject({ method: 'POST', url: '/orders/order%2F42/payment-events' });
    expect(JSON.parse(sent.body)).toEqual(EVENT);
    expect(sent.headers).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': 'kHdEw9EG:AUTHORIZED:2026-11-26T14:53:51.578Z',
      authorization: `Bearer ${ORDER_SERVICE_TOKEN}`,
      'x-request-id': 'req-notify-1',
      traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/),
    });
    expect(sent.headers.cookie).toBeUndefined();
  });

  it('when the cart is not known and no token is configured, then neither cartId nor Authorization is sent', async () => {
    const withoutCart: PaymentEvent = { ...EVENT, source: 'confirmation' };
    delete (withoutCart as { cartId?: string }).cartId;

    await record(sink({ token: null }), withoutCart);

    expect(Object.keys(JSON.parse(orders.requests[0]!.body) as object)).toEqual(['paymentId', 'orderId', 'status', 'amount', 'currencyCode', 'dateUpdated', 'source']);
    expect(orders.requests[0]!.headers.authorization).toBeUndefined();
  });

  it.each([200, 202, 204, 409])('when the order service answers %i, then the event counts as recorded', async (status) => {
    replies.push(answering(status));

    await expect(record(sink())).resolves.toBeUndefined();
    expect(orders.requests).toHaveLength(1);
  });

  it.each([500, 502, 503, 429])('when the order service answers %i then 201, then the retry records it with the same idempotency key', async (status) => {
    replies.push(answering(status));

    await record(sink());

    expect(orders.requests).toHaveLength(2);
    expect(new Set(orders.requests.map((req) => req.headers['idempotency-key'])).size).toBe(1);
    expect(observed.retries).toHaveLength(1);
  });

  it('when the order service stays at 503 with Retry-After: 1, then it is unavailable once the budget cannot hold another wait', async () => {
    replies.push(answering(503, { 'Retry-After': '1' }), answering(503, { 'Retry-After': '1' }), answering(503, { 'Retry-After': '1' }));

    const error = await failureOf(record(sink({ timeoutMs: 1_500 })));

    expect(error).toMatchObject({ constructor: UpstreamUnavailableError, retryAfterSeconds: 1 });
    expect(orders.requests).toHaveLength(2);
    expect(orders.requests[1]!.receivedAt - orders.requests[0]!.receivedAt).toBeGreaterThanOrEqual(990);
  });

  it('when the connection is refused every time, then it is unavailable after the retries', async () => {
    await expect(record(sink({ url: await refusingUrl() }))).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(observed.attempts).toHaveLength(3);
  });

  it('when the order service never answers, then it times out at ORDER_SERVICE_TIMEOUT_MS', async () => {
    replies.push(neverAnswer);
    const started = Date.now();

    await expect(record(sink({ timeoutMs: 300 }))).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(Date.now() - started).toBeLessThan(800);
  });

  it.each([400, 401, 403, 404, 422, 301, 302])('when the order service answers %i, then it is an upstream error, not retried', async (status) => {
    replies.push(answering(status));

    await expect(record(sink())).rejects.toMatchObject({ constructor: UpstreamRejectedError, status });
    expect(orders.requests).toHaveLength(1);
  });
});
