import { startEmulator, type RunningEmulator } from '../../../src/demo/emulator/start-emulator';
import { emulatorClient, GBP_SESSION, GBP_SESSION_AMOUNT } from './support/emulator-client';

const DAY_MS = 24 * 60 * 60 * 1000;
const PRIMER_EXPIRY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

describe('the emulated client-session API', () => {
  let emulator: RunningEmulator;
  let clock: Date;

  beforeAll(async () => {
    emulator = await startEmulator({ maxSessions: 3, now: () => clock });
  });
  beforeEach(() => {
    clock = new Date('2026-11-25T14:53:51.578Z');
    emulator.reset();
  });
  afterAll(() => emulator.close());

  describe('POST /client-session', () => {
    it('answers a token, its expiry, the session echoed with its amount, and no warnings', async () => {
      const response = await emulatorClient(emulator.url).post('/client-session', GBP_SESSION);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.data).toEqual({
        clientToken: expect.any(String),
        clientTokenExpirationDate: expect.any(String),
        ...GBP_SESSION,
        amount: GBP_SESSION_AMOUNT,
        warnings: [],
      });
    });

    it('writes the expiry 24 hours ahead in UTC, with microseconds and no zone', async () => {
      const response = await emulatorClient(emulator.url).post('/client-session', GBP_SESSION);
      const expiry: string = response.data.clientTokenExpirationDate;

      expect(expiry).toMatch(PRIMER_EXPIRY);
      expect(expiry.startsWith('2026-11-26T14:53:51.578')).toBe(true);
      expect(Date.parse(`${expiry.slice(0, 23)}Z`) - clock.getTime()).toBe(DAY_MS);
    });

    it('hands out a different opaque token for every session', async () => {
      const client = emulatorClient(emulator.url);
      const tokens = await Promise.all([1, 2, 3].map(async () => (await client.post('/client-session', GBP_SESSION)).data.clientToken));

      expect(new Set(tokens).size).toBe(3);
      for (const token of tokens) {
        expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
        expect(token).not.toContain('order_42');
      }
    });

    it('when a top-level amount is sent, then it wins over the order', async () => {
      const response = await emulatorClient(emulator.url).post('/client-session', { ...GBP_SESSION, amount: 1 });

      expect(response.data.amount).toBe(1);
    });

    it('when metadata has an empty key, then 400 MetadataContainsEmptyKey', async () => {
      const response = await emulatorClient(emulator.url).post('/client-session', { ...GBP_SESSION, metadata: { '': 'x' } });

      expect(response.status).toBe(400);
      expect(response.data.error.errorId).toBe('MetadataContainsEmptyKey');
    });

    it('when the body is not JSON, then 400 in Primer’s envelope', async () => {
      const response = await emulatorClient(emulator.url, { 'Content-Type': 'application/json' }).post('/client-session', '{"orderId": ', {
        transformRequest: [(data: unknown) => data],
      });

      expect(response.status).toBe(400);
      expect(response.data.error).toEqual({ errorId: 'InvalidRequestBody', description: expect.any(String), diagnosticsId: expect.any(String) });
    });
  });

  describe('GET /client-session', () => {
    it('answers the session without token or expiry', async () => {
      const client = emulatorClient(emulator.url);
      const { clientToken } = (await client.post('/client-session', GBP_SESSION)).data;

      const response = await client.get('/client-session', { params: { clientToken } });

      expect(response.status).toBe(200);
      expect(response.data).toEqual({ ...GBP_SESSION, amount: GBP_SESSION_AMOUNT });
    });

    it.each([
      ['an unknown token', { clientToken: 'no-such-token' }],
      ['no token', {}],
    ])('when given %s, then 400 ClientSessionValidationError', async (_name, params) => {
      const response = await emulatorClient(emulator.url).get('/client-session', { params });

      expect(response.status).toBe(400);
      expect(response.data.error).toMatchObject({ errorId: 'ClientSessionValidationError', diagnosticsId: expect.any(String) });
    });

    it('when the token is more than 24 hours old, then 400', async () => {
      const client = emulatorClient(emulator.url);
      const { clientToken } = (await client.post('/client-session', GBP_SESSION)).data;

      clock = new Date(clock.getTime() + DAY_MS - 1);
      expect((await client.get('/client-session', { params: { clientToken } })).status).toBe(200);
      clock = new Date(clock.getTime() + 1);
      expect((await client.get('/client-session', { params: { clientToken } })).status).toBe(400);
    });

    it('keeps only the configured number of sessions, forgetting the least recently used', async () => {
      const client = emulatorClient(emulator.url);
      const tokens: string[] = [];
      for (let i = 0; i < 4; i += 1) tokens.push((await client.post('/client-session', GBP_SESSION)).data.clientToken);

      const statuses = await Promise.all(tokens.map(async (clientToken) => (await client.get('/client-session', { params: { clientToken } })).status));

      expect(statuses).toEqual([400, 200, 200, 200]);
    });
  });

  it('answers unknown paths 404 in Primer’s envelope', async () => {
    const response = await emulatorClient(emulator.url).get('/payments');

    expect(response.status).toBe(404);
    expect(response.data.error.errorId).toBe('NotFound');
  });

  it('answers GET /healthz without a key', async () => {
    const response = await emulatorClient(emulator.url, { 'X-Api-Key': undefined }).get('/healthz');

    expect(response.status).toBe(200);
    expect(response.data).toEqual({ status: 'ok' });
  });
});
