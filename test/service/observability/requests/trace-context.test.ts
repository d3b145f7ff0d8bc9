import { SpanKind } from '@opentelemetry/api';
import request from 'supertest';
import { useComponentStack } from '../../../support/component-stack';
import { primerError } from '../../../support/fake-primer';
import { useTestTracing } from '../../../support/test-tracing';

const spans = useTestTracing();
const stack = useComponentStack({ PRIMER_TIMEOUT_MS: '3000' });

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/;

function traceparentParts(value: unknown): { traceId: string; spanId: string } {
  const match = TRACEPARENT.exec(String(value));
  if (!match) throw new Error(`not a traceparent: ${String(value)}`);
  return { traceId: match[1]!, spanId: match[2]! };
}

const openSession = (headers: Record<string, string>) => request(stack.subject.app).post('/checkout/session').set(headers).send({ cartId: 'demo-gbp' });

describe('W3C trace context (docs/operations.md, "Following one request from its X-Request-Id")', () => {
  it('when the request carries a valid traceparent and tracestate, then both upstreams get the same trace id, a span id of this service and the tracestate', async () => {
    const res = await openSession({ traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`, tracestate: 'shop=checkout-7' });

    expect(res.status).toBe(200);
    const sent = [stack.orders.requests[0]!, stack.primer.requests[0]!];
    const clientSpans = spans.getFinishedSpans().filter((span) => span.kind === SpanKind.CLIENT);
    expect(clientSpans.map((span) => span.name)).toEqual(['GET /carts/{cartId}', 'POST /client-session']);
    sent.forEach((upstreamRequest, index) => {
      const parts = traceparentParts(upstreamRequest.headers['traceparent']);
      expect(parts.traceId).toBe(TRACE_ID);
      expect(parts.spanId).not.toBe(CALLER_SPAN_ID);
      expect(parts.spanId).toBe(clientSpans[index]!.spanContext().spanId);
      expect(upstreamRequest.headers['tracestate']).toBe('shop=checkout-7');
    });
  });

  it('when the traceparent is invalid, then a new trace starts and upstreams still get a traceparent', async () => {
    const res = await openSession({ traceparent: `00-${'0'.repeat(32)}-${CALLER_SPAN_ID}-01` });

    expect(res.status).toBe(200);
    const parts = traceparentParts(stack.primer.requests[0]!.headers['traceparent']);
    expect(parts.traceId).not.toBe('0'.repeat(32));
    expect(traceparentParts(stack.orders.requests[0]!.headers['traceparent']).traceId).toBe(parts.traceId);
    const server = spans.getFinishedSpans().find((span) => span.kind === SpanKind.SERVER);
    expect(server?.parentSpanContext).toBeUndefined();
    expect(server?.spanContext().traceId).toBe(parts.traceId);
  });

  it('when Primer answers 503 then 200, then one server span has three client children: the cart and two Primer attempts, the second a resend', async () => {
    stack.primer.queue(primerError(503));

    const res = await openSession({ 'X-Request-Id': 'req-traced-retry-01' });

    expect(res.status).toBe(200);
    const finished = spans.getFinishedSpans();
    const server = finished.find((span) => span.kind === SpanKind.SERVER)!;
    expect(server.name).toBe('POST /checkout/session');
    expect(server.attributes).toMatchObject({ 'http.route': '/checkout/session', 'http.response.status_code': 200, 'http.response.header.x-request-id': ['req-traced-retry-01'] });
    const primerSpans = finished.filter((span) => span.name === 'POST /client-session');
    expect(primerSpans.map((span) => span.attributes['http.response.status_code'])).toEqual([503, 200]);
    expect(primerSpans.map((span) => span.attributes['http.request.resend_count'])).toEqual([undefined, 1]);
    for (const child of finished.filter((span) => span.kind === SpanKind.CLIENT)) {
      expect(child.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
      expect(child.spanContext().traceId).toBe(server.spanContext().traceId);
    }
  });

  it('when a request is logged, then every line it caused carries its trace id', async () => {
    stack.primer.queue(primerError(503));
    stack.subject.logs.length = 0;

    await openSession({ traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`, 'X-Request-Id': 'req-traced-logs-01' });

    const lines = stack.subject.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line['msg'])).toEqual(expect.arrayContaining(['retrying Primer', 'request']));
    for (const line of lines) expect(line).toMatchObject({ traceId: TRACE_ID, requestId: 'req-traced-logs-01' });
  });
});
