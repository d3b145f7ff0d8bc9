import { request } from 'node:http';
import { startEmulator, type RunningEmulator } from '../../../../src/demo/emulator/start-emulator';
import { emulatorClient, GBP_SESSION, TEST_API_KEY } from '../support/emulator-client';

interface TimedResponse {
  status: number;
  headersAfterMs: number;
  bodyAfterMs: number;
  body: string;
}

// node:http rather than axios, to see when the headers arrive apart from when the body ends.
function timedPost(url: string, body: object): Promise<TimedResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${url}/client-session`, {
      method: 'POST',
      headers: { 'X-Api-Key': TEST_API_KEY, 'X-Api-Version': '2.4', 'Content-Type': 'application/json' },
    });
    req.on('response', (res) => {
      const headersAfterMs = performance.now() - started;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headersAfterMs, bodyAfterMs: performance.now() - started, body: text }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('fault injection', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ control: true });
  });
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  const post = (body: object = GBP_SESSION) => emulatorClient(emulator.url).post('/client-session', body);

  it('when a status fault is queued, then the client sees it in Primer’s envelope with Retry-After', async () => {
    emulator.faults.enqueue({ fault: { kind: 'status', status: 503, errorId: 'ServiceUnavailable', retryAfter: 2 } });

    const response = await post();

    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('2');
    expect(response.data).toEqual({ error: { errorId: 'ServiceUnavailable', description: expect.any(String), diagnosticsId: expect.any(String) } });
  });

  it('when a fault is queued for N requests, then exactly the next N matching requests get it', async () => {
    emulator.faults.enqueue({ match: { method: 'POST', path: '/client-session' }, times: 2, fault: { kind: 'status', status: 500 } });

    const unmatched = await emulatorClient(emulator.url).get('/client-session', { params: { clientToken: 'x' } });
    const statuses = [(await post()).status, (await post()).status, (await post()).status];

    expect(unmatched.status).toBe(400);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('when headers are delayed, then the client waits, and a shorter client timeout gives up', async () => {
    emulator.faults.enqueue({ times: 2, fault: { kind: 'delay-headers', ms: 300 } });

    const timedOut = await emulatorClient(emulator.url).post('/client-session', GBP_SESSION, { timeout: 100 }).catch((error: { code?: string }) => error);
    const started = performance.now();
    const served = await post();

    expect(timedOut).toMatchObject({ code: 'ECONNABORTED' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(served.status).toBe(200);
    expect(served.data.clientToken).toEqual(expect.any(String));
  });

  it('when the body is delayed, then the headers come at once and the rest of the body later', async () => {
    emulator.faults.enqueue({ fault: { kind: 'delay-body', ms: 400 } });

    const response = await timedPost(emulator.url, GBP_SESSION);

    expect(response.status).toBe(200);
    expect(response.headersAfterMs).toBeLessThan(300);
    expect(response.bodyAfterMs).toBeGreaterThanOrEqual(390);
    expect(JSON.parse(response.body)).toMatchObject({ clientToken: expect.any(String), orderId: 'order_42' });
  });

  it('when the connection is dropped, then the client sees a socket error and no answer', async () => {
    emulator.faults.enqueue({ fault: { kind: 'drop' } });

    const failure = await post().catch((error: { code?: string }) => error);

    expect(failure).toMatchObject({ code: 'ECONNRESET' });
  });

  it('when invalid JSON is queued, then the client gets 200 JSON it cannot parse', async () => {
    emulator.faults.enqueue({ fault: { kind: 'invalid-json' } });

    const response = await emulatorClient(emulator.url).post('/client-session', GBP_SESSION, { responseType: 'text', transformResponse: [(data: unknown) => data] });

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(() => JSON.parse(response.data as string)).toThrow(SyntaxError);
  });

  it('when an HTML error page is queued, then the client gets HTML with that status', async () => {
    emulator.faults.enqueue({ fault: { kind: 'html', status: 504, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' } });

    const response = await post();

    expect(response.status).toBe(504);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['retry-after']).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(response.data).toContain('<title>504 Gateway Timeout</title>');
  });

  it('when a 200 without token is queued, then the client gets a success that lacks clientToken', async () => {
    emulator.faults.enqueue({ fault: { kind: 'no-token' } });

    const response = await post();

    expect(response.status).toBe(200);
    expect(response.data).not.toHaveProperty('clientToken');
  });

  describe('over the HTTP control path', () => {
    const control = () => emulatorClient(emulator.url, { 'X-Api-Key': undefined, 'X-Api-Version': undefined });

    it('queues a fault, as the in-process handle does', async () => {
      const queued = await control().post('/_emulator/faults', { match: { path: '/client-session' }, fault: { kind: 'status', status: 429, retryAfter: 1 } });

      const response = await post();

      expect(queued.status).toBe(201);
      expect(response.status).toBe(429);
      expect(response.headers['retry-after']).toBe('1');
    });

    it('lists pending faults', async () => {
      await control().post('/_emulator/faults', { times: 3, fault: { kind: 'drop' } });

      const response = await control().get('/_emulator/faults');

      expect(response.data).toEqual({ pending: [{ match: {}, remaining: 3, fault: { kind: 'drop' } }] });
    });

    it('when a fault rule is malformed, then 400 and nothing queued', async () => {
      const response = await control().post('/_emulator/faults', { fault: { kind: 'explode' } });

      expect(response.status).toBe(400);
      expect(emulator.faults.pending()).toEqual([]);
    });

    it('lists recorded requests with the API key redacted', async () => {
      await post();

      const response = await control().get('/_emulator/requests');

      expect(response.data.requests).toEqual([
        expect.objectContaining({ method: 'POST', path: '/client-session', body: GBP_SESSION, headers: expect.objectContaining({ 'x-api-key': '[redacted]', 'x-api-version': '2.4' }) }),
      ]);
      expect(JSON.stringify(response.data)).not.toContain(TEST_API_KEY);
    });

    it('resets faults, recorded requests and sessions', async () => {
      const { clientToken } = (await post()).data;
      await control().post('/_emulator/faults', { fault: { kind: 'drop' } });

      const reset = await control().post('/_emulator/reset');
      const read = await emulatorClient(emulator.url).get('/client-session', { params: { clientToken } });

      expect(reset.status).toBe(204);
      expect(read.status).toBe(400);
      expect(emulator.faults.pending()).toEqual([]);
      expect(emulator.requests()).toHaveLength(1);
    });
  });
});

describe('the control path', () => {
  it('is off unless enabled', async () => {
    const emulator = await startEmulator();
    try {
      const response = await emulatorClient(emulator.url).post('/_emulator/faults', { fault: { kind: 'drop' } });

      expect(response.status).toBe(404);
      expect(response.data.error.errorId).toBe('NotFound');
      expect(emulator.faults.pending()).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});
