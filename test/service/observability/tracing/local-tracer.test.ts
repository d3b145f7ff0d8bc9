import { createTraceState, ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import { LocalTracer, LocalTracerProvider } from '../../../../src/service/observability/tracing/local-tracer';
import { newSpanId, newTraceId } from '../../../../src/service/observability/tracing/random-ids';

const CALLER = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.NONE, isRemote: true, traceState: createTraceState('shop=checkout-7') };
const fromCaller = trace.setSpanContext(ROOT_CONTEXT, CALLER);

describe('LocalTracer', () => {
  const tracer = new LocalTracerProvider().getTracer();

  it('when there is no parent, then the span starts a new, sampled trace with valid ids and records nothing', () => {
    const span = tracer.startSpan('POST', {}, ROOT_CONTEXT);

    expect(span.spanContext()).toMatchObject({ traceId: expect.stringMatching(/^[0-9a-f]{32}$/), spanId: expect.stringMatching(/^[0-9a-f]{16}$/), traceFlags: TraceFlags.SAMPLED });
    expect(span.isRecording()).toBe(false);
  });

  it('when the parent is the caller\'s span, then the span continues its trace, flags and tracestate with a span id of its own', () => {
    const span = tracer.startSpan('GET /carts/{cartId}', {}, fromCaller).spanContext();

    expect(span).toMatchObject({ traceId: CALLER.traceId, traceFlags: TraceFlags.NONE });
    expect(span.spanId).not.toBe(CALLER.spanId);
    expect(span.traceState?.serialize()).toBe('shop=checkout-7');
  });

  it('when two attempts start from one parent, then each gets its own span id', () => {
    const first = tracer.startSpan('POST /client-session', {}, fromCaller).spanContext().spanId;
    const second = tracer.startSpan('POST /client-session', {}, fromCaller).spanContext().spanId;

    expect(first).not.toBe(second);
  });

  it('when a root span is asked for, then the parent is ignored', () => {
    expect(tracer.startSpan('POST', { root: true }, fromCaller).spanContext().traceId).not.toBe(CALLER.traceId);
  });

  it('when a span is started as the active one, then the function gets it and its value is returned', () => {
    const seen = new LocalTracer().startActiveSpan('work', {}, fromCaller, (span) => span.spanContext().traceId);

    expect(seen).toBe(CALLER.traceId);
  });
});

describe('random ids', () => {
  it('when many are drawn, past several refills of the random block, then all are well formed and distinct', () => {
    const traceIds = Array.from({ length: 2_000 }, newTraceId);
    const spanIds = Array.from({ length: 2_000 }, newSpanId);

    expect(traceIds.every((id) => /^[0-9a-f]{32}$/.test(id) && !/^0+$/.test(id))).toBe(true);
    expect(spanIds.every((id) => /^[0-9a-f]{16}$/.test(id) && !/^0+$/.test(id))).toBe(true);
    expect(new Set(traceIds).size).toBe(traceIds.length);
    expect(new Set(spanIds).size).toBe(spanIds.length);
  });
});
