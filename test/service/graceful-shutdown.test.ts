import { EventEmitter } from 'node:events';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import express from 'express';
import { exitOnCrash, installGracefulShutdown } from '../../src/service/graceful-shutdown';
import { createLogger } from '../../src/service/logger';
import { healthRoutes, Readiness } from '../../src/service/routes/health';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  socket: Socket;
}

function get(url: string, agent: http.Agent | false = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
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

// A server with the real probes and a /slow route held open until the test releases it.
async function startSubject(timeoutMs: number) {
  const readiness = new Readiness();
  const signals = new EventEmitter();
  const logs: string[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let entered = () => {};
  const slowEntered = new Promise<void>((resolve) => (entered = resolve));
  const app = express();
  app.use(healthRoutes(readiness));
  app.get('/slow', async (_req, res) => {
    entered();
    await released;
    res.json({ done: true });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const exits: number[] = [];
  let exited = (_code: number) => {};
  const exit = new Promise<number>((resolve) => (exited = resolve));
  let cleanups = 0;
  installGracefulShutdown({
    server,
    readiness,
    logger: createLogger('info', { write: (line: string) => void logs.push(line) }),
    timeoutMs,
    cleanup: async () => void (cleanups += 1),
    exit: (code) => {
      exits.push(code);
      exited(code);
    },
    signals,
  });
  return { server, url, signals, logs, exits, exit, release, slowEntered, cleanups: () => cleanups };
}

type Subject = Awaited<ReturnType<typeof startSubject>>;
let subject: Subject | undefined;

afterEach(async () => {
  if (!subject) return;
  subject.release();
  subject.server.closeAllConnections();
  await new Promise((resolve) => subject!.server.close(resolve));
  subject = undefined;
});

describe('graceful shutdown', () => {
  it('when SIGTERM arrives during a slow request, then /readyz is 503 at once, the request finishes, the server closes and the exit is 0', async () => {
    subject = await startSubject(5_000);
    const slow = get(`${subject.url}/slow`);
    await subject.slowEntered;

    subject.signals.emit('SIGTERM', 'SIGTERM');

    const ready = await get(`${subject.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toEqual({ status: 'draining' });
    expect(ready.headers['connection']).toBe('close');
    expect(subject.exits).toEqual([]);

    subject.release();
    const finished = await slow;
    expect(finished.status).toBe(200);
    expect(finished.headers['connection']).toBe('close');

    expect(await subject.exit).toBe(0);
    expect(subject.cleanups()).toBe(1);
    await expect(get(`${subject.url}/healthz`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('when SIGINT arrives with only an idle keep-alive socket open, then that socket is closed and the exit is 0', async () => {
    subject = await startSubject(5_000);
    const agent = new http.Agent({ keepAlive: true });
    const first = await get(`${subject.url}/healthz`, agent);
    expect(first.headers['connection']).toBe('keep-alive');
    const socketClosed = new Promise((resolve) => first.socket.once('close', resolve));

    subject.signals.emit('SIGINT', 'SIGINT');

    await socketClosed;
    expect(await subject.exit).toBe(0);
    agent.destroy();
  });

  it('when an in-flight request outlives the budget, then its connection is cut and the exit is still 0, once', async () => {
    subject = await startSubject(150);
    const slow = get(`${subject.url}/slow`);
    await subject.slowEntered;
    const started = Date.now();

    subject.signals.emit('SIGTERM', 'SIGTERM');

    await expect(slow).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(await subject.exit).toBe(0);
    expect(Date.now() - started).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(subject.exits).toEqual([0]);
    expect(subject.logs.some((line) => line.includes('drain budget ran out'))).toBe(true);
  });

  it('when a second signal arrives while draining, then the exit is 1 at once', async () => {
    subject = await startSubject(5_000);
    const slow = get(`${subject.url}/slow`).catch(() => undefined);
    await subject.slowEntered;

    subject.signals.emit('SIGTERM', 'SIGTERM');
    subject.signals.emit('SIGINT', 'SIGINT');

    expect(subject.exits).toEqual([1]);
    subject.release();
    await slow;
  });
});

describe('exit on crash', () => {
  function crashSubject() {
    const events = new EventEmitter();
    const logs: string[] = [];
    const exits: number[] = [];
    exitOnCrash({ logger: createLogger('info', { write: (line: string) => void logs.push(line) }), exit: (code) => exits.push(code), events });
    return { events, exits, lines: () => logs.map((line) => JSON.parse(line) as { level: string; msg: string; err?: { stack?: string } }) };
  }

  function failDeepInside(): Error {
    return new Error('the ledger is gone');
  }

  it('when a rejection goes unhandled, then it is logged as fatal with its stack and the exit is 1', () => {
    const { events, exits, lines } = crashSubject();

    events.emit('unhandledRejection', failDeepInside(), Promise.resolve());

    expect(exits).toEqual([1]);
    expect(lines()[0]).toMatchObject({ level: 'fatal', msg: 'unhandled rejection: exiting' });
    expect(lines()[0]?.err?.stack).toContain('failDeepInside');
  });

  it('when an exception goes uncaught, then it is logged as fatal with its stack and the exit is 1', () => {
    const { events, exits, lines } = crashSubject();

    events.emit('uncaughtException', failDeepInside());

    expect(exits).toEqual([1]);
    expect(lines()[0]).toMatchObject({ level: 'fatal', msg: 'uncaught exception: exiting' });
    expect(lines()[0]?.err?.stack).toContain('the ledger is gone');
  });
});
