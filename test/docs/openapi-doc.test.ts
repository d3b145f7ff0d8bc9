import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { parse } from 'yaml';
import { gzipSync } from 'node:zlib';
import { PAYMENT_ID } from '../../src/service/payments/read-payment-state';
import { CART_ID } from '../../src/service/routes/checkout-session';
import { sendJson } from '../support/fake-http-server';
import { primerError } from '../support/fake-primer';
import { useComponentStack } from '../support/component-stack';
import { primerPayment, unixSecondsNow } from '../support/primer-payment';
import { signatureOf, signedDelivery } from '../support/signed-webhook';
import { buildTestApp } from '../support/test-app';

interface Operation {
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }>;
}
interface HeaderParameter {
  name: string;
  in: string;
  schema: { pattern?: string };
}
interface SchemaNode {
  pattern?: string;
  enum?: string[];
  properties?: Record<string, SchemaNode>;
}
interface ServiceDoc {
  paths: Record<string, Record<string, Operation & { parameters?: { $ref: string }[]; security?: Record<string, string[]>[] }>>;
  components: {
    parameters: Record<string, HeaderParameter>;
    securitySchemes: Record<string, { type: string; scheme?: string }>; schemas: Record<string, SchemaNode>; responses: Record<string, Operation['responses'][string]> };
}

const doc = parse(readFileSync(path.resolve(__dirname, '../../docs/openapi.yaml'), 'utf8')) as ServiceDoc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'service.json', components: doc.components });

// The documented schema for this answer, following a $ref to components/responses when there is one.
function documentedSchema(route: string, method: string, status: number, mediaType: string): object | undefined {
  let response = doc.paths[route]?.[method]?.responses[String(status)];
  if (response?.$ref) response = doc.components.responses[response.$ref.split('/').pop()!];
  const schema = response?.content?.[mediaType]?.schema;
  return schema && JSON.parse(JSON.stringify(schema).replaceAll('"#/components', '"service.json#/components'));
}

function expectDocumented(res: request.Response, route: string, method: string): void {
  const mediaType = String(res.headers['content-type']).split(';')[0]!;
  const schema = documentedSchema(route, method, res.status, mediaType);
  expect(schema).toBeDefined();
  const validate = ajv.compile(schema!);
  expect(validate.errors ?? (validate(res.body) ? [] : validate.errors)).toEqual([]);
}

const WEBHOOK_SECRET = 'whsec_openapi_doc_5e21';
// demo-gbp's order id: the one the service sent Primer when it created the cart's session.
const GBP_ORDER_ID = 'order-demo-gbp-1001';
const stack = useComponentStack({ PRIMER_TIMEOUT_MS: '500', PRIMER_MAX_RETRIES: '0', ORDER_SERVICE_TIMEOUT_MS: '500', PRIMER_WEBHOOK_SECRETS: WEBHOOK_SECRET });

const confirm = (body: object) => request(stack.subject.app).post('/checkout/payment').send(body);
const deliver = (body: string | Buffer, headers: Record<string, string>) => request(stack.subject.app).post('/webhooks/primer').set(headers).send(body);
const deliverPayment = (payment: Record<string, unknown>, signedAt?: unknown) => {
  const { body, headers } = signedDelivery(payment, WEBHOOK_SECRET, signedAt);
  return deliver(body, headers);
};
const orderServiceAnswers = (status: number, times: number) =>
  stack.orders.queue(...Array.from({ length: times }, () => (_req: unknown, res: Parameters<typeof sendJson>[0]) => sendJson(res, status, { message: `order service ${status}` })));

