import { createHmac } from 'node:crypto';
import { startEmulator, type RunningEmulator } from '../../../../src/demo/emulator/start-emulator';
import { emulatorClient, GBP_SESSION } from '../support/emulator-client';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from '../support/webhook-receiver';

const SECRET = 'whsec-current';
const OLD_SECRET = 'whsec-previous';

function hmac(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('PAYMENT.STATUS webhooks from the emulator', () => {
  let emulator: RunningEmulator | undefined;
  let receiver: WebhookReceiver | undefined;

  afterEach(async () => {
    await emulator?.close();
    await receiver?.close();
    emulator = undefined;
    receiver = undefined;
  });

  async function start(statuses: number[] = [], previousSecret?: string) {
    receiver = await startWebhookReceiver(statuses);
    emulator = await startEmulator({ control: true, webhookRetryDelaysMs: [20, 20], webhook: { url: receiver.url, secret: SECRET, previousSecret } });
    const { clientToken } = (await emulatorClient(emulator.url).post('/client-session', GBP_SESSION)).data;
    return { emulator, receiver, clientToken: clientToken as string };
  }

  it('when a session is paid for, then one delivery carries Primer’s body with the payment as GET /payments/{id} answers it', async () => {
    const { emulator, receiver, clientToken } = await start();
    const made = emulator.payments.pay(clientToken, 'AUTHORIZED')!;
    await made.delivered;

    const [delivery] = receiver.received as [ReceivedWebhook];
    expect(receiver.received).toHaveLength(1);
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.body).toEqual({
      eventType: 'PAYMENT.STATUS',
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/),
      notificationConfig: { id: expect.any(String), description: expect.any(String) },
      version: '2.4',
      signedAt: expect.stringMatching(/^\d{10}$/),
      payment: (await emulatorClient(emulator.url).get(`/payments/${made.payment.id}`)).data,
    });
    expect(Math.abs(Number(delivery.body.signedAt) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('when delivered, then X-Signature-Primary is the base64 HMAC-SHA256 of the raw body and no secondary is sent', async () => {
    const { emulator, receiver, clientToken } = await start();
    await emulator.payments.pay(clientToken, 'AUTHORIZED')!.delivered;

    const [delivery] = receiver.received as [ReceivedWebhook];
    expect(delivery.headers['x-signature-primary']).toBe(hmac(SECRET, delivery.rawBody));
    expect(delivery.headers['x-signature-secondary']).toBeUndefined();
  });

  it('when the secret is being rotated, then X-Signature-Secondary is signed with the previous one', async () => {
    const { emulator, receiver, clientToken } = await start([], OLD_SECRET);
    await emulator.payments.pay(clientToken, 'AUTHORIZED')!.delivered;

    const [delivery] = receiver.received as [ReceivedWebhook];
    expect(delivery.headers['x-signature-primary']).toBe(hmac(SECRET, delivery.rawBody));
    expect(delivery.headers['x-signature-secondary']).toBe(hmac(OLD_SECRET, delivery.rawBody));
  });

  it('when the payment moves on, then each state is delivered with a later dateUpdated', async () => {
    const { emulator, receiver, clientToken } = await start();
    const { payment } = emulator.payments.pay(clientToken, 'AUTHORIZED')!;
    await emulator.payments.changeStatus(payment.id, 'SETTLED')!.delivered;
    await receiver.waitFor(2);

    const [first, second] = receiver.received as [ReceivedWebhook, ReceivedWebhook];
    expect([first.body.payment.status, second.body.payment.status].sort()).toEqual(['AUTHORIZED', 'SETTLED']);
    const settled = first.body.payment.status === 'SETTLED' ? first : second;
    const authorized = settled === first ? second : first;
    expect(settled.body.payment.dateUpdated > authorized.body.payment.dateUpdated).toBe(true);
  });

  it.each([
    ['a 500', 500],
    ['a redirect, which Primer counts as a failure', 302],
  ])('when the receiver answers %s, then the delivery is retried until it is taken', async (_case, status) => {
    const { emulator, receiver, clientToken } = await start([status]);
    emulator.payments.pay(clientToken, 'AUTHORIZED');
    await receiver.waitFor(2);
    await until(() => emulator.webhooks.deliveries().length === 2);

    expect(receiver.received[1]?.rawBody).toBe(receiver.received[0]?.rawBody);
    expect(emulator.webhooks.deliveries().map(({ attempt, result }) => [attempt, result])).toEqual([
      [1, status],
      [2, 200],
    ]);
  });

  it('when the receiver keeps failing, then the retries stop after the configured few', async () => {
    const { emulator, receiver, clientToken } = await start([503, 503, 503, 503]);
    emulator.payments.pay(clientToken, 'AUTHORIZED');
    await receiver.waitFor(3);
    await until(() => emulator.webhooks.deliveries().length === 3);
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(receiver.received).toHaveLength(3);
    expect(emulator.webhooks.deliveries().map(({ result }) => result)).toEqual([503, 503, 503]);
  });

  it('when nothing listens at the URL, then the attempt is recorded as a network error', async () => {
    const { emulator, receiver, clientToken } = await start();
    await receiver.close();
    await emulator.payments.pay(clientToken, 'AUTHORIZED')!.delivered;

    expect(emulator.webhooks.deliveries()[0]).toMatchObject({ attempt: 1, result: 'network-error' });
  });

  it('when the emulator closes with a retry pending, then no attempt follows', async () => {
    const { emulator: closing, receiver, clientToken } = await start([500]);
    await closing.payments.pay(clientToken, 'AUTHORIZED')!.delivered;
    emulator = undefined;
    await closing.close();
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(receiver.received).toHaveLength(1);
  });

  describe('with faults', () => {
    it('when a bad signature is queued, then neither header verifies under the secrets', async () => {
      const { emulator, receiver, clientToken } = await start([], OLD_SECRET);
      emulator.webhooks.faults.enqueue({ fault: { kind: 'bad-signature' } });
      await emulator.payments.pay(clientToken, 'AUTHORIZED')!.delivered;

      const [delivery] = receiver.received as [ReceivedWebhook];
      const expected = [hmac(SECRET, delivery.rawBody), hmac(OLD_SECRET, delivery.rawBody)];
      expect(expected).not.toContain(delivery.headers['x-signature-primary']);
      expect(expected).not.toContain(delivery.headers['x-signature-secondary']);
      expect(emulator.webhooks.deliveries()[0]?.fault).toBe('bad-signature');
    });

    it('when a duplicate is queued, then the same body and signature arrive twice', async () => {
      const { emulator, receiver, clientToken } = await start();
      emulator.webhooks.faults.enqueue({ fault: { kind: 'duplicate' } });
      await emulator.payments.pay(clientToken, 'AUTHORIZED')!.delivered;

      const [first, second] = receiver.received as [ReceivedWebhook, ReceivedWebhook];
      expect(receiver.received).toHaveLength(2);
      expect(second.rawBody).toBe(first.rawBody);
      expect(second.headers['x-signature-primary']).toBe(first.headers['x-signature-primary']);
    });

    it('when a stale signature is queued, then signedAt is that far in the past, and still signed', async () => {
      const { emulator, receiver, clientToken } = await start();
      emulator.webhooks.faults.enqueue({ fault: { kind: 'stale', seconds: 600 } });
      await emulator.payments.pay(clientToken, 'AUTHORIZED')!.delivered;

      const [delivery] = receiver.received as [ReceivedWebhook];
      expect(Math.abs(Date.now() / 1000 - 600 - Number(delivery.body.signedAt))).toBeLessThan(5);
      expect(delivery.headers['x-signature-primary']).toBe(hmac(SECRET, delivery.rawBody));
    });

    it('when a delay is queued for the first state, then the later state arrives first', async () => {
      const { emulator, receiver, clientToken } = await start();
      emulator.webhooks.faults.enqueue({ match: { status: 'AUTHORIZED' }, fault: { kind: 'delay', ms: 200 } });
      const { payment } = emulator.payments.pay(clientToken, 'AUTHORIZED')!;
      emulator.payments.changeStatus(payment.id, 'SETTLED');
      await receiver.waitFor(2);

      expect(receiver.received.map(({ body }) => body.payment.status)).toEqual(['SETTLED', 'AUTHORIZED']);
    });

    it('when a fault matches another status, then it waits for a delivery of that status', async () => {
      const { emulator, receiver, clientToken } = await start();
      emulator.webhooks.faults.enqueue({ match: { status: 'SETTLED' }, fault: { kind: 'bad-signature' } });
      await emulator.payments.pay(clientToken, 'AUTHORIZED')!.delivered;

      expect(receiver.received[0]?.headers['x-signature-primary']).toBe(hmac(SECRET, receiver.received[0]?.rawBody ?? ''));
      expect(emulator.webhooks.faults.pending()).toHaveLength(1);
    });
  });
});

describe('the emulator’s webhook control path', () => {
  let emulator: RunningEmulator;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    emulator = await startEmulator({ control: true });
  });
  afterAll(async () => {
    await emulator.close();
    await receiver.close();
  });

  it('when no target is set, then a payment is made and nothing is delivered', async () => {
    const client = emulatorClient(emulator.url);
    const { clientToken } = (await client.post('/client-session', GBP_SESSION)).data;

    expect((await client.post('/_emulator/payments', { clientToken, status: 'AUTHORIZED' })).status).toBe(201);
    expect((await client.get('/_emulator/webhooks')).data).toEqual({ target: null, deliveries: [], pendingFaults: [] });
  });

  it('when a target is set over HTTP, then deliveries go there and the listing names the URL but never a secret', async () => {
    const client = emulatorClient(emulator.url);
    expect((await client.put('/_emulator/webhooks', { url: receiver.url, secret: SECRET, previousSecret: OLD_SECRET })).status).toBe(204);
    expect((await client.post('/_emulator/webhooks/faults', { times: 1, fault: { kind: 'duplicate' } })).status).toBe(201);
    const { clientToken } = (await client.post('/client-session', GBP_SESSION)).data;

    await client.post('/_emulator/payments', { clientToken, status: 'SETTLED' });
    await receiver.waitFor(2);
    await until(() => emulator.webhooks.deliveries().length === 2);
    const listing = await client.get('/_emulator/webhooks');

    expect(listing.data.target).toEqual({ url: receiver.url, rotating: true });
    expect(listing.data.deliveries).toHaveLength(2);
    expect(JSON.stringify(listing.data)).not.toContain(SECRET);
    expect(JSON.stringify(listing.data)).not.toContain(OLD_SECRET);
  });

  it.each([
    ['a URL that is not http', { url: 'ftp://127.0.0.1/x', secret: SECRET }],
    ['no secret', { url: 'http://127.0.0.1:1/x' }],
    ['an empty secret', { url: 'http://127.0.0.1:1/x', secret: '' }],
  ])('when the target has %s, then 400 and the target is unchanged', async (_case, body) => {
    const client = emulatorClient(emulator.url);
    const before = (await client.get('/_emulator/webhooks')).data.target;

    expect((await client.put('/_emulator/webhooks', body)).status).toBe(400);
    expect((await client.get('/_emulator/webhooks')).data.target).toEqual(before);
  });

  it.each([
    ['an unknown kind', { fault: { kind: 'explode' } }],
    ['a status Primer does not have', { match: { status: 'PAID' }, fault: { kind: 'duplicate' } }],
    ['a delay over ten minutes', { fault: { kind: 'delay', ms: 600_001 } }],
  ])('when a webhook fault has %s, then 400 and nothing is queued', async (_case, rule) => {
    const client = emulatorClient(emulator.url);

    expect((await client.post('/_emulator/webhooks/faults', rule)).status).toBe(400);
    expect((await client.get('/_emulator/webhooks')).data.pendingFaults).toEqual([]);
  });
});
