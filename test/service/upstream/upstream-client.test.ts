import type { ServerResponse } from 'node:http';
import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { createLogger } from '../../../src/service/observability/logger';
import { openStep } from '../../../src/service/upstream/call-step';
import { CircuitBreaker } from '../../../src/service/upstream/circuit-breaker';
import { createRedactor } from '../../../src/service/upstream/redactor';
import { isUnavailable, type RetryPolicy } from '../../../src/service/upstream/retry-policy';
import { UpstreamClient, type FinalAnswer, type UpstreamClientOptions, type UpstreamRequest } from '../../../src/service/upstream/upstream-client';
import type { UpstreamOutcome } from '../../../src/service/upstream/upstream-observer';
import { UpstreamRejectedError } from '../../../src/service/upstream/upstream-rejected-error';
import { UpstreamTimeoutError } from '../../../src/service/upstream/upstream-timeout-error';
import { UpstreamUnavailableError } from '../../../src/service/upstream/upstream-unavailable-error';
import { afterDelay, sendJson, startFakeServer, type FakeServer, type RecordedRequest } from '../../support/fake-http-server';
import { useTestTracing } from '../../support/test-tracing';
import { failureOf } from '../../support/upstream-kit';

type Handler = (req: RecordedRequest, res: ServerResponse) => void;

const POLICY: RetryPolicy = { retryable: isUnavailable, maxRetries: 2, backoff: { baseMs: 10, capMs: 20 } };
const GET: UpstreamRequest = { method: 'GET', path: '/things/1', urlTemplate: '/things/{id}', policy: POLICY };
const SECRET = 'sk_configured_secret_77';
const okBody = (answer: FinalAnswer) => answer.ok().body;

const spans = useTestTracing();
let upstream: FakeServer;
let replies: Handler[];
let logs: string[];
let outcomes: UpstreamOutcome[];

beforeEach(async () => {
  replies = [];
  logs = [];
  outcomes = [];
  upstream = await startFakeServer((req, res) => (replies.shift() ?? ((_req, answer) => sendJson(answer, 200, { ok: true })))(req, res));
});

afterEach(() => upstream.close());

function client(options: Partial<UpstreamClientOptions> = {}): UpstreamClient {
  return new UpstreamClient({
    upstream: 'primer',
    baseUrl: upstream.url,
    fixedHeaders: { Accept: 'application/json' },
    maxConnections: 8,
    redact: createRedactor([SECRET]),
    logger: createLogger('debug', { write: (line: string) => void logs.push(line) }),
    observe: (_upstream, outcome) => void outcomes.push(outcome),
    observeRetry: () => undefined,
    ...options,
  });
}

const step = (budgetMs = 1_000, requestId = 'req-client-1') => openStep({ requestId, trace: ROOT_CONTEXT }, budgetMs);