describe('docs/openapi.yaml is in step with the code', () => {
  it('when a cart id is checked, then the documented pattern is the one the route enforces', () => {
    expect(doc.components.schemas.CheckoutSessionRequest?.properties?.cartId?.pattern).toBe(CART_ID.source);
  });

  it('when a header the service replaces rather than refuses is declared, then it has no pattern, and odd values still get 200', async () => {
    const operation = doc.paths['/checkout/session']!['post']!;
    const headers = (operation.parameters ?? []).map(({ $ref }) => doc.components.parameters[$ref.split('/').pop()!]!);

    expect(headers.map((header) => header.name).sort()).toEqual(['Cookie', 'X-Request-Id', 'traceparent', 'tracestate']);
    for (const header of headers) expect(header.schema.pattern).toBeUndefined();
    const odd = { 'X-Request-Id': 'no spaces allowed here', traceparent: 'not-a-traceparent', tracestate: '=', Cookie: 'x' };
    const res = await request(stack.subject.app).post('/checkout/session').set(odd).send({ cartId: 'demo-gbp' });
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).not.toBe(odd['X-Request-Id']);
  });

  it('when the forwarded Authorization is declared, then it is an optional security scheme, not a header parameter OpenAPI ignores', () => {
    const operation = doc.paths['/checkout/session']!['post']!;

    expect(operation.security).toEqual([{}, { shopAuthorization: [] }]);
    expect(doc.components.securitySchemes['shopAuthorization']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.values(doc.components.parameters).map((parameter) => parameter.name.toLowerCase())).not.toContain('authorization');
  });

  it.each([
    ['a payable cart', { cartId: 'demo-gbp' }, () => undefined, 200],
    ['a malformed cart id', { cartId: '../x' }, () => undefined, 400],
    ['an unknown cart', { cartId: 'no-such-cart' }, () => undefined, 404],
    ['an empty cart', { cartId: 'demo-empty' }, () => undefined, 422],
    ['Primer refusing', { cartId: 'demo-gbp' }, () => stack.primer.queue(primerError(422)), 502],
    ['Primer down', { cartId: 'demo-gbp' }, () => stack.primer.queue(primerError(503)), 503],
    ['Primer silent', { cartId: 'demo-gbp' }, () => stack.primer.queue(() => undefined), 504],
  ])('when POST /checkout/session meets %s, then the answer matches the documented %#', async (_case, body, arrange, status) => {
    arrange();
    const res = await request(stack.subject.app).post('/checkout/session').send(body);

    expect(res.status).toBe(status);
    expectDocumented(res, '/checkout/session', 'post');
  });

  it.each([
    ['a non-JSON body', 'text/plain', 'hello', 415],
    ['a body over 16 KiB', 'application/json', JSON.stringify({ cartId: 'demo-gbp', pad: 'x'.repeat(17_000) }), 413],
  ])('when POST /checkout/session gets %s, then the documented problem comes back', async (_case, type, body, status) => {
    const res = await request(stack.subject.app).post('/checkout/session').set('Content-Type', type).send(body);

    expect(res.status).toBe(status);
    expectDocumented(res, '/checkout/session', 'post');
  });

  it('when a payment is confirmed, then the documented cart and payment id patterns are the ones the route enforces', () => {
    const fields = doc.components.schemas.PaymentConfirmationRequest?.properties;

    expect(fields?.cartId?.pattern).toBe(CART_ID.source);
    expect(fields?.paymentId?.pattern).toBe(PAYMENT_ID.source);
  });

  it.each([
    ['a payment of the cart’s order', { cartId: 'demo-gbp', paymentId: 'kHdEw9EG' }, () => stack.primer.payments.set('kHdEw9EG', primerPayment({ orderId: GBP_ORDER_ID })), 200],
    ['a malformed payment id', { cartId: 'demo-gbp', paymentId: '../x' }, () => undefined, 400],
    ['an unknown cart', { cartId: 'no-such-cart', paymentId: 'kHdEw9EG' }, () => undefined, 404],
    ['a payment Primer does not know', { cartId: 'demo-gbp', paymentId: 'unknownPay' }, () => undefined, 404],
    ['another order’s payment', { cartId: 'demo-gbp', paymentId: 'kHdEw9EG' }, () => stack.primer.payments.set('kHdEw9EG', primerPayment({ orderId: 'order-else' })), 404],
    ['a key without transactions:retrieve', { cartId: 'demo-gbp', paymentId: 'kHdEw9EG' }, () => stack.primer.queue(primerError(403)), 502],
    ['Primer down', { cartId: 'demo-gbp', paymentId: 'kHdEw9EG' }, () => stack.primer.queue(primerError(503)), 503],
    ['Primer silent', { cartId: 'demo-gbp', paymentId: 'kHdEw9EG' }, () => stack.primer.queue(() => undefined), 504],
  ])('when POST /checkout/payment meets %s, then the answer matches the documented %#', async (_case, body, arrange, status) => {
    arrange();
    const res = await confirm(body);

    expect(res.status).toBe(status);
    expectDocumented(res, '/checkout/payment', 'post');
    if (status === 200) expect(res.headers['cache-control']).toBe('no-store');
  });

  it('when a payment is not found for either reason, then the two 404 codes are the ones the document names', async () => {
    stack.primer.payments.set('kHdEw9EG', primerPayment({ orderId: 'order-else' }));
    const codes = [(await confirm({ cartId: 'no-such-cart', paymentId: 'kHdEw9EG' })).body.code, (await confirm({ cartId: 'demo-gbp', paymentId: 'kHdEw9EG' })).body.code];

    expect(codes).toEqual(['cart_not_found', 'payment_not_found']);
    const description = String((doc.components.responses['CartOrPaymentNotFound'] as { description?: string }).description);
    for (const code of codes) expect(description).toContain(`\`${code}\``);
  });

  it('when Primer signs a webhook, then the two signature headers are declared on the route, without a pattern', () => {
    const operation = doc.paths['/webhooks/primer']!['post']!;
    const headers = (operation.parameters ?? []).map(({ $ref }) => doc.components.parameters[$ref.split('/').pop()!]!);

    expect(headers.map((header) => header.name)).toEqual(expect.arrayContaining(['X-Signature-Primary', 'X-Signature-Secondary']));
    expect(operation.security).toEqual([]);
  });

  it('when each webhook result happens, then it is one of the documented results, and every documented one happens', async () => {
    const results = [
      (await deliverPayment(primerPayment({ status: 'SETTLED', dateUpdated: '2026-11-26T14:55:00.000000' }))).body.result,
      (await deliverPayment(primerPayment({ status: 'SETTLED', dateUpdated: '2026-11-26T14:55:00.000000' }))).body.result,
      (await deliverPayment(primerPayment({ status: 'AUTHORIZED' }))).body.result,
    ];
    const test = '{"message": "Testing your webhook connection"}';
    results.push((await deliver(test, { 'X-Signature-Primary': signatureOf(test, WEBHOOK_SECRET) })).body.result);

    expect(results).toEqual(['delivered', 'duplicate', 'superseded', 'ignored']);
    expect([...(doc.components.schemas.WebhookResult?.properties?.result?.enum ?? [])].sort()).toEqual([...results].sort());
  });

  it.each([
    ['an authentic PAYMENT.STATUS', () => deliverPayment(primerPayment()), 200],
    ['no signature', () => deliver(JSON.stringify({ eventType: 'PAYMENT.STATUS' }), { 'Content-Type': 'application/json' }), 401],
    ['a signedAt an hour old', () => deliverPayment(primerPayment(), String(Number(unixSecondsNow()) - 3600)), 401],
    ['an authentic body that is not JSON', () => deliver('not json', { 'X-Signature-Primary': signatureOf('not json', WEBHOOK_SECRET) }), 400],
    ['a body over 1 MiB', () => deliver('x'.repeat(1024 * 1024 + 1), { 'Content-Type': 'application/json', 'X-Signature-Primary': 'x' }), 413],
    ['a gzipped body', () => deliver(gzipSync('{}'), { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'X-Signature-Primary': 'x' }), 415],
    ['the order service down', () => (orderServiceAnswers(503, 10), deliverPayment(primerPayment())), 503],
    ['the order service refusing the event', () => (orderServiceAnswers(400, 1), deliverPayment(primerPayment())), 502],
  ])('when POST /webhooks/primer gets %s, then the answer matches the documented %#', async (_case, send, status) => {
    const res = await send();

    expect(res.status).toBe(status);
    expectDocumented(res, '/webhooks/primer', 'post');
    if (status === 200) expect(res.headers['cache-control']).toBe('no-store');
    if (status === 503) expect(res.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('when no webhook secret is configured, then the route answers the documented 404', async () => {
    const { app } = buildTestApp({ PRIMER_API_URL: stack.primer.url, ORDER_SERVICE_URL: stack.orders.url });
    const { body, headers } = signedDelivery(primerPayment(), WEBHOOK_SECRET);

    const res = await request(app).post('/webhooks/primer').set(headers).send(body);

    expect(res.status).toBe(404);
    expectDocumented(res, '/webhooks/primer', 'post');
  });

  it('when a webhook problem is answered, then its code is in the documented enum', async () => {
    const stale = await deliverPayment(primerPayment(), String(Number(unixSecondsNow()) - 3600));
    const invalid = await deliver('{}', { 'X-Signature-Primary': signatureOf('{}', 'wrong-secret') });

    expect([invalid.body.code, stale.body.code]).toEqual(['webhook_signature_invalid', 'webhook_signature_stale']);
    expect(doc.components.schemas.Problem?.properties?.code?.enum).toEqual(expect.arrayContaining([invalid.body.code, stale.body.code, 'payment_not_found']));
  });

  it.each(['/healthz', '/readyz'])('when %s is probed, then the answer matches the documented one', async (route) => {
    const res = await request(stack.subject.app).get(route);

    expect(res.status).toBe(200);
    expectDocumented(res, route, 'get');
  });
});
