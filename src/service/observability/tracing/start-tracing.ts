import { propagation, trace } from '@opentelemetry/api';
import { LocalTracerProvider } from './local-tracer';
import { traceExportPlan, type TraceExportPlan } from './trace-export-plan';
import { W3CTraceContext } from './w3c-trace-context';

export interface Tracing {
  readonly plan: TraceExportPlan;
  // Sends the spans still queued; main.ts calls it last on shutdown.
  shutdown(): Promise<void>;
}

// Registers what the plan needs globally, before the app is built (src/tracing.ts is main.ts's first import).
export async function startTracing(env: Readonly<Record<string, string | undefined>>): Promise<Tracing> {
  const plan = traceExportPlan(env);
  if (plan.mode === 'off') return { plan, shutdown: async () => {} };
  if (plan.mode === 'local') {
    trace.setGlobalTracerProvider(new LocalTracerProvider());
    propagation.setGlobalPropagator(new W3CTraceContext());
    return { plan, shutdown: async () => {} };
  }
  // Only with an endpoint do the SDK and its exporters load: local mode neither pays their start-up nor their spans.
  const { startSdkTracing } = await import('./sdk-tracing.js');
  return { plan, shutdown: startSdkTracing(plan.protocol) };
}
