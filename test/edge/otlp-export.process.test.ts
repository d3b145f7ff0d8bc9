import http from 'node:http';
import { DEMO_CARTS } from '../../src/demo/orders/demo-carts';
import { startFakeOrderService, type FakeOrderService } from '../support/fake-order-service';
import { primerError, startFakePrimer, type FakePrimer } from '../support/fake-primer';
import { attributeMap, jsonSpans, startOtlpReceiver, type OtlpReceiver } from './support/otlp-receiver';
import { assertFreshBuild, startService, stopService, type ServiceProcess } from './support/service-process';

const API_KEY = 'sk_test_otlp_7a6b5c4d3e';
const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const CALLER_SPAN_ID = 'eee19b7ec3c1b174';
const SPAN_KIND = { server: 2, client: 3 };

let receiver: OtlpReceiver;
let primer: FakePrimer;
let orders: FakeOrderService;
let service: ServiceProcess | undefined;

beforeAll(() => assertFreshBuild());

beforeEach(async () => {
  receiver = await startOtlpReceiver();
  primer = await startFakePrimer();
  orders = await startFakeOrderService(DEMO_CARTS);
});

afterEach(async () => {
  await stopService(service);
  service = undefined;
  await Promise.all([receiver.close(), primer.close(), orders.close()]);
});

const start = (env: Record<string, string>) =>
  startService({ PRIMER_API_KEY: API_KEY, PRIMER_API_URL: primer.url, ORDER_SERVICE_URL: orders.url, OTEL_BSP_SCHEDULE_DELAY: '50', ...env });

function openSession(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/checkout/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end('{"cartId":"demo-gbp"}');
  });
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the built service exporting spans over OTLP/HTTP', () => {
  it('when Primer answers 503 then 200, then the receiver gets one server span and three client spans under it, retries included', async () => {
    service = await start({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_SERVICE_NAME: 'checkout-under-test' });
    primer.queue(primerError(503));

    const status = await openSession(service.url, { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`, 'X-Request-Id': 'req-otlp-export-01' });

    expect(status).toBe(200);
    await waitFor(() => jsonSpans(receiver.exports).length >= 4, 'four spans');
    const spans = jsonSpans(receiver.exports);
    const server = spans.find((span) => span.kind === SPAN_KIND.server)!;
    expect(server).toMatchObject({ name: 'POST /checkout/session', traceId: TRACE_ID, parentSpanId: CALLER_SPAN_ID });
    expect(server.resource).toMatchObject({ 'service.name': 'checkout-under-test' });
    expect(attributeMap(server.attributes)).toMatchObject({
      'http.route': '/checkout/session',
      'http.response.status_code': 200,
      'http.response.header.x-request-id': ['req-otlp-export-01'],
    });
    const clients = spans.filter((span) => span.kind === SPAN_KIND.client);
    expect(clients.map((span) => span.name).sort()).toEqual(['GET /carts/{cartId}', 'POST /client-session', 'POST /client-session']);
    for (const client of clients) expect(client).toMatchObject({ traceId: TRACE_ID, parentSpanId: server.spanId });
    const primerAttempts = clients.filter((span) => span.name === 'POST /client-session').map((span) => attributeMap(span.attributes));
    expect(primerAttempts.map((attributes) => attributes['http.response.status_code']).sort()).toEqual([200, 503]);
    expect(primerAttempts.find((attributes) => attributes['http.response.status_code'] === 200)).toMatchObject({ 'http.request.resend_count': 1, 'peer.service': 'primer' });
    // What Primer was sent names the attempt's own span.
    const primerSpanIds = primer.requests.map((req) => String(req.headers['traceparent']).split('-')[2]);
    expect(primerSpanIds.sort()).toEqual(clients.filter((span) => span.name === 'POST /client-session').map((span) => span.spanId).sort());
  });

  it('when no protocol is named, then the export is http/protobuf, the SDK default, and holds the trace id', async () => {
    service = await start({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/v1/traces` });

    expect(await openSession(service.url, { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` })).toBe(200);

    await waitFor(() => receiver.exports.length > 0, 'an export');
    expect(receiver.exports[0]!.contentType).toBe('application/x-protobuf');
    // Protobuf carries ids as raw bytes.
    expect(receiver.exports[0]!.body.includes(Buffer.from(TRACE_ID, 'hex'))).toBe(true);
  });

  it('when no endpoint is set, then the trace context still reaches both upstreams with a span id of this service', async () => {
    service = await start({});

    expect(await openSession(service.url, { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`, tracestate: 'shop=7' })).toBe(200);

    for (const upstreamRequest of [orders.requests[0]!, primer.requests[0]!]) {
      const [, traceId, spanId] = String(upstreamRequest.headers['traceparent']).split('-');
      expect(traceId).toBe(TRACE_ID);
      expect(spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(spanId).not.toBe(CALLER_SPAN_ID);
      expect(upstreamRequest.headers['tracestate']).toBe('shop=7');
    }
  });

  it('when OTEL_SDK_DISABLED=true, then nothing is exported and no traceparent is sent', async () => {
    service = await start({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });

    expect(await openSession(service.url, { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` })).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(receiver.exports).toEqual([]);
    expect(primer.requests[0]!.headers['traceparent']).toBeUndefined();
  });
});
