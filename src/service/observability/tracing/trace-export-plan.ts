// What the tracing setup does for this environment, decided without side effects (docs/operations.md).
export type TraceExportPlan =
  // OTEL_SDK_DISABLED=true: no SDK at all; the API stays a no-op and nothing travels upstream.
  | { mode: 'off' }
  // No endpoint (or OTEL_TRACES_EXPORTER=none): spans get ids and the context travels upstream, nothing is exported.
  | { mode: 'local' }
  | { mode: 'export'; protocol: OtlpHttpProtocol; unsupportedProtocol?: string };

export type OtlpHttpProtocol = 'http/protobuf' | 'http/json';

type Env = Readonly<Record<string, string | undefined>>;

export function traceExportPlan(env: Env): TraceExportPlan {
  if (text(env['OTEL_SDK_DISABLED'])?.toLowerCase() === 'true') return { mode: 'off' };
  const endpoint = text(env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) ?? text(env['OTEL_EXPORTER_OTLP_ENDPOINT']);
  const exporters = (text(env['OTEL_TRACES_EXPORTER']) ?? 'otlp').split(',').map((name) => name.trim());
  if (endpoint === undefined || exporters.includes('none')) return { mode: 'local' };
  // The SDK's default is http/protobuf; grpc would need another transport, so it falls back as sdk-node does.
  const protocol = text(env['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL']) ?? text(env['OTEL_EXPORTER_OTLP_PROTOCOL']) ?? 'http/protobuf';
  if (protocol === 'http/protobuf' || protocol === 'http/json') return { mode: 'export', protocol };
  return { mode: 'export', protocol: 'http/protobuf', unsupportedProtocol: protocol };
}

// The SDK treats an empty variable as unset.
function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
