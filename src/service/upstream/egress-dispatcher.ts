import { EnvHttpProxyAgent, Pool, type Dispatcher } from 'undici';

// The attempt's own timer bounds the whole exchange, so undici's idle timers (300 s each) are not needed.
const POOL_OPTIONS = { headersTimeout: 0, bodyTimeout: 0 } as const;

// Keep-alive connections to one upstream: a pool straight to its origin, or through the egress proxy the environment
// names (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, lower case first, as curl reads them).
export function egressDispatcher(origin: string): Dispatcher {
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
