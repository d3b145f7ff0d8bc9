import { EventEmitter } from 'node:events';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import express from 'express';
import { installGracefulShutdown, SHUTDOWN_OVERRUN_MS } from '../../../src/service/lifecycle/graceful-shutdown';
import { errorHandler } from '../../../src/service/http/error-handler';
import { requestId } from '../../../src/service/http/request-id';
import { requestLog } from '../../../src/service/observability/requests/request-log';
import { answerAtShutdown } from '../../../src/service/http/shutdown-answer';
import { createLogger } from '../../../src/service/observability/logger';
import { Readiness } from '../../../src/service/lifecycle/readiness';
import { healthRoutes } from '../../../src/service/routes/health';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  socket: Socket;
}

function get(url: string, agent: http.Agent | false = false, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
        // Read now: a keep-alive socket is detached from the response once it goes back to the agent.
        const socket = res.socket;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, socket }));
      })
      .on('error', reject);
  });
}

interface SubjectOptions {
  delayMs?: number;
  timeoutMs?: number;
  cleanup?: Record<string, () => Promise<void>>;
  // A second listener, as main.ts opens for METRICS_PORT.
  withMetricsListener?: boolean;
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

// The app's request-id, request log, probes and error handler, and a /slow route held open until the test releases it.
async function startSubject({ delayMs = 0, timeoutMs = 5_000, cleanup, withMetricsListener = false }: SubjectOptions = {}) {
  const readiness = new Readiness();
  const signals = new EventEmitter();
  const logs: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void logs.push(line) });
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let entered = () => {};
  const slowEntered = new Promise<void>((resolve) => (entered = resolve));
  const app = express();
  app.use(requestId, requestLog(logger), healthRoutes(readiness));
  app.get('/slow', async (_req, res) => {
    entered();
    await released;
    res.json({ done: true });
  });
  app.use(errorHandler());
  const servers = [http.createServer(app), ...(withMetricsListener ? [http.createServer(express().get('/metrics', (_req, res) => res.send('up 1\n')))] : [])];
  const [url = '', metricsUrl] = await Promise.all(servers.map(listen));
  const exits: number[] = [];
  let exited = (_code: number) => {};
  const exit = new Promise<number>((resolve) => (exited = resolve));
  const cleaned: string[] = [];
  installGracefulShutdown({
    servers,
    readiness,
    logger,
    delayMs,
    timeoutMs,
    answerUnfinished: answerAtShutdown,
    cleanup: cleanup ?? {
      redis: async () => void cleaned.push('redis'),
      spans: async () => void cleaned.push('spans'),
    },
    exit: (code) => {
      exits.push(code);
      exited(code);
    },
    signals,
  });
  const lines = () => logs.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { servers, url, metricsUrl, readiness, signals, lines, exits, exit, release, slowEntered, cleaned };
}

async function waitForLine(subject: { lines(): Record<string, unknown>[] }, msg: string): Promise<void> {
  while (!subject.lines().some((line) => line['msg'] === msg)) await new Promise((resolve) => setTimeout(resolve, 5));
}

type Subject = Awaited<ReturnType<typeof startSubject>>;
let subject: Subject | undefined;

