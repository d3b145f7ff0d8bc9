import { openCheckoutSession, requestCheckoutSession } from '../../src/browser/checkout-session-client';
import { automaticRetryDelayMs } from '../../src/browser/service-call';
import { CheckoutSessionError, parseRetryAfterSeconds, type CheckoutSessionErrorCode } from '../../src/browser/service-error';
import { failure } from './support/service-failure';
import { problem, session, startScriptedServer, type ScriptedAnswer, type ScriptedServer } from './support/scripted-server';

const HOUR_MS = 3600 * 1000;
let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(...answers: ScriptedAnswer[]): Promise<ScriptedServer> {
  server = await startScriptedServer(answers);
  return server;
}

function proxyPage(status: number): ScriptedAnswer {
  return { status, headers: { 'Content-Type': 'text/html' }, body: `<html><body><h1>${status}</h1></body></html>` };
}

describe('requestCheckoutSession against a real server', () => {
  it('posts the cart id as JSON and returns the token, its expiry and the request id', async () => {
    const expiresAt = new Date(Date.now() + 24 * HOUR_MS);
    const { url, seen } = await serve(session('tok-1', expiresAt));
    const result = await requestCheckoutSession('demo-gbp', { endpoint: url });
    expect(result.clientToken).toBe('tok-1');
    expect(result.expiresAt.toISOString()).toBe(expiresAt.toISOString());
    expect(result.requestId).toBe('req-ok');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ cartId: 'demo-gbp' });
  });

  it('counts the lifetime by the server Date header, not the browser clock', async () => {
    const serverNow = Date.now() - 2 * HOUR_MS;
    const { url } = await serve(session('tok-1', new Date(serverNow + HOUR_MS), { Date: new Date(serverNow).toUTCString() }));
    const result = await requestCheckoutSession('demo-gbp', { endpoint: url });
    expect(Math.abs(result.expiresInMs - HOUR_MS)).toBeLessThan(1000);
  });

  it('when the service answers a problem, then the error carries its code, status, detail and request id', async () => {
    const { url, seen } = await serve(problem(422, 'cart_not_payable'));
    const error = await failure(requestCheckoutSession('demo-empty', { endpoint: url }));
    expect(error).toMatchObject({ status: 422, code: 'cart_not_payable', detail: 'detail of cart_not_payable', requestId: 'req-cart_not_payable', retryAfterSeconds: null });
    expect(error.retryable).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it.each([400, 401, 404, 422])('never retries a %i', async (status) => {
    const { url, seen } = await serve(problem(status, 'invalid_request', { 'Retry-After': '1' }), session('never', new Date()));
    await failure(requestCheckoutSession('x', { endpoint: url }));
    expect(seen).toHaveLength(1);
  });

  it('when rate limited, then it does not retry and hands Retry-After to the caller', async () => {
    const { url, seen } = await serve(problem(429, 'rate_limited', { 'Retry-After': '7' }), session('never', new Date()));
    const error = await failure(requestCheckoutSession('demo-gbp', { endpoint: url }));
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 7 });
    expect(error.retryable).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('when the upstream is unavailable once, then it waits Retry-After and retries once', async () => {
    const expiresAt = new Date(Date.now() + HOUR_MS);
    const { url, seen } = await serve(problem(503, 'upstream_unavailable', { 'Retry-After': '1' }), session('tok-2', expiresAt));
    const result = await requestCheckoutSession('demo-gbp', { endpoint: url });
    expect(result.clientToken).toBe('tok-2');
    expect(seen).toHaveLength(2);
    expect((seen[1]?.at ?? 0) - (seen[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('when a 504 carries no Retry-After, then it still retries once after a second', async () => {
    const { url, seen } = await serve(problem(504, 'upstream_timeout'), session('tok-3', new Date(Date.now() + HOUR_MS)));
    await expect(requestCheckoutSession('demo-gbp', { endpoint: url })).resolves.toMatchObject({ clientToken: 'tok-3' });
    expect(seen).toHaveLength(2);
  });

  it('when the upstream stays unavailable, then it gives up after one retry with the last answer', async () => {
    const { url, seen } = await serve(problem(503, 'upstream_unavailable', { 'Retry-After': '1' }));
    const error = await failure(requestCheckoutSession('demo-gbp', { endpoint: url }));
    expect(error).toMatchObject({ status: 503, code: 'upstream_unavailable', retryAfterSeconds: 1 });
    expect(seen).toHaveLength(2);
  });

  it('when Retry-After is longer than it will wait, then it leaves the retry to the caller', async () => {
    const { url, seen } = await serve(problem(503, 'upstream_unavailable', { 'Retry-After': '30' }), session('never', new Date()));
    const error = await failure(requestCheckoutSession('demo-gbp', { endpoint: url }));
    expect(error.retryAfterSeconds).toBe(30);
    expect(seen).toHaveLength(1);
  });

  it('when the service does not answer in time, then it aborts with a timeout error', async () => {
    const { url } = await serve({ status: 200, hang: true });
    const started = Date.now();
    const error = await failure(requestCheckoutSession('demo-gbp', { endpoint: url, timeoutMs: 300 }));
    expect(error).toMatchObject({ status: 0, code: 'timeout' });
    expect(server?.seen).toHaveLength(1);
    expect(error.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('when a proxy keeps answering with HTML, then it is asked again once and the error still has the status', async () => {
    const { url, seen } = await serve(proxyPage(502));
    const error = await failure(requestCheckoutSession('demo-gbp', { endpoint: url }));
    expect(error).toMatchObject({ status: 502, code: 'http_502', requestId: null });
    expect(error.retryable).toBe(true);
    expect(seen).toHaveLength(2);
  });

  it.each([502, 503])('when a proxy answers %i once (a replica went away), then the one retry gets the token', async (status) => {
    const { url, seen } = await serve(proxyPage(status), session('tok-after-proxy', new Date(Date.now() + HOUR_MS)));
    await expect(requestCheckoutSession('demo-gbp', { endpoint: url })).resolves.toMatchObject({ clientToken: 'tok-after-proxy' });
    expect(seen).toHaveLength(2);
    expect((seen[1]?.at ?? 0) - (seen[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('when the service itself answers 502 upstream_error, then it is not retried: Primer refused, and would again', async () => {
    const { url, seen } = await serve(problem(502, 'upstream_error'), session('never', new Date()));
    const error = await failure(requestCheckoutSession('demo-gbp', { endpoint: url }));
    expect(error).toMatchObject({ status: 502, code: 'upstream_error' });
    expect(error.retryable).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it('when the connection is cut once without an answer, then the one retry gets the token', async () => {
    const { url, seen } = await serve({ status: 0, drop: true }, session('tok-after-drop', new Date(Date.now() + HOUR_MS)));
    await expect(requestCheckoutSession('demo-gbp', { endpoint: url })).resolves.toMatchObject({ clientToken: 'tok-after-drop' });
    expect(seen).toHaveLength(2);
  });

  it('when nothing listens, then after its one retry it is a network error', async () => {
    const { url } = await serve({ status: 200 });
    await server?.close();
    server = undefined;
    const error = await failure(requestCheckoutSession('demo-gbp', { endpoint: url }));
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });

  it('when a 200 carries no token, then it is an invalid response, not a crash', async () => {
    const { url } = await serve({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"clientToken":null}' });
    await expect(failure(requestCheckoutSession('demo-gbp', { endpoint: url }))).resolves.toMatchObject({ code: 'invalid_response' });
  });

  it('when calls for one cart overlap, then openCheckoutSession sends one request', async () => {
    const { url, seen } = await serve(session('tok-shared', new Date(Date.now() + HOUR_MS)));
    const [first, second] = await Promise.all([openCheckoutSession('demo-gbp', { endpoint: url }), openCheckoutSession('demo-gbp', { endpoint: url })]);
    expect(first.clientToken).toBe('tok-shared');
    expect(second).toBe(first);
    expect(seen).toHaveLength(1);
  });
});

describe('retry rules', () => {
  const error = (status: number, code: CheckoutSessionErrorCode, retryAfterSeconds: number | null = null) => new CheckoutSessionError(status, code, null, null, retryAfterSeconds);

  it.each([
    ['the service’s 503, after its Retry-After', error(503, 'upstream_unavailable', 2), 2000],
    ['the service’s 504, after a second', error(504, 'upstream_timeout'), 1000],
    ['no answer at all', error(0, 'network_error'), 1000],
    ['a proxy’s 502', error(502, 'http_502'), 1000],
    ['a proxy’s 503, after its Retry-After', error(503, 'http_503', 3), 3000],
  ])('when the first attempt meets %s, then it is retried', (_case, failed, delayMs) => {
    expect(automaticRetryDelayMs(failed, 1, 5000)).toBe(delayMs);
  });

  it.each([
    ['a second failure', error(503, 'upstream_unavailable', 2), 2],
    ['a Retry-After past the longest wait', error(503, 'upstream_unavailable', 6), 1],
    ['a 429', error(429, 'rate_limited', 1), 1],
    ['a 500', error(500, 'internal_error'), 1],
    ['the service’s own 502', error(502, 'upstream_error'), 1],
    ['a timeout', error(0, 'timeout'), 1],
    ['a 4xx from a proxy', error(404, 'http_404'), 1],
  ])('when an attempt meets %s, then it is not retried', (_case, failed, attempt) => {
    expect(automaticRetryDelayMs(failed, attempt, 5000)).toBeNull();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(parseRetryAfterSeconds('12', now)).toBe(12);
    expect(parseRetryAfterSeconds(' 0 ', now)).toBe(0);
    expect(parseRetryAfterSeconds('Wed, 25 Nov 2026 12:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfterSeconds('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterSeconds('soon', now)).toBeNull();
    expect(parseRetryAfterSeconds(null, now)).toBeNull();
  });
});
