import { context, propagation, trace } from '@opentelemetry/api';
import request from 'supertest';
import { startTracing } from '../../../../src/service/observability/tracing/start-tracing';
import { useComponentStack } from '../../../support/component-stack';
import { primerError } from '../../../support/fake-primer';

// Tracing as the service starts it with no OTLP endpoint (docs/operations.md): ids only, no SDK.
beforeAll(async () => {
  expect((await startTracing({})).plan).toEqual({ mode: 'local' });
});
afterAll(() => {
  trace.disable();
  propagation.disable();
  context.disable();
});

const stack = useComponentStack({ PRIMER_TIMEOUT_MS: '3000' });

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-(0[01])$/;

function parts(value: unknown) {
  const match = TRACEPARENT.exec(String(value));
  if (!match) throw new Error(`not a traceparent: ${String(value)}`);
  return { traceId: match[1]!, spanId: match[2]!, flags: match[3]! };
}

const lines = () => stack.subject.logs.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('local tracing: no endpoint, no SDK', () => {
  it('when the caller sends a traceparent and Primer needs a retry, then every attempt continues its trace with a span id of its own, tracestate passed on, and every log line names the trace', async () => {
    stack.primer.queue(primerError(503));

    const res = await request(stack.subject.app)
      .post('/checkout/session')
      .set({ traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`, tracestate: 'shop=checkout-7', 'X-Request-Id': 'req-local-trace-01' })
      .send({ cartId: 'demo-gbp' });

    expect(res.status).toBe(200);
    const attempts = [...stack.orders.requests, ...stack.primer.requests];
    expect(attempts).toHaveLength(3);
    const sent = attempts.map((attempt) => parts(attempt.headers['traceparent']));
    for (const [index, attempt] of sent.entries()) {
      expect(attempt).toMatchObject({ traceId: TRACE_ID, flags: '01' });
      expect(attempt.spanId).not.toBe(CALLER_SPAN_ID);
      expect(attempts[index]!.headers['tracestate']).toBe('shop=checkout-7');
    }
    expect(new Set(sent.map((attempt) => attempt.spanId)).size).toBe(3);
    expect(lines().map((line) => line['msg'])).toEqual(expect.arrayContaining(['retrying Primer', 'request']));
    for (const line of lines()) expect(line).toMatchObject({ traceId: TRACE_ID, requestId: 'req-local-trace-01' });
  });

  it('when the caller sends no traceparent, then a new sampled trace starts and both upstreams and the request line share it', async () => {
    const res = await request(stack.subject.app).post('/checkout/session').send({ cartId: 'demo-gbp' });

    expect(res.status).toBe(200);
    const fromOrders = parts(stack.orders.requests[0]!.headers['traceparent']);
    const fromPrimer = parts(stack.primer.requests[0]!.headers['traceparent']);
    expect(fromPrimer.traceId).toBe(fromOrders.traceId);
    expect(fromPrimer.flags).toBe('01');
    expect(stack.primer.requests[0]!.headers['tracestate']).toBeUndefined();
    expect(lines().find((line) => line['msg'] === 'request')).toMatchObject({ traceId: fromOrders.traceId });
  });
});
