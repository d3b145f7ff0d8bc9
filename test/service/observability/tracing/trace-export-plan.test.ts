import { traceExportPlan } from '../../../../src/service/observability/tracing/trace-export-plan';

describe('traceExportPlan', () => {
  it('when no endpoint is set, then spans stay local (ids and propagation, no export)', () => {
    expect(traceExportPlan({})).toEqual({ mode: 'local' });
    expect(traceExportPlan({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).toEqual({ mode: 'local' });
  });

  it('when either endpoint variable is set, then spans are exported over http/protobuf, the SDK default', () => {
    expect(traceExportPlan({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({ mode: 'export', protocol: 'http/protobuf' });
    expect(traceExportPlan({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toEqual({ mode: 'export', protocol: 'http/protobuf' });
  });

  it('when a protocol is named, then the traces-specific variable wins, and grpc falls back to http/protobuf and is reported', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(traceExportPlan({ ...endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toEqual({ mode: 'export', protocol: 'http/json' });
    expect(traceExportPlan({ ...endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf' })).toEqual({
      mode: 'export',
      protocol: 'http/protobuf',
    });
    expect(traceExportPlan({ ...endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toEqual({ mode: 'export', protocol: 'http/protobuf', unsupportedProtocol: 'grpc' });
  });

  it('when OTEL_SDK_DISABLED=true, then tracing is off whatever else is set; OTEL_TRACES_EXPORTER=none keeps spans local', () => {
    expect(traceExportPlan({ OTEL_SDK_DISABLED: 'TRUE', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({ mode: 'off' });
    expect(traceExportPlan({ OTEL_SDK_DISABLED: 'false' })).toEqual({ mode: 'local' });
    expect(traceExportPlan({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({ mode: 'local' });
  });
});
