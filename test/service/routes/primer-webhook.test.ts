import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { sendJson } from '../../support/fake-http-server';
import { useComponentStack } from '../../support/component-stack';
import { scrapeMetrics } from '../../support/scrape-metrics';
import { PAYMENT_METHOD_SECRETS, paymentEvent, primerPayment, unixSecondsNow } from '../../support/primer-payment';
import { signatureOf, signedDelivery } from '../../support/signed-webhook';
import { buildTestApp } from '../../support/test-app';
import { useTestTracing } from '../../support/test-tracing';

const NEW_SECRET = 'whsec_component_new_91c2';
const OLD_SECRET = 'whsec_component_old_4d7a';
const ORDER_SERVICE_TOKEN = 'ost_component_token_5b8e';
const MIB = 1024 * 1024;

describe('POST /webhooks/primer', () => {
  // The tracer provider main.ts registers, so the order service's traceparent can be checked.
  useTestTracing();
  const stack = useComponentStack({ PRIMER_WEBHOOK_SECRETS: `${NEW_SECRET},${OLD_SECRET}`, ORDER_SERVICE_TOKEN });
  const deliver = (body: string | Buffer, headers: Record<string, string>) => request(stack.subject.app).post('/webhooks/primer').set(headers).send(body);
  const deliverPayment = (payment: Record<string, unknown>, signedAt?: unknown) => {
    const { body, headers } = signedDelivery(payment, NEW_SECRET, signedAt);
    return deliver(body, headers);
  };

  it('when an authentic PAYMENT.STATUS arrives, then 200 delivered, and the order service got exactly the contract\'s event', async () => {
    const res = await deliverPayment(primerPayment());

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ result: 'delivered' });
    expect(res.headers['cache-control']).toBe('no-store');
    const [event] = stack.orders.paymentEvents();
    expect(stack.orders.paymentEvents()).toHaveLength(1);
    expect(event!.url).toBe('/orders/order_42/payment-events');
    expect(JSON.parse(event!.body)).toEqual(paymentEvent());
    expect(event!.headers).toMatchObject({
      'content-type': expect.stringMatching(/^application\/json/),
      'idempotency-key': 'kHdEw9EG:AUTHORIZED:2026-11-26T14:53:51.578Z',
      'x-request-id': res.headers['x-request-id'],
      authorization: `Bearer ${ORDER_SERVICE_TOKEN}`,
      traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/),
    });
  });

  it('when an order id needs encoding, then it is URL-encoded in the order service\'s path', async () => {
    await deliverPayment(primerPayment({ orderId: 'order 42/ü' })).expect(200);

    expect(stack.orders.paymentEvents()[0]!.url).toBe('/orders/order%2042%2F%C3%BC/payment-events');
  });

  it('when there is no signature header, then 401 webhook_signature_invalid and the order service is not called', async () => {
    const { body } = signedDelivery(primerPayment(), NEW_SECRET);

    const res = await deliver(body, { 'Content-Type': 'application/json' });

    expect(res.status).toBe(401);
    expect(res.type).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status: 401, code: 'webhook_signature_invalid', requestId: res.headers['x-request-id'] });
    expect(stack.orders.paymentEvents()).toEqual([]);
  });

  it('when the signature is made with a secret not configured, then 401 webhook_signature_invalid', async () => {
    const { body, headers } = signedDelivery(primerPayment(), 'whsec_someone_else');

    expect((await deliver(body, headers)).body).toMatchObject({ code: 'webhook_signature_invalid' });
    expect(stack.orders.paymentEvents()).toEqual([]);
  });

  it('when the body was changed after signing, then 401 webhook_signature_invalid', async () => {
    const { body, headers } = signedDelivery(primerPayment(), NEW_SECRET);

    const res = await deliver(body.replace('"amount":3700', '"amount":1'), headers);

    expect(res.body).toMatchObject({ code: 'webhook_signature_invalid' });
    expect(stack.orders.paymentEvents()).toEqual([]);
  });

  it('when a rotation is under way, then a delivery signed only by the old secret in X-Signature-Secondary is accepted', async () => {
    const { body } = signedDelivery(primerPayment(), NEW_SECRET);

    const res = await deliver(body, { 'X-Signature-Primary': signatureOf(body, 'whsec_not_yet_configured'), 'X-Signature-Secondary': signatureOf(body, OLD_SECRET) });

    expect(res.body).toEqual({ result: 'delivered' });
  });

  it('when signedAt is six minutes old or six minutes ahead, or missing, then 401 webhook_signature_stale and nothing is forwarded', async () => {
    const now = Number(unixSecondsNow());

    for (const signedAt of [String(now - 360), now + 360]) {
      expect((await deliverPayment(primerPayment(), signedAt)).body).toMatchObject({ status: 401, code: 'webhook_signature_stale' });
    }
    const withoutSignedAt = JSON.stringify({ eventType: 'PAYMENT.STATUS', payment: primerPayment() });
    expect((await deliver(withoutSignedAt, { 'X-Signature-Primary': signatureOf(withoutSignedAt, NEW_SECRET) })).body).toMatchObject({ code: 'webhook_signature_stale' });
    expect(stack.orders.paymentEvents()).toEqual([]);
  });

  it('when an authentic body is not JSON, then 400 invalid_request', async () => {
    const body = '{"eventType": "PAYMENT.STATUS", "payment": ';

    const res = await deliver(body, { 'Content-Type': 'application/json', 'X-Signature-Primary': signatureOf(body, NEW_SECRET) });

    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request' });
  });

  it('when a PAYMENT.STATUS misses its ids, then 400 invalid_request naming them, and the order service is not called', async () => {
    const res = await deliverPayment(primerPayment({ id: undefined, orderId: undefined }));

    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request', detail: 'A PAYMENT.STATUS needs a usable payment.id, payment.orderId.' });
    expect(stack.orders.paymentEvents()).toEqual([]);
  });

  it('when Primer\'s dashboard test or another event type arrives, then 200 ignored', async () => {
    const test = '{"message": "Testing your webhook connection"}';
    const dispute = JSON.stringify({ eventType: 'DISPUTE.OPENED', signedAt: unixSecondsNow(), dispute: { id: 'd1' } });

    expect((await deliver(test, { 'X-Signature-Primary': signatureOf(test, NEW_SECRET) })).body).toEqual({ result: 'ignored' });
    expect((await deliver(dispute, { 'X-Signature-Primary': signatureOf(dispute, OLD_SECRET) })).body).toEqual({ result: 'ignored' });
    expect(stack.orders.paymentEvents()).toEqual([]);
  });

  it('when the body is over 1 MiB, then 413 payload_too_large; exactly 1 MiB is read and checked', async () => {
    const padded = (bytes: number) => {
      const event = JSON.stringify({ message: 'Testing your webhook connection' });
      return `${event}${' '.repeat(bytes - event.length)}`;
    };
    const exactly = padded(MIB);
    const over = padded(MIB + 1);

    expect((await deliver(exactly, { 'X-Signature-Primary': signatureOf(exactly, NEW_SECRET) })).body).toEqual({ result: 'ignored' });
    const res = await deliver(over, { 'X-Signature-Primary': signatureOf(over, NEW_SECRET) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'payload_too_large' });
  });

  it('when the body is compressed, then 415 unsupported_media_type, before anything is inflated', async () => {
    const { body, headers } = signedDelivery(primerPayment(), NEW_SECRET);

    const res = await deliver(gzipSync(body), { ...headers, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });

    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ code: 'unsupported_media_type' });
    expect(stack.orders.paymentEvents()).toEqual([]);
  });

  it('when the Content-Type is not JSON, or absent, then the signed body is still read', async () => {
    const { body, headers } = signedDelivery(primerPayment(), NEW_SECRET);

    const res = await deliver(body, { ...headers, 'Content-Type': 'text/plain; charset=latin1' });

    expect(res.body).toEqual({ result: 'delivered' });
  });

  it('when the same delivery comes twice, then delivered then duplicate, and the order service got it once', async () => {
    const { body, headers } = signedDelivery(primerPayment(), NEW_SECRET);

    expect((await deliver(body, headers)).body).toEqual({ result: 'delivered' });
    expect((await deliver(body, headers)).body).toEqual({ result: 'duplicate' });
    expect(stack.orders.paymentEvents()).toHaveLength(1);
  });

  it('when five identical deliveries arrive at once, then one is delivered, four are duplicates, and the order service got one', async () => {
    const { body, headers } = signedDelivery(primerPayment(), NEW_SECRET);
    // A slow order service keeps the first forward under way while the others arrive.
    stack.orders.queue((_req, res) => setTimeout(() => sendJson(res, 201, {}), 200));

    const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(body, headers)));

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((answer) => answer.body.result).sort()).toEqual(['delivered', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(stack.orders.paymentEvents()).toHaveLength(1);
  });

  it('when SETTLED arrives before AUTHORIZED, then AUTHORIZED is superseded and the order service never sees it', async () => {
    await deliverPayment(primerPayment({ status: 'SETTLED', dateUpdated: '2026-11-26T15:10:00.000000' })).expect(200, { result: 'delivered' });

    await deliverPayment(primerPayment()).expect(200, { result: 'superseded' });

    expect(stack.orders.paymentEvents().map((event) => JSON.parse(event.body).status)).toEqual(['SETTLED']);
  });

  it('when the order service is down, then 503 upstream_unavailable with Retry-After, and Primer\'s retry is delivered', async () => {
    stack.orders.queue(...Array.from({ length: 3 }, () => (_req: unknown, res: Parameters<typeof sendJson>[0]) => sendJson(res, 503, { message: 'down' })));
    const { body, headers } = signedDelivery(primerPayment(), NEW_SECRET);

    const first = await deliver(body, headers);

    expect(first.status).toBe(503);
    expect(first.body).toMatchObject({ code: 'upstream_unavailable' });
    expect(Number(first.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await deliver(body, headers)).body).toEqual({ result: 'delivered' });
  });

  it('when the order service answers 409, then the event counts as recorded, and a repeat is a duplicate', async () => {
    stack.orders.queue((_req, res) => sendJson(res, 409, { message: 'already recorded' }));

    await deliverPayment(primerPayment()).expect(200, { result: 'delivered' });
    await deliverPayment(primerPayment()).expect(200, { result: 'duplicate' });
    expect(stack.orders.paymentEvents()).toHaveLength(1);
  });

  it('when the order service answers 400, then 502 upstream_error, once, and Primer\'s retry is forwarded again', async () => {
    stack.orders.queue((_req, res) => sendJson(res, 400, { message: 'unknown order' }));

    const res = await deliverPayment(primerPayment());

    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: 'upstream_error' });
    expect(stack.orders.paymentEvents()).toHaveLength(1);
    await deliverPayment(primerPayment()).expect(200, { result: 'delivered' });
  });

  it('when another method is used, then 405 with Allow: POST', async () => {
    const res = await request(stack.subject.app).get('/webhooks/primer');

    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('POST');
  });

  it('when deliveries are answered, then metrics count them by result and the order-service calls by result', async () => {
    await deliverPayment(primerPayment());
    await deliverPayment(primerPayment());
    await deliver('{}', { 'X-Signature-Primary': signatureOf('{}', 'whsec_wrong') });

    const metrics = (await scrapeMetrics(stack.subject)).text;
    expect(metrics).toMatch(/^webhook_deliveries_total\{result="delivered"\} 1$/m);
    expect(metrics).toMatch(/^webhook_deliveries_total\{result="duplicate"\} 1$/m);
    expect(metrics).toMatch(/^webhook_deliveries_total\{result="signature_invalid"\} 1$/m);
    expect(metrics).toMatch(/^payment_notifications_total\{source="webhook",result="delivered"\} 1$/m);
  });

  it('when anything is logged or answered, then no secret, signature, order-service token or payment-method data is in it', async () => {
    const { body, headers } = signedDelivery(primerPayment(), NEW_SECRET);
    const secondary = signatureOf(body, OLD_SECRET);
    // An order service that repeats secrets in its refusal: none of them may reach a log line or an answer.
    stack.orders.queue((_req, res) => sendJson(res, 400, { message: `rejected for Bearer ${ORDER_SERVICE_TOKEN}, signed with ${NEW_SECRET}` }));
    const answers = [
      await deliver(body, { ...headers, 'X-Signature-Secondary': secondary }),
      await deliver(body, { ...headers, 'X-Signature-Secondary': secondary }),
      await deliver(body.replace('3700', '1'), headers),
    ];

    const seen = [...stack.subject.logs, ...answers.map((answer) => JSON.stringify(answer.headers) + answer.text)].join('\n');
    expect(answers.map((answer) => answer.status)).toEqual([502, 200, 401]);
    for (const secret of [NEW_SECRET, OLD_SECRET, ORDER_SERVICE_TOKEN, headers['X-Signature-Primary']!, secondary, ...PAYMENT_METHOD_SECRETS]) {
      expect(seen).not.toContain(secret);
    }
    const paymentLines = stack.subject.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['paymentId'] !== undefined);
    expect(paymentLines).toEqual([
      expect.objectContaining({ paymentId: 'kHdEw9EG', orderId: 'order_42', status: 'AUTHORIZED', result: 'order_service_rejected' }),
      expect.objectContaining({ paymentId: 'kHdEw9EG', orderId: 'order_42', status: 'AUTHORIZED', result: 'delivered' }),
    ]);
  });
});

describe('POST /webhooks/primer without webhook secrets', () => {
  const stack = useComponentStack();

  it('when no secret is configured, then the route is 404 not_found and the order service is not called', async () => {
    const { body, headers } = signedDelivery(primerPayment(), NEW_SECRET);

    const res = await request(stack.subject.app).post('/webhooks/primer').set(headers).send(body);

    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'not_found' });
    expect(stack.orders.paymentEvents()).toEqual([]);
  });
});

describe('POST /webhooks/primer and the shopper rate limit', () => {
  const stack = useComponentStack();

  it('when Primer sends more deliveries than the shopper limit allows, then every one is answered', async () => {
    const { app } = buildTestApp({ PRIMER_API_URL: stack.primer.url, ORDER_SERVICE_URL: stack.orders.url, PRIMER_WEBHOOK_SECRETS: NEW_SECRET, RATE_LIMIT_PER_MINUTE: '1' });
    const test = '{"message": "Testing your webhook connection"}';

    const answers = await Promise.all(Array.from({ length: 4 }, () => request(app).post('/webhooks/primer').set('X-Signature-Primary', signatureOf(test, NEW_SECRET)).send(test)));

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
  });
});
