import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { SERVICE_INFO } from '../service-info';
import { traceExportPlan, type OtlpHttpProtocol, type TraceExportPlan } from './trace-export-plan';

export interface Tracing {
  readonly plan: TraceExportPlan;
  // Sends the spans still queued; main.ts calls it last on shutdown.
  shutdown(): Promise<void>;
}

// Registers the SDK globally, before the app's modules are loaded (src/tracing.ts is main.ts's first import).
export function startTracing(env: Readonly<Record<string, string | undefined>>): Tracing {
  const plan = traceExportPlan(env);
  if (plan.mode === 'off') return { plan, shutdown: async () => {} };
  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES override these defaults, as the SDK defines.
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: SERVICE_INFO.name, [ATTR_SERVICE_VERSION]: SERVICE_INFO.version }).merge(
    detectResources({ detectors: [envDetector] }),
  );
  const provider = new NodeTracerProvider({
    resource,
    // Endpoint, headers, timeout and the batch settings come from the OTEL_* variables the exporter and processor read.
    spanProcessors: plan.mode === 'export' ? [new BatchSpanProcessor(exporterFor(plan.protocol))] : [],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return { plan, shutdown: () => provider.shutdown() };
}

function exporterFor(protocol: OtlpHttpProtocol): SpanExporter {
  return protocol === 'http/json' ? new OtlpJsonExporter() : new OtlpProtobufExporter();
}
