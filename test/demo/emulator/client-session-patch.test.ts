import { startEmulator, type RunningEmulator } from '../../../src/demo/emulator/start-emulator';
import { emulatorClient, GBP_SESSION, GBP_SESSION_AMOUNT } from './support/emulator-client';

describe('PATCH /client-session', () => {
  let emulator: RunningEmulator;
  let clock: Date;
  beforeAll(async () => {
    emulator = await startEmulator({ now: () => clock });
  });
  beforeEach(() => {
    clock = new Date('2026-11-25T12:00:00Z');
  });
  afterAll(() => emulator.close());

  async function createSession(extra: object = {}): Promise<string> {
    const response = await emulatorClient(emulator.url).post('/client-session', { ...GBP_SESSION, ...extra });
    return response.data.clientToken as string;
  }

  async function patch(body: object) {
    return emulatorClient(emulator.url).patch('/client-session', body);
  }

  it('changes only the fields sent and answers the whole session', async () => {
    const clientToken = await createSession();

    const response = await patch({ clientToken, orderId: 'order_43' });

    expect(response.status).toBe(200);
    expect(response.data).toEqual({ ...GBP_SESSION, orderId: 'order_43', amount: GBP_SESSION_AMOUNT });
  });

  it('keeps the update for later reads', async () => {
    const clientToken = await createSession();
    await patch({ clientToken, customer: { emailAddress: 'grace@example.com' } });

    const read = await emulatorClient(emulator.url).get('/client-session', { params: { clientToken } });

    expect(read.data.customer).toEqual({ ...GBP_SESSION.customer, emailAddress: 'grace@example.com' });
  });

  it('replaces line items whole and computes the amount again', async () => {
    const clientToken = await createSession();

    const response = await patch({ clientToken, order: { lineItems: [{ itemId: 'sku_9', amount: 100, quantity: 3 }] } });

    expect(response.data.order.lineItems).toEqual([{ itemId: 'sku_9', amount: 100, quantity: 3 }]);
    expect(response.data.order.shipping).toEqual(GBP_SESSION.order.shipping);
    expect(response.data.amount).toBe(300 + 500 + 50);
  });

  it('when a field is null, then it is cleared', async () => {
    const clientToken = await createSession({ amount: 1 });

    const response = await patch({ clientToken, amount: null, customerId: null, order: { fees: null } });

    expect(response.status).toBe(200);
    expect(response.data).not.toHaveProperty('customerId');
    expect(response.data.order).not.toHaveProperty('fees');
    expect(response.data.amount).toBe(GBP_SESSION_AMOUNT - 50);
  });

  it('when paymentMethod.options is sent, then it is refused and the session stays as it was', async () => {
    const clientToken = await createSession();

    const response = await patch({ clientToken, paymentMethod: { options: { PAYMENT_CARD: { captureVaultedCardCvv: true } } } });
    const read = await emulatorClient(emulator.url).get('/client-session', { params: { clientToken } });

    expect(response.status).toBe(422);
    expect(response.data.error.validationErrors[0].errors[0].path).toBe('$.paymentMethod.options');
    expect(read.data).not.toHaveProperty('paymentMethod');
  });

  it('when other paymentMethod fields are sent, then they change', async () => {
    const clientToken = await createSession();

    const response = await patch({ clientToken, paymentMethod: { vaultOnSuccess: true } });

    expect(response.data.paymentMethod).toEqual({ vaultOnSuccess: true });
  });

  it.each([
    ['an unknown token', { clientToken: 'no-such-token', orderId: 'x' }],
    ['no token', { orderId: 'x' }],
  ])('when given %s, then 400 ClientSessionValidationError', async (_name, body) => {
    const response = await patch(body);

    expect(response.status).toBe(400);
    expect(response.data.error.errorId).toBe('ClientSessionValidationError');
  });

  it('when the token has expired, then 400', async () => {
    const clientToken = await createSession();
    clock = new Date(clock.getTime() + 24 * 60 * 60 * 1000);

    expect((await patch({ clientToken, orderId: 'x' })).status).toBe(400);
  });
});
