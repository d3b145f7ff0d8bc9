import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { SERVICE_INFO } from '../../service-info';
import type { OtlpHttpProtocol } from './trace-export-plan';

// With an endpoint: the SDK registered globally, its spans batched and exported over OTLP/HTTP. Returns its shutdown.
export function startSdkTracing(protocol: OtlpHttpProtocol): () => Promise<void> {
  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES override these defaults, as the SDK defines.
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: SERVICE_INFO.name, [ATTR_SERVICE_VERSION]: SERVICE_INFO.version }).merge(
    detectResources({ detectors: [envDetector] }),
  );
  // Endpoint, headers, timeout, sampler and the batch settings come from the OTEL_* variables the SDK reads.
  const provider = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(exporterFor(protocol))] });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return () => provider.shutdown();
}

function exporterFor(protocol: OtlpHttpProtocol): SpanExporter {
  return protocol === 'http/json' ? new OtlpJsonExporter() : new OtlpProtobufExporter();
}
