import { ROOT_CONTEXT } from '@opentelemetry/api';
import express from 'express';
import request from 'supertest';
import { startEmulator, type RunningEmulator } from '../../../src/demo/emulator/start-emulator';
import { InMemoryOrderService } from '../../../src/demo/orders/in-memory-order-service';
import { demoPageRouter } from '../../../src/demo/page/demo-page-router';
import { emulatorClient, GBP_SESSION } from '../emulator/support/emulator-client';
import { startWebhookReceiver, type WebhookReceiver } from '../emulator/support/webhook-receiver';

describe('the demo page’s payment routes', () => {
  let emulator: RunningEmulator;
  let receiver: WebhookReceiver;
  const orders = new InMemoryOrderService([]);
  let app: express.Express;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    emulator = await startEmulator({ webhook: { url: receiver.url, secret: 'demo-secret' } });
    app = express().use(demoPageRouter({ carts: [], simulatedPayments: emulator.payments, paymentEvents: orders }));
  });
  afterAll(async () => {
    await emulator.close();
    await receiver.close();
  });

  async function clientToken(session: object = GBP_SESSION): Promise<string> {
    return (await emulatorClient(emulator.url).post('/client-session', session)).data.clientToken;
  }

  it('when the page pays with a chosen status, then it gets only {id, orderId}, after the webhook’s first attempt', async () => {
    const before = receiver.received.length;

    const response = await request(app).post('/demo/payments').send({ clientToken: await clientToken(), status: 'DECLINED' }).expect(201);

    expect(response.body).toEqual({ id: expect.any(String), orderId: 'order_42' });
    expect(receiver.received.length).toBe(before + 1);
    expect(receiver.received.at(-1)?.body.payment).toMatchObject({ id: response.body.id, status: 'DECLINED' });
    expect((await emulatorClient(emulator.url).get(`/payments/${response.body.id}`)).data.status).toBe('DECLINED');
  });

  it.each([
    ['a status Primer does not have', { clientToken: 'x', status: 'PAID' }, 400],
    ['no client token', { status: 'AUTHORIZED' }, 400],
    ['an unknown client token', { clientToken: 'no-such-token', status: 'AUTHORIZED' }, 404],
  ])('when the page pays with %s, then it is refused with a clear error', async (_case, body, status) => {
    const response = await request(app).post('/demo/payments').send(body).expect(status);

    expect(response.body.error).toEqual(expect.any(String));
  });

  it('when the session has nothing to charge, then 422', async () => {
    await request(app).post('/demo/payments').send({ clientToken: await clientToken({ currencyCode: 'GBP' }), status: 'AUTHORIZED' }).expect(422);
  });

  it('when the order service recorded events, then the page reads them for the order', async () => {
    const event = { paymentId: 'pay_1', orderId: 'order 7', status: 'SETTLED', amount: 1, currencyCode: 'GBP', dateUpdated: '2026-11-26T14:53:51.578Z', source: 'webhook' as const };
    await orders.record(event, { requestId: 'r', trace: ROOT_CONTEXT });

    const response = await request(app).get(`/demo/orders/${encodeURIComponent('order 7')}/payment-events`).expect(200);

    expect(response.body).toEqual({ orderId: 'order 7', events: [{ ...event, receivedAt: expect.any(String) }] });
  });

  it('when the carts are listed, then the page learns that it can pay and read events here', async () => {
    const response = await request(app).get('/demo/carts').expect(200);

    expect(response.body).toMatchObject({ simulatedPayments: true, paymentEvents: true });
  });
});
