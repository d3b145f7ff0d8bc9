import { createTraceState, defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { W3CTraceContext } from '../../../../src/service/observability/tracing/w3c-trace-context';

const ours = new W3CTraceContext();
const core = new W3CTraceContextPropagator();

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';

function extracted(propagator: W3CTraceContext | W3CTraceContextPropagator, headers: Record<string, string | string[]>) {
  const span = trace.getSpanContext(propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter));
  return span === undefined ? undefined : { ...span, traceState: span.traceState?.serialize() };
}

function injected(propagator: W3CTraceContext | W3CTraceContextPropagator, context: Context): Record<string, string> {
  const headers: Record<string, string> = {};
  propagator.inject(context, headers, defaultTextMapSetter);
  return headers;
}

describe('W3CTraceContext, read and written as @opentelemetry/core does', () => {
  it.each([
    ['a sampled traceparent', { traceparent: `00-${TRACE_ID}-${SPAN_ID}-01` }],
    ['an unsampled one with a tracestate', { traceparent: `00-${TRACE_ID}-${SPAN_ID}-00`, tracestate: 'shop=checkout-7,vendor=a1' }],
    ['two tracestate headers', { traceparent: `00-${TRACE_ID}-${SPAN_ID}-01`, tracestate: ['shop=1', 'vendor=2'] }],
    ['a later version with a field more', { traceparent: `cc-${TRACE_ID}-${SPAN_ID}-01-what-the-future-holds` }],
    ['version 00 with a field more', { traceparent: `00-${TRACE_ID}-${SPAN_ID}-01-extra` }],
    ['version ff', { traceparent: `ff-${TRACE_ID}-${SPAN_ID}-01` }],
    ['an all-zero trace id', { traceparent: `00-${'0'.repeat(32)}-${SPAN_ID}-01` }],
    ['an all-zero parent id', { traceparent: `00-${TRACE_ID}-${'0'.repeat(16)}-01` }],
    ['upper-case hex', { traceparent: `00-${TRACE_ID.toUpperCase()}-${SPAN_ID}-01` }],
    ['a short trace id', { traceparent: `00-${TRACE_ID.slice(1)}-${SPAN_ID}-01` }],
    ['surrounding spaces', { traceparent: ` 00-${TRACE_ID}-${SPAN_ID}-01 ` }],
    ['no traceparent, only a tracestate', { tracestate: 'shop=1' }],
    ['nothing', {}],
  ])('when the request carries %s, then the same context is extracted', (_what, headers) => {
    expect(extracted(ours, headers)).toEqual(extracted(core, headers));
  });

  it.each([
    ['a sampled span', { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1 }],
    ['an unsampled span with a tracestate', { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 0, traceState: createTraceState('shop=checkout-7') }],
    ['an invalid span', { traceId: '0'.repeat(32), spanId: SPAN_ID, traceFlags: 1 }],
  ])('when the context holds %s, then the same headers are written', (_what, span) => {
    const context = trace.setSpanContext(ROOT_CONTEXT, span);

    expect(injected(ours, context)).toEqual(injected(core, context));
  });

  it('when the context holds no span, then nothing is written', () => {
    expect(injected(ours, ROOT_CONTEXT)).toEqual({});
  });

  it('names the two headers it reads and writes', () => {
    expect(ours.fields()).toEqual(core.fields());
  });
});
