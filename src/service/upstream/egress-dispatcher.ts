import { EnvHttpProxyAgent, Pool, type Dispatcher } from 'undici';

// Keep-alive connections to one upstream, at most `connections` of them: a pool straight to its origin, or through the
// egress proxy the environment names (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, lower case first, as curl reads them).
// A request that finds every connection busy waits in undici's queue until its attempt's timer ends it.
export function egressDispatcher(origin: string, connections: number): Dispatcher {
  // The attempt's own timer bounds the whole exchange, so undici's idle timers (300 s each) are not needed.
  const POOL_OPTIONS = { headersTimeout: 0, bodyTimeout: 0, connections };
  const { env } = process;
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY;
  const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY;
  if (!httpProxy && !httpsProxy) return new Pool(origin, POOL_OPTIONS);
  // noProxy is passed even when empty so the agent does not reread the environment on every request.
  return new EnvHttpProxyAgent({
    ...POOL_OPTIONS,
    ...(httpProxy ? { httpProxy } : {}),
    ...(httpsProxy ? { httpsProxy } : {}),
    noProxy: env.no_proxy ?? env.NO_PROXY ?? '',
  });
}
