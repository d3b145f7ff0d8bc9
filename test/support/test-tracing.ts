import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';

// For component tests: the tracer provider main.ts registers, with the spans kept in memory instead of exported.
export function useTestTracing(): InMemorySpanExporter {
  const exporter = new InMemorySpanExporter();
  let provider: NodeTracerProvider | undefined;
  beforeAll(() => {
    provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    provider.register({ propagator: new W3CTraceContextPropagator() });
  });
  beforeEach(() => exporter.reset());
  afterAll(async () => {
    await provider?.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });
  return exporter;
}