describe('UpstreamClient.call', () => {
  it('when the upstream answers 503 then 200, then each attempt has its own client span and observation, and X-Request-Id', async () => {
    replies.push((_req, res) => sendJson(res, 503, {}));

    await expect(client().call(GET, step(), okBody)).resolves.toBe('{"ok":true}');

    const finished = spans.getFinishedSpans();
    expect(finished.map((span) => [span.name, span.attributes['http.response.status_code'], span.attributes['http.request.resend_count']])).toEqual([
      ['GET /things/{id}', 503, undefined],
      ['GET /things/{id}', 200, 1],
    ]);
    expect(outcomes).toEqual(['server_error', 'ok']);
    expect(upstream.requests.map((req) => req.headers['x-request-id'])).toEqual(['req-client-1', 'req-client-1']);
    upstream.requests.forEach((req, index) => expect(req.headers.traceparent).toContain(finished[index]!.spanContext().spanId));
  });

  it("when the step's trace has a parent span and another context is active, then the client span is the step's child", async () => {
    const tracer = trace.getTracer('test');
    const requestSpan = tracer.startSpan('request');
    const otherSpan = tracer.startSpan('elsewhere');
    const requestStep = openStep({ requestId: 'req-parent', trace: trace.setSpan(ROOT_CONTEXT, requestSpan) }, 1_000);

    await context.with(trace.setSpan(ROOT_CONTEXT, otherSpan), () => client().call(GET, requestStep, okBody));

    const [clientSpan] = spans.getFinishedSpans();
    expect(clientSpan?.parentSpanContext?.spanId).toBe(requestSpan.spanContext().spanId);
    expect(clientSpan?.spanContext().traceId).toBe(requestSpan.spanContext().traceId);
    requestSpan.end();
    otherSpan.end();
  });

  it('when the step deadline has passed, then the call fails as a timeout without an attempt', async () => {
    await expect(client().call(GET, step(0), okBody)).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(upstream.requests).toHaveLength(0);
  });

  it("when the answer's error text repeats a configured secret, the call's own secret and one the answer carries, then none reach the detail", async () => {
    replies.push((_req, res) => sendJson(res, 400, { said: `key ${SECRET}, token call-token-1, token answer-token-2` }));
    const words = (body: string) => ({ text: (JSON.parse(body) as { said: string }).said, secrets: ['answer-token-2'] });

    const error = await failureOf(client({ errorWords: words }).call({ ...GET, secrets: ['call-token-1'] }, step(), okBody));

    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect((error as UpstreamRejectedError).detail).toBe('HTTP 400 after 1 attempt(s): key [redacted], token [redacted], token [redacted]');
  });

  it('when the upstream gives no words of its own, then the detail names only the status and attempts', async () => {
    replies.push((_req, res) => sendJson(res, 500, { said: SECRET }), (_req, res) => sendJson(res, 500, {}), (_req, res) => sendJson(res, 500, {}));

    const error = await failureOf(client().call(GET, step(), okBody));

    expect(error).toMatchObject({ constructor: UpstreamUnavailableError, detail: 'HTTP 500 after 3 attempt(s)', retryAfterSeconds: 2 });
  });

  it('when the upstream fails and the breaker opens, then the next call is turned away without an attempt and counted', async () => {
    let turnedAway = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 1, resetMs: 30_000 });
    const guarded = client({ breaker: { breaker, onTurnedAway: () => void (turnedAway += 1) } });
    replies.push((_req, res) => sendJson(res, 503, {}), (_req, res) => sendJson(res, 503, {}), (_req, res) => sendJson(res, 503, {}));
    await expect(guarded.call(GET, step(), okBody)).rejects.toBeInstanceOf(UpstreamUnavailableError);

    const error = await failureOf(guarded.call(GET, step(1_000, 'req-turned-away'), okBody));

    expect(error).toMatchObject({ constructor: UpstreamUnavailableError, detail: 'circuit breaker open', retryAfterSeconds: 30 });
    expect(upstream.requests).toHaveLength(3);
    expect(turnedAway).toBe(1);
    expect(logs.some((line) => line.includes('circuit open') && line.includes('req-turned-away'))).toBe(true);
  });

  it("when the adapter's reading throws a rejection, then the breaker counts it as neutral, not as a failure", async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, resetMs: 30_000 });
    const guarded = client({ breaker: { breaker, onTurnedAway: () => undefined } });
    const reject = () => {
      throw new UpstreamRejectedError('primer', 'not what we wanted');
    };

    await expect(guarded.call(GET, step(), reject)).rejects.toBeInstanceOf(UpstreamRejectedError);

    await expect(guarded.call(GET, step(), okBody)).resolves.toBe('{"ok":true}');
  });
});

describe('the connection bound', () => {
  it('when every connection is busy, then a call waits for one within its budget and then times out, never opening another', async () => {
    replies.push((req, res) => afterDelay(res, 800, () => sendJson(res, 200, { slow: req.url })));
    const bounded = client({ maxConnections: 1 });
    const slow = bounded.call(GET, step(2_000), okBody);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();

    const error = await failureOf(bounded.call({ ...GET, policy: { ...POLICY, maxRetries: 0 } }, step(300), okBody));

    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(Date.now() - started).toBeLessThan(700);
    await expect(slow).resolves.toContain('slow');
    expect(upstream.connections()).toBe(1);
    expect(upstream.requests).toHaveLength(1);
  });

  it('when a connection frees up within the budget, then the waiting call goes out on it and succeeds', async () => {
    replies.push((_req, res) => afterDelay(res, 200, () => sendJson(res, 200, { first: true })));
    const bounded = client({ maxConnections: 1 });

    const [first, second] = await Promise.all([bounded.call(GET, step(2_000), okBody), bounded.call(GET, step(2_000), okBody)]);

    expect(first).toContain('first');
    expect(second).toBe('{"ok":true}');
    expect(upstream.connections()).toBe(1);
  });
});
