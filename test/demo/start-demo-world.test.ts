import { createHmac } from 'node:crypto';
import express from 'express';
import request from 'supertest';
import { startDemoWorld, type DemoWorld } from '../../src/demo/start-demo-world';
import { InMemoryOrderService } from '../../src/demo/orders/in-memory-order-service';
import { loadConfig } from '../../src/service/config';
import { createLogger } from '../../src/service/observability/logger';
import { startWebhookReceiver, type WebhookReceiver } from './emulator/support/webhook-receiver';

const logger = createLogger('silent');

describe('the demo world in demo mode', () => {
  let world: DemoWorld;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    world = await startDemoWorld(loadConfig({ HOST: '0.0.0.0' }), logger);
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await world.close();
    await receiver.close();
  });

  it('when started, then it hands the service one generated webhook secret and the built-in order service as the event sink', () => {
    const [secret, ...others] = world.parts.webhookSecrets ?? [];

    expect(others).toEqual([]);
    expect(Buffer.from(secret ?? '', 'base64url').length).toBe(32);
    expect(world.parts.paymentEvents).toBeInstanceOf(InMemoryOrderService);
    expect(world.parts.paymentEvents).toBe(world.parts.orders);
  });

  it('when the service listens, then a payment made from the page is signed with that secret and sent to its own webhook route', async () => {
    world.serviceListening(Number(new URL(receiver.url).port));
    const session = await fetch(`${world.parts.emulator?.apiUrl}/client-session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': world.parts.emulator?.apiKey ?? '', 'X-Api-Version': '2.4' },
      body: JSON.stringify({ orderId: 'order-demo-gbp-1001', currencyCode: 'GBP', amount: 8905, metadata: { cartId: 'demo-gbp' } }),
    });
    const { clientToken } = (await session.json()) as { clientToken: string };

    await request(express().use(world.parts.pages!)).post('/demo/payments').send({ clientToken, status: 'AUTHORIZED' }).expect(201);

    const [delivery] = await receiver.waitFor(1);
    expect(delivery?.path).toBe('/webhooks/primer');
    expect(delivery?.headers['x-signature-primary']).toBe(createHmac('sha256', world.parts.webhookSecrets?.[0] ?? '').update(delivery?.rawBody ?? '').digest('base64'));
    expect(delivery?.body.payment).toMatchObject({ status: 'AUTHORIZED', metadata: { cartId: 'demo-gbp' } });
  });
});

describe('the demo world beside a real order service', () => {
  it('when ORDER_SERVICE_URL is set, then the service gets a webhook secret but no event sink of the demo’s', async () => {
    const world = await startDemoWorld(loadConfig({ ORDER_SERVICE_URL: 'http://127.0.0.1:4020' }), logger);
    try {
      expect(world.parts.webhookSecrets).toHaveLength(1);
      expect(world.parts.paymentEvents).toBeUndefined();
    } finally {
      await world.close();
    }
  });
});

describe('the demo world with a real key and the built-in carts', () => {
  it('when PRIMER_API_KEY is set, then no emulator starts and no webhook secret is made up', async () => {
    const config = loadConfig({ PRIMER_API_KEY: 'sk_test', DEMO_CARTS: 'true', DEMO_PAGE: 'true' });
    const world = await startDemoWorld(config, logger);

    expect(world.parts.emulator).toBeUndefined();
    expect(world.parts.webhookSecrets).toBeUndefined();
    expect(world.parts.paymentEvents).toBe(world.parts.orders);
    await world.close();
  });
});
