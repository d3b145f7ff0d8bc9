import path from 'node:path';
import type { ServerSpec } from './server-process';
import type { UpstreamsProcess } from './upstreams-process';

// build/bench/harness → the repository root, where dist/ holds the built service.
export const ROOT = path.resolve(__dirname, '..', '..', '..');

// The service as production runs it (NODE_ENV=production, real adapters), pointed at the fakes; rate limit off.
export function serviceSpec(upstreams: UpstreamsProcess, script: string, logLevel: string, nodeArgs: readonly string[] = []): ServerSpec {
  return {
    name: 'service',
    script: path.resolve(ROOT, script),
    nodeArgs,
    env: {
      PRIMER_API_URL: upstreams.primerUrl,
      ORDER_SERVICE_URL: upstreams.ordersUrl,
      PRIMER_API_KEY: 'bench-key',
      NODE_ENV: 'production',
      RATE_LIMIT_PER_MINUTE: '0',
      // Any free port: the default 9464 may be taken by another service on this machine.
      METRICS_PORT: '0',
      LOG_LEVEL: logLevel,
    },
  };
}
