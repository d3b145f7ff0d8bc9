import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtlpExport {
  contentType: string;
  body: Buffer;
}

// What the OTLP/JSON encoding of a span carries that the tests look at.
export interface OtlpJsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
  status?: { code?: number };
}

export interface OtlpReceiver {
  // Where OTEL_EXPORTER_OTLP_ENDPOINT points: the exporter appends /v1/traces itself.
  url: string;
  exports: OtlpExport[];
  close(): Promise<void>;
}

// A collector's OTLP/HTTP traces endpoint on 127.0.0.1 port 0: keeps every export as it arrived and answers 200.
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const exports: OtlpExport[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') exports.push({ contentType: req.headers['content-type'] ?? '', body: Buffer.concat(chunks) });
      const json = req.headers['content-type']?.startsWith('application/json') ?? false;
      res.writeHead(200, { 'Content-Type': json ? 'application/json' : 'application/x-protobuf' });
      res.end(json ? '{}' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exports,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface OtlpJsonRequest {
  resourceSpans?: { resource?: { attributes?: OtlpJsonSpan['attributes'] }; scopeSpans?: { spans?: OtlpJsonSpan[] }[] }[];
}

// Every span of every OTLP/JSON export, each with its resource's attributes.
export function jsonSpans(exports: readonly OtlpExport[]): (OtlpJsonSpan & { resource: Record<string, unknown> })[] {
  return exports.flatMap((exported) => {
    const request = JSON.parse(exported.body.toString('utf8')) as OtlpJsonRequest;
    return (request.resourceSpans ?? []).flatMap((resourceSpans) => {
      const resource = attributeMap(resourceSpans.resource?.attributes ?? []);
      return (resourceSpans.scopeSpans ?? []).flatMap((scope) => (scope.spans ?? []).map((span) => ({ ...span, resource })));
    });
  });
}

// OTLP/JSON attributes ({key, value: {stringValue | intValue | arrayValue…}}) as a plain object.
export function attributeMap(attributes: OtlpJsonSpan['attributes']): Record<string, unknown> {
  return Object.fromEntries(attributes.map(({ key, value }) => [key, plainValue(value)]));
}

function plainValue(value: Record<string, unknown>): unknown {
  if ('stringValue' in value) return value['stringValue'];
  if ('intValue' in value) return Number(value['intValue']);
  if ('boolValue' in value) return value['boolValue'];
  if ('doubleValue' in value) return value['doubleValue'];
  if ('arrayValue' in value) return ((value['arrayValue'] as { values?: Record<string, unknown>[] }).values ?? []).map(plainValue);
  return value;
}
