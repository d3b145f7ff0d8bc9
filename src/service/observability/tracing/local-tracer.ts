import { context, isSpanContextValid, TraceFlags, trace, type Context, type Span, type SpanOptions, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { newSpanId, newTraceId } from './random-ids';

// Tracing's local mode (no endpoint, docs/operations.md): spans that are ids alone, so a request continues its caller's
// trace and each upstream attempt gets a span id for its traceparent; nothing is recorded, so no SDK is needed.
export class LocalTracer implements Tracer {
  startSpan(_name: string, options?: SpanOptions, parent: Context = context.active()): Span {
    const caller = options?.root === true ? undefined : trace.getSpanContext(parent);
    if (caller === undefined || !isSpanContextValid(caller)) {
      // A new trace is sampled, as the SDK's default sampler (parentbased_always_on) decides.
      return trace.wrapSpanContext({ traceId: newTraceId(), spanId: newSpanId(), traceFlags: TraceFlags.SAMPLED });
    }
    const { traceId, traceFlags, traceState } = caller;
    return trace.wrapSpanContext({ traceId, spanId: newSpanId(), traceFlags, ...(traceState === undefined ? {} : { traceState }) });
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, ...rest: [F] | [SpanOptions, F] | [SpanOptions, Context, F]): ReturnType<F> {
    const [options, parent, fn] = rest.length === 1 ? [undefined, context.active(), rest[0]] : rest.length === 2 ? [rest[0], context.active(), rest[1]] : rest;
    const span = this.startSpan(name, options, parent);
    return context.with(trace.setSpan(parent, span), () => fn(span) as ReturnType<F>);
  }
}

export class LocalTracerProvider implements TracerProvider {
  private readonly tracer = new LocalTracer();

  getTracer(): Tracer {
    return this.tracer;
  }
}
