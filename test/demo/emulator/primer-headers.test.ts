import { Writable } from 'node:stream';
import pino from 'pino';
import { startEmulator, type RunningEmulator } from '../../../src/demo/emulator/start-emulator';
import { emulatorClient, GBP_SESSION, TEST_API_KEY } from './support/emulator-client';

describe('X-Api-Key', () => {
  describe('when no key is configured', () => {
    let emulator: RunningEmulator;
    beforeAll(async () => {
      emulator = await startEmulator();
    });
    afterAll(() => emulator.close());

    it('accepts any key', async () => {
      const response = await emulatorClient(emulator.url, { 'X-Api-Key': 'whatever' }).post('/client-session', GBP_SESSION);

      expect(response.status).toBe(200);
    });

    it.each([
      ['missing', undefined],
      ['empty', ''],
    ])('when the key is %s, then 401 in Primer’s envelope', async (_name, key) => {
      const response = await emulatorClient(emulator.url, { 'X-Api-Key': key }).post('/client-session', GBP_SESSION);

      expect(response.status).toBe(401);
      expect(response.data).toEqual({ error: { errorId: 'Unauthorized', description: expect.any(String), diagnosticsId: expect.any(String) } });
    });
  });

  describe('when a key is configured', () => {
    let emulator: RunningEmulator;
    const logLines: string[] = [];
    beforeAll(async () => {
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString());
          done();
        },
      });
      emulator = await startEmulator({ apiKey: TEST_API_KEY, logger: pino({ level: 'trace' }, sink) });
    });
    afterAll(() => emulator.close());

    it('accepts that key', async () => {
      expect((await emulatorClient(emulator.url).post('/client-session', GBP_SESSION)).status).toBe(200);
    });

    it.each(['another-key', `${TEST_API_KEY}x`, undefined])('when the key is %p, then 401', async (key) => {
      expect((await emulatorClient(emulator.url, { 'X-Api-Key': key }).post('/client-session', GBP_SESSION)).status).toBe(401);
    });

    it('never writes the key to its log or its request record', async () => {
      emulator.faults.enqueue({ fault: { kind: 'status', status: 500 } });
      await emulatorClient(emulator.url).post('/client-session', GBP_SESSION);

      expect(logLines.length).toBeGreaterThan(0);
      expect(logLines.join('')).not.toContain(TEST_API_KEY);
      expect(JSON.stringify(emulator.requests())).not.toContain(TEST_API_KEY);
    });
  });
});

describe('X-Api-Version', () => {
  let emulator: RunningEmulator;
  let clock = new Date('2026-11-25T12:00:00Z');
  beforeAll(async () => {
    emulator = await startEmulator({ now: () => clock });
  });
  afterAll(() => emulator.close());

  it.each(['2.4', '2.3', '2.2', '2.1', '2021-09-27'])('accepts %s', async (version) => {
    expect((await emulatorClient(emulator.url, { 'X-Api-Version': version }).post('/client-session', GBP_SESSION)).status).toBe(200);
  });

  it('when the header is missing, then the request is still served', async () => {
    expect((await emulatorClient(emulator.url, { 'X-Api-Version': undefined }).post('/client-session', GBP_SESSION)).status).toBe(200);
  });

  it('when the value is malformed, then 400 in Primer’s envelope', async () => {
    const response = await emulatorClient(emulator.url, { 'X-Api-Version': 'latest' }).post('/client-session', GBP_SESSION);

    expect(response.status).toBe(400);
    expect(response.data.error).toMatchObject({ errorId: 'InvalidApiVersion', diagnosticsId: expect.any(String) });
  });

  it('when the version is past its end of life, then 410 in Primer’s envelope', async () => {
    const client = emulatorClient(emulator.url, { 'X-Api-Version': '2.3' });
    clock = new Date('2027-06-01T00:00:00Z');

    const response = await client.post('/client-session', GBP_SESSION);

    expect(response.status).toBe(410);
    expect(response.data.error).toMatchObject({ errorId: 'ApiVersionEndOfLife', diagnosticsId: expect.any(String) });
  });
});
