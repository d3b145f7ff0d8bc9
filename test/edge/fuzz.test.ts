import http from 'node:http';
import net from 'node:net';
import { DEMO_CARTS } from '../../src/demo/orders/demo-carts';
import { startFakeOrderService, type FakeOrderService } from '../support/fake-order-service';
import { startFakePrimer, type FakePrimer } from '../support/fake-primer';
import { fuzzRequests, seededRandom, type FuzzRequest } from './support/fuzz-requests';
import { assertFreshBuild, parseLine, startService, stopService, type ServiceProcess } from './support/service-process';

// Change FUZZ_SEED to explore; a failure names its seed and request so it can be replayed.
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_125);
const COUNT = 2_400;
const RAW_COUNT = 120;

let service: ServiceProcess | undefined;
let primer: FakePrimer | undefined;
let orders: FakeOrderService | undefined;

beforeAll(async () => {
  assertFreshBuild();
  primer = await startFakePrimer();
  orders = await startFakeOrderService(DEMO_CARTS);
  service = await startService({
    PRIMER_API_KEY: 'sk_test_fuzz_0a1b2c3d',
    PRIMER_API_URL: primer.url,
    ORDER_SERVICE_URL: orders.url,
    RATE_LIMIT_PER_MINUTE: '0',
    CORS_ORIGINS: 'https://shop.example.com',
    LOG_LEVEL: 'info',
  });
});

afterAll(async () => {
  await stopService(service);
  await primer?.close();
  await orders?.close();
});

const upstreamCalls = () => (orders?.requests.length ?? 0) + (primer?.requests.length ?? 0);

function send(agent: http.Agent, request: FuzzRequest): Promise<number | string> {
  return new Promise((resolve) => {
    const headers = { ...request.headers, ...(request.body ? { 'Content-Length': String(request.body.length) } : {}) };
    // host/port/path rather than a URL string: WHATWG URL parsing would tidy away '%2e%2e' and friends before sending.
    const { hostname, port } = new URL(service!.url);
    const req = http.request({ hostname, port, path: request.path, method: request.method, headers, agent, timeout: 5_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end(request.body);
  });
}

// Bytes no HTTP client would send: broken request lines, smuggling attempts, bad header bytes, junk.
function rawPayloads(seed: number, count: number): Buffer[] {
  const random = seededRandom(seed);
  const fixed = [
    'GET / HTTP/1.1\r\n\r\n',
    'POST /checkout/session HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    'POST /checkout/session HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello',
    'POST /checkout/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
    'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Bad\u0000Header: 1\r\n\r\n',
    'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Fold: a\r\n  folded\r\n\r\n',
    `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    'GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET http://169.254.169.254/latest HTTP/1.1\r\nHost: x\r\n\r\n',
    'POST /checkout/session HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: 21\r\n\r\n{"cartId":"..%2fx"}  ',
    'BREW /checkout/session HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n',
    'GET /healthz\r\n\r\n',
    '\r\n\r\n\r\n',
  ].map((text) => Buffer.from(text, 'latin1'));
  const junk = Array.from({ length: count - fixed.length }, () => Buffer.from(Array.from({ length: 1 + Math.floor(random() * 300) }, () => Math.floor(random() * 256))));
  return [...fixed, ...junk];
}

function sendRaw(payload: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(new URL(service!.url).port), '127.0.0.1');
    let answer = '';
    socket.setTimeout(2_000, () => socket.destroy());
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.end(payload);
  });
}

describe(`fuzzing the built service (seed ${SEED})`, () => {
  it(`when ${COUNT} generated requests arrive, then none gets a 5xx and none that is malformed reaches an upstream`, async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const failures: string[] = [];
    const requests = fuzzRequests(SEED, COUNT);
    let wellFormed = 0;

    for (const [index, request] of requests.entries()) {
      const before = upstreamCalls();
      const status = await send(agent, request);
      const reached = upstreamCalls() > before;
      if (request.wellFormed) wellFormed += 1;
      if (typeof status !== 'number') failures.push(`#${index} ${request.note}: no answer (${status})`);
      else if (status >= 500) failures.push(`#${index} ${request.note}: ${status}`);
      if (reached && !request.wellFormed) failures.push(`#${index} ${request.note}: reached an upstream`);
    }
    agent.destroy();

    expect(failures).toEqual([]);
    // The generator must exercise both sides, or the upstream check proves nothing.
    expect(wellFormed).toBeGreaterThan(COUNT / 10);
    expect(orders!.requests.length).toBeGreaterThan(COUNT / 10);
  }, 120_000);

  it(`when ${RAW_COUNT} malformed byte streams arrive, then none gets a 5xx and no upstream is called`, async () => {
    const before = upstreamCalls();
    const failures: string[] = [];

    for (const [index, payload] of rawPayloads(SEED, RAW_COUNT).entries()) {
      const statusLine = await sendRaw(payload);
      if (/^HTTP\/1\.[01] 5/.test(statusLine)) failures.push(`#${index}: ${statusLine}`);
    }

    expect(failures).toEqual([]);
    expect(upstreamCalls()).toBe(before);
  }, 60_000);

  it('when the fuzzing is over, then the process is alive, healthy, still issues tokens and logged no error', async () => {
    expect(service!.child.exitCode).toBeNull();
    const agent = new http.Agent();
    expect(await send(agent, { method: 'GET', path: '/healthz', headers: {}, body: undefined, wellFormed: false, note: '' })).toBe(200);
    const body = Buffer.from('{"cartId":"demo-jpy"}');
    expect(await send(agent, { method: 'POST', path: '/checkout/session', headers: { 'Content-Type': 'application/json' }, body, wellFormed: true, note: '' })).toBe(200);
    const errors = service!.lines.map(parseLine).filter((line) => line?.['level'] === 'error' || line?.['level'] === 'fatal');
    expect(errors).toEqual([]);
    expect(service!.stderr()).toBe('');
  });
});
