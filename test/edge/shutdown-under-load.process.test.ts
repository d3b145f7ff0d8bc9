import http from 'node:http';
import { sendJson, startFakeServer, type FakeServer } from '../support/fake-http-server';
import { primerExpiryIn } from '../support/fake-primer';
import { attributeMap, jsonSpans, startOtlpReceiver, type OtlpReceiver } from './support/otlp-receiver';
import { assertFreshBuild, parseLine, startService, stopService, waitForLine, type ServiceProcess } from './support/service-process';

const CLIENTS = 8;
// Bounds the load whatever happens: at most this many requests per client.
const MAX_PER_CLIENT = 150;
const DELAY_MS = 500;
const TIMEOUT_MS = 1_500;
const PRIMER_MS = 30;
const STUCK_ID = 'req-stuck-at-the-deadline';
const EXPIRY = primerExpiryIn(24 * 3_600_000);

interface Outcome {
  id: string;
  sentAfterSignal: boolean;
  status?: number;
  headers?: http.IncomingHttpHeaders;
  body?: string;
  error?: string;
}

function post(url: string, agent: http.Agent, id: string, cartId: string): Promise<Omit<Outcome, 'sentAfterSignal'>> {
  return new Promise((resolve) => {
    const req = http.request(`${url}/checkout/session`, { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'X-Request-Id': id } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ id, status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ id, error: error.code ?? error.message }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ id, error: error.code ?? error.message }));
    req.end(JSON.stringify({ cartId }));
  });
}

let primer: FakeServer;
let receiver: OtlpReceiver;
let service: ServiceProcess | undefined;
let releaseStuck = () => {};

beforeAll(() => assertFreshBuild());

beforeEach(async () => {
  const stuckReleased = new Promise<void>((resolve) => (releaseStuck = resolve));
  // Primer answers in 30 ms, except for the one cart whose session it holds until the test ends.
  primer = await startFakeServer(async (req, res) => {
    if (req.body.includes('"cartId":"demo-kwd"')) await stuckReleased;
    else await new Promise((resolve) => setTimeout(resolve, PRIMER_MS));
    sendJson(res, 200, { clientToken: `token-${req.headers['x-request-id'] as string}`, clientTokenExpirationDate: EXPIRY });
  });
  receiver = await startOtlpReceiver();
  service = await startService({
    PRIMER_API_KEY: 'sk_test_shutdown_load_8b7a',
    DEMO_CARTS: 'true',
    PRIMER_API_URL: primer.url,
    // Every request calls Primer, so there is always something in flight.
    SESSION_REUSE_MIN_TTL_S: '0',
    RATE_LIMIT_PER_MINUTE: '0',
    SHUTDOWN_DELAY_MS: String(DELAY_MS),
    SHUTDOWN_TIMEOUT_MS: String(TIMEOUT_MS),
    LOG_LEVEL: 'info',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    // No export on a timer: the spans the receiver gets at the end were flushed by the shutdown.
    OTEL_BSP_SCHEDULE_DELAY: '600000',
  });
});

afterEach(async () => {
  releaseStuck();
  await stopService(service);
  await Promise.all([primer.close(), receiver.close()]);
});

describe('the built service stopped under a closed loop of clients', () => {
  it('when SIGTERM arrives, then every request it read is answered and logged, the one past the deadline with 503, spans are flushed and the exit is 0', async () => {
    const { url } = service!;
    let signalled = false;
    const outcomes: Outcome[] = [];
    const client = async (n: number) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (let i = 0; i < MAX_PER_CLIENT; i += 1) {
        const sentAfterSignal = signalled;
        const outcome = { ...(await post(url, agent, `req-load-${n}-${i}`, i % 2 === 0 ? 'demo-gbp' : 'demo-jpy')), sentAfterSignal };
        outcomes.push(outcome);
        // The listener has closed: a load balancer would send this client elsewhere now.
        if (outcome.error === 'ECONNREFUSED') break;
      }
      agent.destroy();
    };
    const stuck = post(url, new http.Agent(), STUCK_ID, 'demo-kwd');
    const clients = Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    await waitForLine(service!, (line) => line['msg'] === 'request' && line['requestId'] === 'req-load-0-3', 5_000);

    service!.child.kill('SIGTERM');
    await waitForLine(service!, (line) => line['msg'] === 'draining: finishing in-flight requests');
    signalled = true;
    const ready = await new Promise<number>((resolve) => http.get(`${url}/readyz`, { agent: false }, (res) => resolve(res.statusCode ?? 0)).on('error', () => resolve(0)));
    const [stuckAnswer] = await Promise.all([stuck, clients]);
    const exited = await service!.exited;

    expect(exited).toEqual({ code: 0, signal: null });
    expect(ready).toBe(503);

    expect(stuckAnswer.status).toBe(503);
    expect(stuckAnswer.headers?.['retry-after']).toMatch(/^\d+$/);
    expect(stuckAnswer.headers?.['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(stuckAnswer.body ?? '{}')).toMatchObject({ status: 503, code: 'upstream_unavailable', requestId: STUCK_ID });

    const lines = service!.lines.map(parseLine).filter((line): line is Record<string, unknown> => line !== undefined);
    const logged = new Map(lines.filter((line) => line['msg'] === 'request').map((line) => [String(line['requestId']), (line['res'] as { statusCode: number }).statusCode]));
    const answered = outcomes.filter((outcome) => outcome.status !== undefined);
    const cut = outcomes.filter((outcome) => outcome.error !== undefined);
    // Every answer the clients got was logged with its status, and every request the service logged reached its client.
    expect(answered.filter((outcome) => logged.get(outcome.id) !== outcome.status)).toEqual([]);
    expect([...logged.keys()].filter((id) => id.startsWith('req-load-') && !answered.some((outcome) => outcome.id === id))).toEqual([]);
    // A request that got no answer never had its headers read: refused once the listener closed, or cut before it was sent.
    expect(cut.filter((outcome) => logged.has(outcome.id))).toEqual([]);
    expect(cut.filter((outcome) => !['ECONNREFUSED', 'ECONNRESET'].includes(outcome.error ?? ''))).toEqual([]);
    expect(answered.filter((outcome) => outcome.status !== 200)).toEqual([]);
    // The listener kept accepting through the delay: clients were still served after the signal.
    expect(answered.filter((outcome) => outcome.sentAfterSignal).length).toBeGreaterThan(0);
    expect(cut.filter((outcome) => outcome.error === 'ECONNREFUSED')).toHaveLength(CLIENTS);

    expect(lines.map((line) => line['msg'])).toEqual(
      expect.arrayContaining(['draining: finishing in-flight requests', 'closing the listener: finishing in-flight requests', 'drain deadline: answering requests still in flight with 503', 'stopped']),
    );
    expect(lines.find((line) => line['msg'] === 'drain deadline: answering requests still in flight with 503')).toMatchObject({ inFlight: 1 });

    const serverSpans = jsonSpans(receiver.exports).filter((span) => span.kind === 2 && attributeMap(span.attributes)['http.route'] === '/checkout/session');
    const stuckSpan = serverSpans.find((span) => (attributeMap(span.attributes)['http.response.header.x-request-id'] as string[] | undefined)?.[0] === STUCK_ID);
    expect(stuckSpan && attributeMap(stuckSpan.attributes)['http.response.status_code']).toBe(503);
    // One server span per checkout the service logged (probes log at debug, so none is here), flushed at the exit.
    expect(serverSpans).toHaveLength(logged.size);
  }, 30_000);
});
