import { createUpstreamHttpClient, sendAttempt } from '../../../src/service/upstream/http-attempt';
import { sendJson, startFakeServer, type FakeServer } from '../../support/fake-http-server';
import { startForwardProxy, type ForwardProxy } from '../../support/forward-proxy';

let upstream: FakeServer;
let proxy: ForwardProxy;
// The variables the transport reads when each client is made; jest gives every test file its own process.env.
const PROXY_VARIABLES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'];

beforeEach(async () => {
  for (const name of PROXY_VARIABLES) delete process.env[name];
  upstream = await startFakeServer((_req, res) => sendJson(res, 200, { id: 'cart-1' }));
  proxy = await startForwardProxy();
});

afterEach(async () => {
  await upstream.close();
  await proxy.close();
});

function getCart(baseUrl: string, env: Record<string, string>) {
  Object.assign(process.env, env);
  return sendAttempt(createUpstreamHttpClient(baseUrl, { Accept: 'application/json' }, 10), { method: 'GET', path: '/carts/cart-1', headers: { 'X-Request-Id': 'req-proxy-1' }, timeoutMs: 2_000 });
}

describe('egress proxy', () => {
  it('when HTTP_PROXY is set, then the call goes through the proxy and its answer comes back', async () => {
    const result = await getCart(upstream.url, { HTTP_PROXY: proxy.url });

    expect(result).toMatchObject({ kind: 'response', status: 200, body: '{"id":"cart-1"}' });
    expect(proxy.carried.join('\n')).toContain(`127.0.0.1:${upstream.port}`);
    expect(upstream.requests[0]).toMatchObject({ url: '/carts/cart-1', headers: { 'x-request-id': 'req-proxy-1', accept: 'application/json' } });
  });

  it('when the lower-case http_proxy is set, then it is honoured too', async () => {
    await getCart(upstream.url, { http_proxy: proxy.url });

    expect(proxy.carried).toHaveLength(1);
  });

  it('when NO_PROXY names the upstream host, then the call goes straight to it', async () => {
    const result = await getCart(upstream.url, { HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' });

    expect(result).toMatchObject({ kind: 'response', status: 200 });
    expect(proxy.carried).toEqual([]);
  });

  it('when HTTPS_PROXY is set, then an https upstream is reached by a CONNECT tunnel through it', async () => {
    // Nothing answers TLS on the far side: the proxy's record shows where the tunnel was asked to go.
    const result = await getCart('https://primer.invalid', { HTTPS_PROXY: proxy.url });

    expect(result.kind).toBe('connection-error');
    expect(proxy.carried).toEqual(['CONNECT primer.invalid:443']);
  });

  it('when no proxy is set, then the proxy sees nothing', async () => {
    await getCart(upstream.url, {});

    expect(proxy.carried).toEqual([]);
    expect(upstream.requests).toHaveLength(1);
  });
});
