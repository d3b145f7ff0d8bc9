import type { ServerResponse } from 'node:http';
import { HttpPrimerPayments } from '../../../src/service/primer/http-primer-payments';
import { HttpPrimerSessions } from '../../../src/service/primer/http-primer-sessions';
import { UpstreamRejectedError } from '../../../src/service/upstream/upstream-rejected-error';
import { UpstreamUnavailableError } from '../../../src/service/upstream/upstream-unavailable-error';
import { sendJson, sendText, startFakeServer, type FakeServer, type RecordedRequest } from '../../support/fake-http-server';
import { TEST_API_KEY } from '../../support/test-app';
import { useTestTracing } from '../../support/test-tracing';
import { failureOf, newObserved, primerApiFor, requestContext, stepFor, type Observed } from '../../support/upstream-kit';

type Handler = (req: RecordedRequest, res: ServerResponse) => void;

const PAYMENT = { id: 'kHdEw9EG', status: 'AUTHORIZED', orderId: 'order-1', amount: 1200, currencyCode: 'GBP', dateUpdated: '2026-11-26T14:53:51.578695' };

useTestTracing();
let primer: FakeServer;
let replies: Handler[];
let observed: Observed;

beforeEach(async () => {
  replies = [];
  observed = newObserved();
  primer = await startFakeServer((req, res) => (replies.shift() ?? ((_req, answer) => sendJson(answer, 200, PAYMENT)))(req, res));
});

afterEach(() => primer.close());

const primerSays = (status: number, description: string): Handler => (_req, res) =>
  sendJson(res, status, { error: { errorId: 'PaymentError', description, diagnosticsId: 'diag-1' } });

const payments = () => new HttpPrimerPayments(primerApiFor(primer.url, observed));

describe('HttpPrimerPayments.get', () => {
  it('when Primer knows the payment, then GET /payments/{id} with the Primer headers returns it as Primer answered', async () => {
    await expect(payments().get('kHdEw9EG', requestContext('req-pay-1'))).resolves.toEqual(PAYMENT);

    expect(primer.requests).toHaveLength(1);
    expect(primer.requests[0]).toMatchObject({ method: 'GET', url: '/payments/kHdEw9EG', body: '' });
    expect(primer.requests[0]!.headers).toMatchObject({
      'x-api-key': TEST_API_KEY,
      'x-api-version': '2.4',
      accept: 'application/json',
      'x-request-id': 'req-pay-1',
      traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/),
    });
    expect(primer.requests[0]!.headers['content-type']).toBeUndefined();
  });

  it('when the id holds characters a path treats specially, then it is sent URL-encoded', async () => {
    await payments().get('a/../b?c', requestContext());

    expect(primer.requests[0]!.url).toBe('/payments/a%2F..%2Fb%3Fc');
  });

  it('when Primer answers 404, then the payment is unknown: undefined', async () => {
    replies.push(primerSays(404, 'The payment could not be found'));

    await expect(payments().get('nope', requestContext())).resolves.toBeUndefined();
  });

  it.each(['The payment could not be found', 'No matching Payment could be found.', '  the payment could not be found.  '])(
    'when Primer answers 400 saying %p, then the payment is unknown: undefined',
    async (description) => {
      replies.push(primerSays(400, description));

      await expect(payments().get('nope', requestContext())).resolves.toBeUndefined();
    },
  );

  it.each(['Invalid payment id', 'The payment could not be found because the key lacks a scope, or the id is malformed', 'Customer could not be found'])(
    'when Primer answers 400 saying %p, then it is an upstream error, not an unknown payment',
    async (description) => {
      replies.push(primerSays(400, description));

      await expect(payments().get('kHdEw9EG', requestContext())).rejects.toMatchObject({ constructor: UpstreamRejectedError, status: 400 });
    },
  );

  it.each([401, 403])('when Primer answers %i (a key without transactions:retrieve), then it is an upstream error, not retried', async (status) => {
    replies.push(primerSays(status, 'Forbidden'));

    const error = await failureOf(payments().get('kHdEw9EG', requestContext()));

    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect(error).toMatchObject({ status });
    expect(primer.requests).toHaveLength(1);
  });

  it.each([
    ['not JSON', (_req: RecordedRequest, res: ServerResponse) => sendText(res, 200, 'application/json', '{"id": "kHd')],
    ['a JSON array', (_req: RecordedRequest, res: ServerResponse) => sendJson(res, 200, [PAYMENT])],
    ['a JSON string', (_req: RecordedRequest, res: ServerResponse) => sendJson(res, 200, 'AUTHORIZED')],
  ])('when the 200 body is %s, then it is an upstream error', async (_case, reply) => {
    replies.push(reply);

    await expect(payments().get('kHdEw9EG', requestContext())).rejects.toMatchObject({ constructor: UpstreamRejectedError, detail: expect.stringContaining('not a JSON object') });
  });

  it('when Primer answers 503 then 200, then the GET is retried like the session calls and the payment comes back', async () => {
    replies.push(primerSays(503, 'busy'));

    await expect(payments().get('kHdEw9EG', requestContext())).resolves.toEqual(PAYMENT);

    expect(primer.requests).toHaveLength(2);
    expect(observed.retries).toEqual([{ upstream: 'primer', reason: 'server_error' }]);
  });

  it('when Primer stays down past the retries, then the payment read is unavailable', async () => {
    replies.push(primerSays(503, 'busy'), primerSays(503, 'busy'), primerSays(503, 'busy'));

    await expect(payments().get('kHdEw9EG', requestContext())).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(primer.requests).toHaveLength(3);
  });

  it('when the session calls opened the shared Primer breaker, then the payment read is turned away without calling Primer', async () => {
    const api = primerApiFor(primer.url, observed, { breakerFailures: 1, maxRetries: 0 });
    replies.push(primerSays(503, 'busy'));
    await expect(new HttpPrimerSessions(api).create({ orderId: 'order-1' }, stepFor(1_000))).rejects.toBeInstanceOf(UpstreamUnavailableError);

    const error = await failureOf(new HttpPrimerPayments(api).get('kHdEw9EG', requestContext()));

    expect(error).toMatchObject({ constructor: UpstreamUnavailableError, detail: 'circuit breaker open' });
    expect(primer.requests).toHaveLength(1);
    expect(observed.turnedAway).toBe(1);
  });
});
