import request from 'supertest';
import { sendJson } from '../../support/fake-http-server';
import { primerError } from '../../support/fake-primer';
import { useComponentStack } from '../../support/component-stack';
import { scrapeMetrics } from '../../support/scrape-metrics';
import { PAYMENT_METHOD_SECRETS, primerPayment } from '../../support/primer-payment';
import { signedDelivery } from '../../support/signed-webhook';
import { buildTestApp } from '../../support/test-app';

const ORDER_SERVICE_TOKEN = 'ost_confirmation_token_77f1';
const WEBHOOK_SECRET = 'whsec_confirmation_3a9c';
// demo-gbp's order id, which the service sent Primer when it created the cart's session.
const ORDER_ID = 'order-demo-gbp-1001';
const SHOPPER = { Authorization: 'Bearer shopper-jwt-5c1e', Cookie: 'sid=shopper-session-8d2f' };

const paymentFor = (overrides: Record<string, unknown> = {}) => primerPayment({ id: 'kHdEw9EG', orderId: ORDER_ID, metadata: { cartId: 'demo-gbp' }, ...overrides });

describe('POST /checkout/payment', () => {
  const stack = useComponentStack({ ORDER_SERVICE_TOKEN, PRIMER_WEBHOOK_SECRETS: WEBHOOK_SECRET });
  const confirm = (body: object, headers: Record<string, string> = {}) => request(stack.subject.app).post('/checkout/payment').set(headers).send(body);

  it('when the payment belongs to the cart\'s order, then 200 with exactly paymentId, status and outcome, no-store', async () => {
    stack.primer.payments.set('kHdEw9EG', paymentFor());

    const res = await confirm({ cartId: 'demo-gbp', paymentId: 'kHdEw9EG' }, SHOPPER);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ paymentId: 'kHdEw9EG', status: 'AUTHORIZED', outcome: 'paid' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('when it is confirmed, then the cart was loaded with the shopper\'s credentials, Primer asked with the key, and the order service told with the service\'s token only', async () => {
    stack.primer.payments.set('kHdEw9EG', paymentFor({ status: 'PENDING' }));

    await confirm({ cartId: 'demo-gbp', paymentId: 'kHdEw9EG' }, SHOPPER).expect(200, { paymentId: 'kHdEw9EG', status: 'PENDING', outcome: 'pending' });

    const cartLoad = stack.orders.requests.find((req) => req.url === '/carts/demo-gbp');
    expect(cartLoad?.headers).toMatchObject({ authorization: SHOPPER.Authorization, cookie: SHOPPER.Cookie });
    const [primerGet] = stack.primer.calls('GET');
    expect(primerGet).toMatchObject({ url: '/payments/kHdEw9EG', headers: { 'x-api-key': expect.any(String), 'x-api-version': '2.4' } });
    const [event] = stack.orders.paymentEvents();
    expect(event!.url).toBe(`/orders/${ORDER_ID}/payment-events`);
    expect(event!.headers['authorization']).toBe(`Bearer ${ORDER_SERVICE_TOKEN}`);
    expect(event!.headers['cookie']).toBeUndefined();
    expect(JSON.parse(event!.body)).toMatchObject({ paymentId: 'kHdEw9EG', cartId: 'demo-gbp', status: 'PENDING', source: 'confirmation' });
  });

  it('when the cart has no orderId of its own, then a payment whose orderId is the cart id is the cart\'s', async () => {
    stack.primer.payments.set('jpyPay1', primerPayment({ id: 'jpyPay1', orderId: 'demo-jpy', currencyCode: 'JPY', status: 'DECLINED' }));

    await confirm({ cartId: 'demo-jpy', paymentId: 'jpyPay1' }).expect(200, { paymentId: 'jpyPay1', status: 'DECLINED', outcome: 'failed' });
  });

  it('when the payment is another order\'s, then 404 payment_not_found and the order service is not told', async () => {
    stack.primer.payments.set('kHdEw9EG', paymentFor({ orderId: 'order-of-someone-else' }));

    const res = await confirm({ cartId: 'demo-gbp', paymentId: 'kHdEw9EG' });

    expect(res.status).toBe(404);
    expect(res.type).toBe('application/problem+json');
    expect(res.body).toMatchObject({ code: 'payment_not_found' });
    expect(stack.orders.paymentEvents()).toEqual([]);
  });

  it('when Primer does not know the payment, by 404 or by a 400 saying so, then 404 payment_not_found', async () => {
    await confirm({ cartId: 'demo-gbp', paymentId: 'unknownPay' }).expect(404);
    stack.primer.queue((_req, res) => sendJson(res, 400, { error: { errorId: 'PaymentNotFound', description: 'The payment could not be found.' } }));

    const res = await confirm({ cartId: 'demo-gbp', paymentId: 'unknownPay' });

    expect(res.body).toMatchObject({ code: 'payment_not_found' });
    expect(stack.orders.paymentEvents()).toEqual([]);
  });

  it.each([
    ['a malformed paymentId', { cartId: 'demo-gbp', paymentId: '../payments/x' }],
    ['a paymentId over 64 characters', { cartId: 'demo-gbp', paymentId: 'p'.repeat(65) }],
    ['a numeric paymentId', { cartId: 'demo-gbp', paymentId: 42 }],
    ['no paymentId', { cartId: 'demo-gbp' }],
    ['a malformed cartId', { cartId: '../carts', paymentId: 'kHdEw9EG' }],
  ])('when the body has %s, then 400 invalid_request and no upstream is called', async (_name, body) => {
    const res = await confirm(body);

    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request' });
    expect([...stack.orders.requests, ...stack.primer.requests]).toEqual([]);
  });

  it('when the order service denies the cart, then 404 cart_not_found (or 401) and Primer is not called', async () => {
    stack.orders.queue((_req, res) => sendJson(res, 403, {}), (_req, res) => sendJson(res, 401, {}));

    await confirm({ cartId: 'demo-gbp', paymentId: 'kHdEw9EG' }).expect(404).expect((res) => expect(res.body.code).toBe('cart_not_found'));
    await confirm({ cartId: 'demo-gbp', paymentId: 'kHdEw9EG' }).expect(401).expect((res) => expect(res.body.code).toBe('unauthenticated'));
    expect(stack.primer.requests).toEqual([]);
  });

  it('when the key lacks the transactions:retrieve scope, then 502 upstream_error', async () => {
    stack.primer.queue(primerError(403));

    const res = await confirm({ cartId: 'demo-gbp', paymentId: 'kHdEw9EG' });

    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: 'upstream_error' });
    expect(res.text).not.toMatch(/PrimerSecretErrorId|diag-123456/);
  });

  it('when the order service cannot take the state, then the page still gets 200, and the failure is logged and counted', async () => {
    stack.primer.payments.set('kHdEw9EG', paymentFor());
    stack.orders.queue((_req, res) => sendJson(res, 200, stack.orders.carts.get('demo-gbp')), ...Array.from({ length: 3 }, () => (_req: unknown, res: Parameters<typeof sendJson>[0]) => sendJson(res, 503, {})));

    await confirm({ cartId: 'demo-gbp', paymentId: 'kHdEw9EG' }).expect(200, { paymentId: 'kHdEw9EG', status: 'AUTHORIZED', outcome: 'paid' });

    const warned = stack.subject.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['paymentId'] === 'kHdEw9EG');
    expect(warned).toEqual([expect.objectContaining({ level: 'warn', orderId: ORDER_ID, status: 'AUTHORIZED', result: 'order_service_unavailable' })]);
    const metrics = (await scrapeMetrics(stack.subject)).text;
    expect(metrics).toMatch(/^payment_notifications_total\{source="confirmation",result="unavailable"\} 1$/m);
    expect(metrics).toMatch(/^payment_confirmations_total\{result="paid"\} 1$/m);
  });

  it('when the webhook already delivered the state, then the confirmation answers without telling the order service again', async () => {
    stack.primer.payments.set('kHdEw9EG', paymentFor());
    const { body, headers } = signedDelivery(paymentFor(), WEBHOOK_SECRET);
    await request(stack.subject.app).post('/webhooks/primer').set(headers).send(body).expect(200, { result: 'delivered' });

    await confirm({ cartId: 'demo-gbp', paymentId: 'kHdEw9EG' }).expect(200);

    expect(stack.orders.paymentEvents()).toHaveLength(1);
  });

  it('when nothing else is known, then no log line or answer carries payment-method data or the order-service token', async () => {
    stack.primer.payments.set('kHdEw9EG', paymentFor());

    const res = await confirm({ cartId: 'demo-gbp', paymentId: 'kHdEw9EG' }, SHOPPER);

    const seen = [...stack.subject.logs, JSON.stringify(res.headers), res.text].join('\n');
    for (const secret of [...PAYMENT_METHOD_SECRETS, ORDER_SERVICE_TOKEN, WEBHOOK_SECRET, SHOPPER.Authorization, SHOPPER.Cookie]) expect(seen).not.toContain(secret);
  });
});

