import { context, isSpanContextValid, TraceFlags, trace, type Context, type Span, type SpanOptions, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { newSpanId, newTraceId } from './random-ids';

// Tracing's "local" mode (no endpoint, contract section 7): spans that only carry ids, so a request continues its
// caller's trace and each upstream attempt gets a span id of its own for its traceparent. Nothing is recorded or
// exported, so neither the SDK nor a context manager is needed.
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
