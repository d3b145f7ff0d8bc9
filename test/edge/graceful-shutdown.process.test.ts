import http from 'node:http';
import { sendJson, startFakeServer, type FakeServer } from '../support/fake-http-server';
import { browserExpiryOf, primerExpiryIn } from '../support/fake-primer';
import { assertFreshBuild, parseLine, spawnService, startService, stopService, waitForLine, type ServiceProcess } from './support/service-process';

const API_KEY = 'sk_test_shutdown_5e4d3c2b1a';
const SLOW_EXPIRY = primerExpiryIn(24 * 3_600_000);
// The listener keeps accepting this long after SIGTERM, so the probe below reaches it.
const DELAY_MS = 1_000;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

// A fresh connection per call (no keep-alive agent), like a load balancer's probe.
function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const openSession = (url: string) =>
  send(`${url}/checkout/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req-slow-shutdown-1' }, body: '{"cartId":"demo-gbp"}' });

let service: ServiceProcess | undefined;
let primer: FakeServer | undefined;
let releasePrimer = () => {};
let primerReached: Promise<void>;

beforeAll(() => assertFreshBuild());

beforeEach(async () => {
  const released = new Promise<void>((resolve) => (releasePrimer = resolve));
  let reached = () => {};
  primerReached = new Promise<void>((resolve) => (reached = resolve));
  // A slow Primer: it answers only when the test says so.
  primer = await startFakeServer(async (_req, res) => {
    reached();
    await released;
    sendJson(res, 200, { clientToken: 'slow-token', clientTokenExpirationDate: SLOW_EXPIRY });
  });
  service = await startService({ PRIMER_API_KEY: API_KEY, DEMO_CARTS: 'true', PRIMER_API_URL: primer.url, SHUTDOWN_DELAY_MS: String(DELAY_MS), SHUTDOWN_TIMEOUT_MS: '8000', LOG_LEVEL: 'info' });
});

afterEach(async () => {
  releasePrimer();
  await stopService(service);
  await primer?.close();
});

describe('the built service on SIGTERM', () => {
  it('when a slow checkout is in flight, then /readyz turns 503, the checkout still gets 200, new connections are refused after the delay, and the exit is 0', async () => {
    const { url } = service!;
    const slow = openSession(url);
    await primerReached;

    service!.child.kill('SIGTERM');
    // The signal and a new connection race in the child's event loop: ask once the drain has begun.
    await waitForLine(service!, (line) => line['msg'] === 'draining: finishing in-flight requests');

    const ready = await send(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toEqual({ status: 'draining' });
    expect(ready.headers['connection']).toBe('close');
    expect(service!.child.exitCode).toBeNull();

    releasePrimer();
    const finished = await slow;
    expect(finished.status).toBe(200);
    expect(JSON.parse(finished.body)).toEqual({ clientToken: 'slow-token', clientTokenExpirationDate: browserExpiryOf(SLOW_EXPIRY) });

    await waitForLine(service!, (line) => line['msg'] === 'stopped');
    await expect(send(`${url}/healthz`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(await service!.exited).toEqual({ code: 0, signal: null });
    const messages = service!.lines.map(parseLine).map((line) => line?.['msg']);
    expect(messages).toEqual(expect.arrayContaining(['draining: finishing in-flight requests', 'closing the listener: finishing in-flight requests', 'stopped']));
  });

  it('when nothing is in flight, then it exits 0 as soon as the delay is over', async () => {
    const started = Date.now();

    service!.child.kill('SIGTERM');

    expect(await service!.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeGreaterThanOrEqual(DELAY_MS);
    expect(Date.now() - started).toBeLessThan(DELAY_MS + 1_500);
  });

  it('when a second signal comes while a checkout is in flight, then the checkout is answered 503 and it exits 1 at once', async () => {
    const slow = openSession(service!.url).then(
      (answer) => answer.status,
      (error: { code?: string }) => error.code,
    );
    await primerReached;

    service!.child.kill('SIGTERM');
    await send(`${service!.url}/readyz`);
    service!.child.kill('SIGINT');

    expect(await service!.exited).toEqual({ code: 1, signal: null });
    expect(await slow).toBe(503);
  });
});

describe('the built service at its edge', () => {
  it('when METRICS_PORT is already taken, then start-up fails with exit 1 and says which address', async () => {
    const taken = http.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };

    const other = spawnService({ HOST: '127.0.0.1', PORT: '0', METRICS_PORT: String(port), PRIMER_API_KEY: API_KEY, DEMO_CARTS: 'true' });

    expect(await other.exited).toEqual({ code: 1, signal: null });
    expect(other.stderr()).toContain(`EADDRINUSE: address already in use 127.0.0.1:${port}`);
    await new Promise((resolve) => taken.close(resolve));
  });

  it('when a request carries more than 16 KiB of headers, then 431 and the process keeps serving', async () => {
    const huge = await send(`${service!.url}/healthz`, { headers: { Cookie: `c=${'x'.repeat(17 * 1024)}` } });

    expect(huge.status).toBe(431);
    expect((await send(`${service!.url}/healthz`)).status).toBe(200);
  });

  it('when requests are served, then every request log line has the id, trace id, method, route, status and duration, and no secret', async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const headers = { 'X-Request-Id': 'req-log-fields-01', Cookie: 'sid=shopper-secret-cookie', traceparent: `00-${traceId}-b7ad6b7169203331-01` };
    await send(`${service!.url}/no-such-page?token=shopper-secret-query`, { headers });

    const line = await waitForLine(service!, (entry) => entry['msg'] === 'request' && entry['requestId'] === 'req-log-fields-01');
    expect(line).toMatchObject({
      level: 'warn',
      service: 'checkout-session-service',
      version: expect.any(String),
      traceId,
      req: { method: 'GET', url: '/no-such-page' },
      route: 'unmatched',
      res: { statusCode: 404 },
      responseTime: expect.any(Number),
    });
    expect(service!.lines.join('\n')).not.toContain('shopper-secret-query');
    expect(service!.lines.join('\n')).not.toContain(API_KEY);
    expect(service!.lines.join('\n')).not.toContain('shopper-secret-cookie');
  });

  it('when /healthz and /metrics are asked for at LOG_LEVEL=info, then no request line is written for them', async () => {
    await send(`${service!.url}/healthz`, { headers: { 'X-Request-Id': 'req-quiet-probe-01' } });
    await send(`${service!.metricsUrl}/metrics`, { headers: { 'X-Request-Id': 'req-quiet-scrape-1' } });
    await send(`${service!.url}/no-such-page`, { headers: { 'X-Request-Id': 'req-after-probes-1' } });

    await waitForLine(service!, (entry) => entry['requestId'] === 'req-after-probes-1');
    const quiet = service!.lines.map(parseLine).filter((entry) => String(entry?.['requestId']).startsWith('req-quiet-'));
    expect(quiet).toEqual([]);
  });

  it('when /metrics is scraped on METRICS_PORT, then it answers Prometheus text, and on PORT it is 404 not_found', async () => {
    const res = await send(`${service!.metricsUrl}/metrics`);
    const onApi = await send(`${service!.url}/metrics`);

    expect(res.status).toBe(200);
    expect(res.body).toContain('# TYPE http_request_duration_seconds histogram');
    expect([onApi.status, (JSON.parse(onApi.body) as { code: string }).code]).toEqual([404, 'not_found']);
  });
});
