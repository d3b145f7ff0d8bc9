import { CanceledError } from 'axios';
import { createUpstreamHttpClient, sendAttempt } from '../../../src/service/upstream/http-attempt';
import { neverAnswer, refusingUrl, resetMidResponse, sendJson, startFakeServer, trickle, type FakeHandler, type FakeServer } from '../../support/fake-http-server';

let server: FakeServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: FakeHandler): Promise<FakeServer> {
  server = await startFakeServer(handler);
  return server;
}

describe('sendAttempt on the undici adapter', () => {
  it('when the upstream answers, then the fixed headers, the per-request headers and the JSON body arrive under the base path', async () => {
    const upstream = await serve((_req, res) => sendJson(res, 201, { ok: true }, { 'Retry-After': '3' }));
    const client = createUpstreamHttpClient(`${upstream.url}/api/`, { 'X-Api-Key': 'key-1', 'Content-Type': 'application/json' }, 10);

    const result = await sendAttempt(client, { method: 'POST', path: '/client-session', headers: { 'X-Request-Id': 'req-1' }, body: { amount: 100 }, timeoutMs: 2_000 });

    expect(result).toMatchObject({ kind: 'response', status: 201, body: '{"ok":true}', headers: { 'retry-after': '3' } });
    expect(upstream.requests[0]).toMatchObject({
      method: 'POST',
      url: '/api/client-session',
      body: '{"amount":100}',
      headers: { 'x-api-key': 'key-1', 'x-request-id': 'req-1', 'content-type': 'application/json', 'accept-encoding': 'gzip, deflate, br' },
    });
  });

  it('when the client is made, then it carries only the defaults these calls use: axios merges every key on every request', () => {
    const client = createUpstreamHttpClient('http://127.0.0.1:1', { 'X-Api-Key': 'key-1' }, 10);

    expect(Object.keys(client.defaults).sort()).toEqual(['adapter', 'headers', 'maxContentLength']);
    expect(Object.keys(client.defaults.headers).sort()).toEqual(['Accept-Encoding', 'User-Agent', 'X-Api-Key']);
  });

  it('when two attempts go one after the other, then they share one keep-alive connection', async () => {
    const upstream = await serve((_req, res) => sendJson(res, 200, {}));
    const client = createUpstreamHttpClient(upstream.url, {}, 10);

    await sendAttempt(client, { method: 'GET', path: '/a', headers: {}, timeoutMs: 2_000 });
    // undici hands the socket back to its pool a tick after the body's end.
    await new Promise((resolve) => setImmediate(resolve));
    await sendAttempt(client, { method: 'GET', path: '/b', headers: {}, timeoutMs: 2_000 });

    expect(upstream.connections()).toBe(1);
  });

  it('when the body trickles past the budget, then the attempt ends as a timeout at the budget, not at the last byte', async () => {
    const upstream = await serve((_req, res) => trickle(res, '{"clientToken":"slow"}', 50));
    const started = Date.now();

    const result = await sendAttempt(createUpstreamHttpClient(upstream.url, {}, 10), { method: 'GET', path: '/slow', headers: {}, timeoutMs: 300 });

    expect(result).toEqual({ kind: 'timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(800);
  });

  it('when no answer comes, then the attempt ends as a timeout', async () => {
    const upstream = await serve(neverAnswer);

    expect(await sendAttempt(createUpstreamHttpClient(upstream.url, {}, 10), { method: 'GET', path: '/', headers: {}, timeoutMs: 200 })).toEqual({ kind: 'timeout' });
  });

  it('when the connection is refused, then it is a connection error naming ECONNREFUSED', async () => {
    const url = await refusingUrl();

    expect(await sendAttempt(createUpstreamHttpClient(url, {}, 10), { method: 'GET', path: '/', headers: {}, timeoutMs: 1_000 })).toEqual({
      kind: 'connection-error',
      detail: 'ECONNREFUSED',
    });
  });

  it('when the connection drops mid-body, then it is a connection error (worth a retry), not an unreadable body', async () => {
    const upstream = await serve((_req, res) => resetMidResponse(res, '{"clientToken":"cut-short"}'));

    const result = await sendAttempt(createUpstreamHttpClient(upstream.url, {}, 10), { method: 'GET', path: '/', headers: {}, timeoutMs: 1_000 });

    expect(result.kind).toBe('connection-error');
  });

  it("when axios's signal is aborted mid-flight, then the request rejects as canceled", async () => {
    const upstream = await serve(neverAnswer);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);

    await expect(createUpstreamHttpClient(upstream.url, {}, 10).get('/', { signal: controller.signal })).rejects.toBeInstanceOf(CanceledError);
  });

  it('when asked for an absolute URL or params, then the adapter refuses instead of sending elsewhere', async () => {
    const upstream = await serve((_req, res) => sendJson(res, 200, {}));
    const client = createUpstreamHttpClient(upstream.url, {}, 10);

    await expect(client.get('http://elsewhere.invalid/x')).rejects.toMatchObject({ code: 'ERR_NOT_SUPPORT' });
    await expect(client.get('/x', { params: { a: 1 } })).rejects.toMatchObject({ code: 'ERR_NOT_SUPPORT' });
    expect(upstream.requests).toEqual([]);
  });
});
