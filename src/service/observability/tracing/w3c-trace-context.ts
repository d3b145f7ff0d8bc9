import { createTraceState, isSpanContextValid, trace, type Context, type TextMapGetter, type TextMapPropagator, type TextMapSetter } from '@opentelemetry/api';

const TRACEPARENT = 'traceparent';
const TRACESTATE = 'tracestate';
// https://www.w3.org/TR/trace-context/#traceparent-header: version (not ff), trace id, parent id (neither all zeros),
// flags; a later version may add fields after a dash, version 00 may not.
const TRACEPARENT_FORMAT = /^\s?((?!ff)[\da-f]{2})-((?![0]{32})[\da-f]{32})-((?![0]{16})[\da-f]{16})-([\da-f]{2})(-.*)?\s?$/;

// W3C Trace Context in and out, as @opentelemetry/core's propagator reads and writes it, for tracing's local mode:
// loading core for this alone cost more start-up time than the rest of tracing (docs/performance.md).
export class W3CTraceContext implements TextMapPropagator {
  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    const span = trace.getSpanContext(context);
    if (span === undefined || !isSpanContextValid(span)) return;
    setter.set(carrier, TRACEPARENT, `00-${span.traceId}-${span.spanId}-0${span.traceFlags.toString(16)}`);
    if (span.traceState !== undefined) setter.set(carrier, TRACESTATE, span.traceState.serialize());
  }

  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const header = single(getter.get(carrier, TRACEPARENT));
    const match = header === undefined ? null : TRACEPARENT_FORMAT.exec(header);
    if (!match || (match[1] === '00' && match[5] !== undefined)) return context;
    const state = getter.get(carrier, TRACESTATE);
    const traceState = state === undefined || state.length === 0 ? undefined : createTraceState(Array.isArray(state) ? state.join(',') : state);
    return trace.setSpanContext(context, {
      traceId: match[2] ?? '',
      spanId: match[3] ?? '',
      traceFlags: parseInt(match[4] ?? '0', 16),
      isRemote: true,
      ...(traceState === undefined ? {} : { traceState }),
    });
  }

  fields(): string[] {
    return [TRACEPARENT, TRACESTATE];
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
