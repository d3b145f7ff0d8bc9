import { startEmulator, type RunningEmulator } from '../../../../src/demo/emulator/start-emulator';
import { describeWithPrimerOpenApi } from '../../../contract/support/describe-with-primer-openapi';
import { primerSchemaErrors } from '../../../support/primer-openapi';
import { emulatorClient, GBP_SESSION, GBP_SESSION_AMOUNT, TEST_API_KEY } from '../support/emulator-client';

const PRIMER_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

describe('the emulated GET /payments/{id}', () => {
  let emulator: RunningEmulator;
  let clock: Date;

  beforeAll(async () => {
    emulator = await startEmulator({ apiKey: TEST_API_KEY, control: true, now: () => clock });
  });
  beforeEach(() => {
    clock = new Date('2026-11-25T14:53:51.578Z');
    emulator.reset();
  });
  afterAll(() => emulator.close());

  async function paidSession(status: 'AUTHORIZED' | 'DECLINED' = 'AUTHORIZED', session: object = GBP_SESSION) {
    const { clientToken } = (await emulatorClient(emulator.url).post('/client-session', session)).data;
    return emulator.payments.pay(clientToken, status)!.payment;
  }

  it('when a session was paid for, then the payment carries its order id, amount, currency, customer and metadata', async () => {
    const paid = await paidSession();

    const response = await emulatorClient(emulator.url).get(`/payments/${paid.id}`);

    expect(response.status).toBe(200);
    expect(response.data).toMatchObject({
      id: paid.id,
      status: 'AUTHORIZED',
      orderId: 'order_42',
      currencyCode: 'GBP',
      amount: GBP_SESSION_AMOUNT,
      customerId: 'cus_9',
      metadata: { cartId: 'cart_42', channel: 'web', attempt: 1 },
    });
    expect(response.data.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('when a payment is made, then date and dateUpdated are UTC without a zone, with microseconds, at the clock', async () => {
    const paid = await paidSession();

    expect(paid.date).toMatch(PRIMER_DATE);
    expect(paid.dateUpdated).toBe(paid.date);
    expect(paid.date.startsWith('2026-11-25T14:53:51.578')).toBe(true);
  });

  it('when the status changes later, then dateUpdated moves and date stays', async () => {
    const paid = await paidSession();
    clock = new Date(clock.getTime() + 60_000);

    emulator.payments.changeStatus(paid.id, 'SETTLED');
    const response = await emulatorClient(emulator.url).get(`/payments/${paid.id}`);

    expect(response.data).toMatchObject({ status: 'SETTLED', date: paid.date, processor: { amountCaptured: GBP_SESSION_AMOUNT } });
    expect(response.data.dateUpdated.startsWith('2026-11-25T14:54:51.578')).toBe(true);
  });

  it('when the status changes within the same millisecond, then dateUpdated still moves forward', async () => {
    const paid = await paidSession();

    const first = emulator.payments.changeStatus(paid.id, 'SETTLING')!.payment;
    const second = emulator.payments.changeStatus(paid.id, 'SETTLED')!.payment;

    expect(first.dateUpdated > paid.dateUpdated).toBe(true);
    expect(second.dateUpdated > first.dateUpdated).toBe(true);
  });

  it('when the id is unknown, then 404 in Primer’s envelope', async () => {
    const response = await emulatorClient(emulator.url).get('/payments/kHdEw9EG');

    expect(response.status).toBe(404);
    expect(response.data.error).toEqual({ errorId: 'PaymentNotFound', description: expect.any(String), diagnosticsId: expect.any(String) });
  });

  it.each([
    ['no API key', { 'X-Api-Key': undefined }, 401],
    ['a wrong API key', { 'X-Api-Key': 'wrong' }, 401],
    ['a malformed API version', { 'X-Api-Version': 'latest' }, 400],
  ])('when the request has %s, then it is refused as on the other routes', async (_case, headers, status) => {
    const paid = await paidSession();

    const response = await emulatorClient(emulator.url, headers).get(`/payments/${paid.id}`);

    expect(response.status).toBe(status);
    expect(response.data.error.errorId).toEqual(expect.any(String));
  });

  it('when the emulator is reset, then its payments are gone', async () => {
    const paid = await paidSession();

    emulator.reset();

    expect((await emulatorClient(emulator.url).get(`/payments/${paid.id}`)).status).toBe(404);
  });
});

describeWithPrimerOpenApi('the emulated payment against Primer’s OpenAPI file', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  it('when a payment is read, then it is a PaymentAPIResponse by Primer’s own schema, dates aside', async () => {
    const { clientToken } = (await emulatorClient(emulator.url).post('/client-session', GBP_SESSION)).data;
    const paid = emulator.payments.pay(clientToken, 'AUTHORIZED')!.payment;

    const response = await emulatorClient(emulator.url).get(`/payments/${paid.id}`);

    // The file says `date-time` but its own example, like Primer's answers, writes UTC without a zone (checked above).
    const zoneless = (error: { keyword: string; instancePath: string }) => error.keyword === 'format' && ['/date', '/dateUpdated'].includes(error.instancePath);
    expect(primerSchemaErrors('PaymentAPIResponse', response.data).filter((error) => !zoneless(error))).toEqual([]);
    expect(response.data.dateUpdated).toMatch(PRIMER_DATE);
  });
});

describe('paying through the emulator’s control path', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ control: true });
  });
  afterAll(() => emulator.close());

  it('when a client token is paid with a chosen status, then 201 with the payment, readable through the API', async () => {
    const client = emulatorClient(emulator.url);
    const { clientToken } = (await client.post('/client-session', GBP_SESSION)).data;

    const made = await client.post('/_emulator/payments', { clientToken, status: 'DECLINED' });

    expect(made.status).toBe(201);
    expect(made.data).toMatchObject({ status: 'DECLINED', orderId: 'order_42' });
    expect((await client.get(`/payments/${made.data.id}`)).data).toEqual(made.data);
  });

  it('when a payment is moved on, then the API answers the new status', async () => {
    const client = emulatorClient(emulator.url);
    const { clientToken } = (await client.post('/client-session', GBP_SESSION)).data;
    const { id } = (await client.post('/_emulator/payments', { clientToken, status: 'PENDING' })).data;

    const moved = await client.post(`/_emulator/payments/${id}/status`, { status: 'AUTHORIZED' });

    expect(moved.status).toBe(200);
    expect((await client.get(`/payments/${id}`)).data.status).toBe('AUTHORIZED');
  });

  it.each([
    ['an unknown client token', { clientToken: 'no-such-token', status: 'AUTHORIZED' }, 404],
    ['a status Primer does not have', { clientToken: 'x', status: 'PAID' }, 400],
    ['no client token', { status: 'AUTHORIZED' }, 400],
    ['an extra field', { clientToken: 'x', status: 'AUTHORIZED', amount: 1 }, 400],
  ])('when asked to pay with %s, then it is refused and no payment is made', async (_case, body, status) => {
    const response = await emulatorClient(emulator.url).post('/_emulator/payments', body);

    expect(response.status).toBe(status);
    expect(response.data.error).toEqual(expect.any(String));
  });

  it('when the session has no order id, then 422: Primer would not take the payment', async () => {
    const client = emulatorClient(emulator.url);
    const { clientToken } = (await client.post('/client-session', { currencyCode: 'GBP', amount: 100 })).data;

    const response = await client.post('/_emulator/payments', { clientToken, status: 'AUTHORIZED' });

    expect(response.status).toBe(422);
  });

  it.each([
    ['an unknown payment', 'nope', { status: 'SETTLED' }, 404],
    ['a status Primer does not have', 'nope', { status: 'REFUNDED' }, 400],
  ])('when asked to move %s on, then it is refused', async (_case, id, body, status) => {
    expect((await emulatorClient(emulator.url).post(`/_emulator/payments/${id}/status`, body)).status).toBe(status);
  });
});