describe('reuse ends after payment', () => {
  const stack = useComponentStack();
  const open = () => request(stack.subject.app).post('/checkout/session').send({ cartId: 'demo-gbp' }).expect(200);
  const confirm = () => request(stack.subject.app).post('/checkout/payment').send({ cartId: 'demo-gbp', paymentId: 'kHdEw9EG' }).expect(200);

  it('when a paid payment for the cart is recorded, then the next session call creates a new Primer session', async () => {
    const first = await open();
    stack.primer.payments.set('kHdEw9EG', paymentFor());
    await confirm();

    const second = await open();

    expect(second.body.clientToken).not.toBe(first.body.clientToken);
    expect(stack.primer.calls('POST')).toHaveLength(2);
  });

  it('when a failed payment is recorded, then the shopper keeps the same session to try again', async () => {
    const first = await open();
    stack.primer.payments.set('kHdEw9EG', paymentFor({ status: 'DECLINED' }));
    await confirm();

    const second = await open();

    expect(second.body.clientToken).toBe(first.body.clientToken);
    expect(stack.primer.calls('POST')).toHaveLength(1);
  });
});

describe('POST /checkout/payment and the shopper rate limit', () => {
  const stack = useComponentStack();

  it('when a client has spent its budget on /checkout/session, then /checkout/payment answers 429 too, and the other way round', async () => {
    const { app } = buildTestApp({ PRIMER_API_URL: stack.primer.url, ORDER_SERVICE_URL: stack.orders.url, RATE_LIMIT_PER_MINUTE: '2' });
    stack.primer.payments.set('kHdEw9EG', paymentFor());

    await request(app).post('/checkout/session').send({ cartId: 'demo-gbp' }).expect(200);
    await request(app).post('/checkout/payment').send({ cartId: 'demo-gbp', paymentId: 'kHdEw9EG' }).expect(200);
    const limited = await request(app).post('/checkout/payment').send({ cartId: 'demo-gbp', paymentId: 'kHdEw9EG' });
    const alsoLimited = await request(app).post('/checkout/session').send({ cartId: 'demo-gbp' });

    expect([limited.status, alsoLimited.status]).toEqual([429, 429]);
    expect(limited.body).toMatchObject({ code: 'rate_limited' });
    expect(stack.primer.calls('GET')).toHaveLength(1);
  });
});
