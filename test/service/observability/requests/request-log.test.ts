import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { requestId } from '../../../../src/service/http/request-id';
import { requestLog } from '../../../../src/service/observability/requests/request-log';
import { createLogger } from '../../../../src/service/observability/logger';
import { useComponentStack } from '../../../support/component-stack';
import { neverAnswer } from '../../../support/fake-http-server';
import { primerError } from '../../../support/fake-primer';
import { useTestTracing } from '../../../support/test-tracing';

useTestTracing();
const stack = useComponentStack({ PRIMER_TIMEOUT_MS: '3000' });

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

const lines = () => stack.subject.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
const requestLines = () => lines().filter((line) => line['msg'] === 'request');

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the request log (docs/operations.md, Logs)', () => {
  it('when a checkout is answered, then one line names its requestId and traceId, method, path, status, time and route', async () => {
    const res = await request(stack.subject.app).post('/checkout/session?utm=x').set({ 'X-Request-Id': 'req-log-line-01', traceparent: TRACEPARENT }).send({ cartId: 'demo-gbp' });

    expect(res.status).toBe(200);
    expect(requestLines()).toEqual([
      expect.objectContaining({
        level: 'info',
        requestId: 'req-log-line-01',
        traceId: TRACE_ID,
        spanId: expect.stringMatching(/^[0-9a-f]{16}$/),
        req: { method: 'POST', url: '/checkout/session' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
        route: '/checkout/session',
      }),
    ]);
  });

  it('when a probe is answered, then its line is kept for debug', async () => {
    await request(stack.subject.app).get('/readyz');

    expect(requestLines()).toEqual([expect.objectContaining({ level: 'debug', route: '/readyz', res: { statusCode: 200 } })]);
  });

  it('when an upstream fails, then the error handler writes through req.log with the request\'s ids and path', async () => {
    stack.primer.queue(primerError(400));

    const res = await request(stack.subject.app).post('/checkout/session').set({ 'X-Request-Id': 'req-log-child-01', traceparent: TRACEPARENT }).send({ cartId: 'demo-gbp' });

    expect(res.status).toBe(502);
    const failure = lines().find((line) => line['msg'] === 'upstream failure');
    expect(failure).toMatchObject({ level: 'warn', requestId: 'req-log-child-01', traceId: TRACE_ID, req: { method: 'POST', url: '/checkout/session' }, upstream: 'primer' });
  });

  it('when the client leaves before the answer, then the line says it was aborted, at the level of its status (no fault of the service)', async () => {
    stack.primer.queue(neverAnswer);
    const server = http.createServer(stack.subject.app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const client = http.request({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', method: 'POST', path: '/checkout/session', headers: { 'Content-Type': 'application/json' } });
      client.on('error', () => {});
      client.end('{"cartId":"demo-gbp"}');
      await until(() => stack.primer.requests.length > 0);
      client.destroy();

      await until(() => requestLines().length > 0);
      expect(requestLines()[0]).toMatchObject({ level: 'info', aborted: true, route: '/checkout/session', res: { statusCode: 200 } });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('requestLog on its own', () => {
  it('when a handler writes after the end, then the response\'s error makes its line an error instead of crashing the process', async () => {
    const logs: string[] = [];
    const app = express();
    app.use(requestId);
    app.use(requestLog(createLogger('info', { write: (line: string) => void logs.push(line) })));
    app.get('/twice', (_req, res) => {
      res.end('once');
      res.write('twice');
    });

    const res = await request(app).get('/twice');

    expect(res.text).toBe('once');
    await until(() => logs.length > 0);
    expect(JSON.parse(logs[0]!)).toMatchObject({ level: 'error', msg: 'request', res: { statusCode: 200 }, route: '/twice' });
  });
});