afterEach(async () => {
  if (!subject) return;
  subject.release();
  for (const server of subject.servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  subject = undefined;
});

describe('graceful shutdown', () => {
  it('when SIGTERM arrives during a slow request, then /readyz is 503 at once, the request finishes, the listener closes, cleanup runs and the exit is 0', async () => {
    subject = await startSubject();
    const slow = get(`${subject.url}/slow`);
    await subject.slowEntered;

    subject.signals.emit('SIGTERM', 'SIGTERM');

    expect(subject.readiness.isDraining).toBe(true);
    await waitForLine(subject, 'closing the listener: finishing in-flight requests');
    await expect(get(`${subject.url}/healthz`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(subject.exits).toEqual([]);
    subject.release();
    const finished = await slow;
    expect(finished.status).toBe(200);
    expect(finished.headers['connection']).toBe('close');
    expect(await subject.exit).toBe(0);
    expect(subject.cleaned.sort()).toEqual(['redis', 'spans']);
  });

  it('when SHUTDOWN_DELAY_MS is set, then during the delay /readyz is 503 and new connections are still served, each closing after its answer; after it they are refused', async () => {
    subject = await startSubject({ delayMs: 400 });

    subject.signals.emit('SIGTERM', 'SIGTERM');

    const ready = await get(`${subject.url}/readyz`);
    expect([ready.status, JSON.parse(ready.body), ready.headers['connection']]).toEqual([503, { status: 'draining' }, 'close']);
    const served = await get(`${subject.url}/healthz`);
    expect([served.status, served.headers['connection']]).toEqual([200, 'close']);
    expect(subject.lines().some((line) => line['msg'] === 'closing the listener: finishing in-flight requests')).toBe(false);
    expect(await subject.exit).toBe(0);
    await expect(get(`${subject.url}/healthz`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('when SIGINT arrives with only an idle keep-alive socket open, then that socket is closed and the exit is 0', async () => {
    subject = await startSubject();
    const agent = new http.Agent({ keepAlive: true });
    const first = await get(`${subject.url}/healthz`, agent);
    expect(first.headers['connection']).toBe('keep-alive');
    const socketClosed = new Promise((resolve) => first.socket.once('close', resolve));

    subject.signals.emit('SIGINT', 'SIGINT');

    await socketClosed;
    expect(await subject.exit).toBe(0);
    agent.destroy();
  });

  it('when an in-flight request outlives the budget, then it is answered 503 upstream_unavailable with Retry-After and logged, and the exit is still 0, once', async () => {
    subject = await startSubject({ timeoutMs: 150 });
    const slow = get(`${subject.url}/slow`, false, { 'X-Request-Id': 'req-outlives-drain-1' });
    await subject.slowEntered;
    const started = Date.now();

    subject.signals.emit('SIGTERM', 'SIGTERM');

    const answer = await slow;
    expect(answer.status).toBe(503);
    expect(answer.headers).toMatchObject({ 'content-type': 'application/problem+json; charset=utf-8', 'retry-after': '1', 'cache-control': 'no-store', connection: 'close' });
    expect(JSON.parse(answer.body)).toEqual({
      type: 'urn:checkout-session:problem:upstream_unavailable',
      title: expect.any(String),
      status: 503,
      detail: expect.any(String),
      code: 'upstream_unavailable',
      requestId: 'req-outlives-drain-1',
    });
    expect(await subject.exit).toBe(0);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(subject.lines()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ msg: 'drain deadline: answering requests still in flight with 503', inFlight: 1 }),
        expect.objectContaining({ msg: 'request', requestId: 'req-outlives-drain-1', res: { statusCode: 503 } }),
        expect.objectContaining({ msg: 'stopped', exitCode: 0 }),
      ]),
    );
    expect(subject.cleaned.sort()).toEqual(['redis', 'spans']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(subject.exits).toEqual([0]);
  });

  it('when the handler of a request answered at the deadline finishes later, then no error is logged but its request line', async () => {
    subject = await startSubject({ timeoutMs: 100, delayMs: 0 });
    const slow = get(`${subject.url}/slow`);
    await subject.slowEntered;
    subject.signals.emit('SIGTERM', 'SIGTERM');
    expect((await slow).status).toBe(503);

    subject.release();
    await subject.exit;
    await new Promise((resolve) => setImmediate(resolve));

    expect(subject.lines().filter((line) => line['level'] === 'error' && line['msg'] !== 'request')).toEqual([]);
  });

  it('when a cleanup step fails and another hangs, then the others still run, both are logged and the exit is 0 within the cleanup budget', async () => {
    const ran: string[] = [];
    subject = await startSubject({
      cleanup: {
        redis: async () => Promise.reject(new Error('redis is gone')),
        spans: () => new Promise<void>(() => {}),
        demo: async () => void ran.push('demo'),
      },
    });
    const started = Date.now();

    subject.signals.emit('SIGTERM', 'SIGTERM');

    expect(await subject.exit).toBe(0);
    expect(Date.now() - started).toBeLessThan(SHUTDOWN_OVERRUN_MS);
    expect(ran).toEqual(['demo']);
    expect(subject.lines()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ msg: 'cleanup step failed', step: 'redis' }),
        expect.objectContaining({ msg: 'cleanup ran out of time', pending: ['spans'] }),
      ]),
    );
  });

  it('when the metrics listener is separate, then it closes with the API listener and the exit waits for both', async () => {
    subject = await startSubject({ withMetricsListener: true, delayMs: 200 });
    const metricsUrl = subject.metricsUrl!;

    subject.signals.emit('SIGTERM', 'SIGTERM');

    expect((await get(`${metricsUrl}/metrics`)).status).toBe(200);
    expect(await subject.exit).toBe(0);
    await expect(get(`${metricsUrl}/metrics`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('when a second signal arrives while draining, then what is in flight is answered 503 at once, cleanup runs and the exit is 1', async () => {
    subject = await startSubject({ timeoutMs: 5_000 });
    const slow = get(`${subject.url}/slow`);
    await subject.slowEntered;
    const started = Date.now();

    subject.signals.emit('SIGTERM', 'SIGTERM');
    subject.signals.emit('SIGINT', 'SIGINT');

    expect((await slow).status).toBe(503);
    expect(await subject.exit).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(subject.cleaned.sort()).toEqual(['redis', 'spans']);
  });
});
