import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const RULE = '@typescript-eslint/no-restricted-imports';

interface Fixture {
  filePath: string;
  code: string;
}

interface Verdict {
  ruleId: string | null;
  message: string;
}

// One child process lints every fixture with the real config, so each `it` reads its own verdicts.
const FIXTURES = {
  serviceImportsDemo: { filePath: 'src/service/checkout/uses-demo.ts', code: "import { DEMO_CARTS } from '../../demo/orders/demo-carts';\nexport const carts = DEMO_CARTS;\n" },
  serviceRootImportsDemo: { filePath: 'src/service/app-extra.ts', code: "import { startDemoWorld } from '../demo/start-demo-world';\nexport const start = startDemoWorld;\n" },
  mainImportsDemoLazily: { filePath: 'src/main.ts', code: "export async function demo() {\n  return import('./demo/start-demo-world.js');\n}\n" },
  useCaseImportsAxios: { filePath: 'src/service/checkout/uses-axios.ts', code: "import axios from 'axios';\nexport const client = axios.create();\n" },
  useCaseImportsAxiosType: { filePath: 'src/service/checkout/uses-axios-type.ts', code: "import type { AxiosInstance } from 'axios';\nexport type Client = AxiosInstance;\n" },
  routeImportsUndici: { filePath: 'src/service/routes/uses-undici.ts', code: "import { request } from 'undici';\nexport const send = request;\n" },
  demoImportsAxios: { filePath: 'src/demo/emulator/uses-axios.ts', code: "import axios from 'axios';\nexport const client = axios.create();\n" },
  upstreamImportsAxios: { filePath: 'src/service/upstream/another-attempt.ts', code: "import axios from 'axios';\nexport const client = axios.create();\n" },
  orderAdapterImportsAxios: { filePath: 'src/service/orders/http-order-service.ts', code: "import axios from 'axios';\nexport const client = axios.create();\n" },
  primerAdapterImportsAxios: { filePath: 'src/service/primer/http-primer-sessions.ts', code: "import axios from 'axios';\nexport const client = axios.create();\n" },
  paymentsAdapterImportsUndici: { filePath: 'src/service/primer/http-primer-payments.ts', code: "import { request } from 'undici';\nexport const send = request;\n" },
  tokenCacheImportsExpress: { filePath: 'src/service/token-cache/uses-express.ts', code: "import { Router } from 'express';\nexport const router = Router();\n" },
  adapterImportsExpress: { filePath: 'src/service/upstream/uses-express.ts', code: "import express from 'express';\nexport const app = express();\n" },
  useCaseImportsExpressTypes: { filePath: 'src/service/checkout/uses-express-types.ts', code: "import type { Request } from 'express';\nexport type Incoming = Request;\n" },
  routeImportsExpress: { filePath: 'src/service/routes/another-route.ts', code: "import { Router } from 'express';\nexport const router = Router();\n" },
  httpImportsExpress: { filePath: 'src/service/http/another-middleware.ts', code: "import express from 'express';\nexport const json = express.json();\n" },
  appImportsExpress: { filePath: 'src/service/app.ts', code: "import express from 'express';\nexport const app = express();\n" },
  demoImportsExpress: { filePath: 'src/demo/page/another-page.ts', code: "import express from 'express';\nexport const app = express();\n" },
  useCaseImportsRoutes: { filePath: 'src/service/checkout/uses-routes.ts', code: "import { healthRoutes } from '../routes/health';\nexport const used = healthRoutes;\n" },
  useCaseImportsHttp: { filePath: 'src/service/payments/uses-http.ts', code: "import { sendProblem } from '../http/problem';\nexport const used = sendProblem;\n" },
  payloadBuilderImportsApp: { filePath: 'src/service/checkout/client-session/uses-app.ts', code: "import { createApp } from '../../app';\nexport const used = createApp;\n" },
  useCaseImportsComposeApp: { filePath: 'src/service/payments/uses-compose-app.ts', code: "import { composeApp } from '../compose-app';\nexport const used = composeApp;\n" },
  useCaseImportsRedis: { filePath: 'src/service/checkout/uses-redis.ts', code: "import { RedisTokenCache } from '../redis/redis-token-cache';\nexport const used = RedisTokenCache;\n" },
  useCaseImportsPrimerAdapter: { filePath: 'src/service/checkout/uses-primer-adapter.ts', code: "import { HttpPrimerSessions } from '../primer/http-primer-sessions';\nexport const used = HttpPrimerSessions;\n" },
  routeImportsRedis: { filePath: 'src/service/routes/uses-redis.ts', code: "import { RedisGuard } from '../redis/redis-guard';\nexport const used = RedisGuard;\n" },
  httpImportsComposeApp: { filePath: 'src/service/http/uses-compose-app.ts', code: "import { composeApp } from '../compose-app';\nexport const used = composeApp;\n" },
  portImportsItsAdapter: { filePath: 'src/service/orders/order-service.ts', code: "import { HttpOrderService } from './http-order-service';\nexport const used = HttpOrderService;\n" },
  tokenCacheImportsRoutes: { filePath: 'src/service/token-cache/uses-routes.ts', code: "import { healthRoutes } from '../routes/health';\nexport const used = healthRoutes;\n" },
  adapterImportsWeb: { filePath: 'src/service/redis/uses-http.ts', code: "import { rateLimitPerClient } from '../http/rate-limit';\nexport const used = rateLimitPerClient;\n" },
  adapterImportsComposeApp: { filePath: 'src/service/primer/http-primer-sessions.ts', code: "import { composeApp } from '../compose-app';\nexport const used = composeApp;\n" },
  upstreamImportsCheckout: { filePath: 'src/service/upstream/uses-checkout.ts', code: "import { CheckoutSessions } from '../checkout/checkout-sessions';\nexport const used = CheckoutSessions;\n" },
  upstreamImportsPayments: { filePath: 'src/service/upstream/uses-payments.ts', code: "import { PaymentForwarder } from '../payments/payment-forwarder';\nexport const used = PaymentForwarder;\n" },
  upstreamImportsRoutes: { filePath: 'src/service/upstream/uses-routes.ts', code: "import { healthRoutes } from '../routes/health';\nexport const used = healthRoutes;\n" },
  upstreamImportsHttp: { filePath: 'src/service/upstream/uses-http.ts', code: "import { sendProblem } from '../http/problem';\nexport const used = sendProblem;\n" },
  metricsImportCheckout: { filePath: 'src/service/observability/metrics/metrics.ts', code: "import { CheckoutSessions } from '../../checkout/checkout-sessions';\nexport const used = CheckoutSessions;\n" },
  requestMetricsImportHttp: { filePath: 'src/service/observability/requests/request-metrics.ts', code: "import { requestId } from '../../http/request-id';\nexport const used = requestId;\n" },
  tracingImportsPrimer: { filePath: 'src/service/observability/tracing/start-tracing.ts', code: "import { HttpPrimerSessions } from '../../primer/http-primer-sessions';\nexport const used = HttpPrimerSessions;\n" },
  requestLogImportsExpress: { filePath: 'src/service/observability/requests/request-log.ts', code: "import express from 'express';\nexport const json = express.json();\n" },
  requestsImportObservability: { filePath: 'src/service/observability/requests/uses-observability.ts', code: "import type { Request } from 'express';\nimport { Metrics } from '../metrics/metrics';\nimport { traceInFlight } from '../tracing/traces-in-flight';\nimport { createLogger } from '../logger';\nexport const used = [Metrics, traceInFlight, createLogger];\nexport type Incoming = Request;\n" },
  lifecycleImportsRoutes: { filePath: 'src/service/lifecycle/readiness.ts', code: "import { healthRoutes } from '../routes/health';\nexport const used = healthRoutes;\n" },
  loggerImportsRedis: { filePath: 'src/service/observability/logger.ts', code: "import { RedisGuard } from '../redis/redis-guard';\nexport const used = RedisGuard;\n" },
  composeAppImportsAdapters: { filePath: 'src/service/compose-app.ts', code: "import { redisSharedState } from './redis/redis-shared-state';\nexport const used = redisSharedState;\n" },
  composeAppImportsPrimerAdapter: { filePath: 'src/service/compose-app.ts', code: "import { HttpPrimerSessions } from './primer/http-primer-sessions';\nexport const used = HttpPrimerSessions;\n" },
  routeImportsUseCase: { filePath: 'src/service/routes/uses-checkout.ts', code: "import { CheckoutSessions } from '../checkout/checkout-sessions';\nexport const used = CheckoutSessions;\n" },
  useCaseImportsPort: { filePath: 'src/service/checkout/uses-token-cache.ts', code: "import { tokenCacheKey } from '../token-cache/token-cache';\nexport const used = tokenCacheKey;\n" },
  useCaseImportsLifecycle: { filePath: 'src/service/payments/uses-lifecycle.ts', code: "import { Readiness } from '../lifecycle/readiness';\nexport const used = Readiness;\n" },
  useCaseImportsMetrics: { filePath: 'src/service/checkout/uses-metrics.ts', code: "import { Metrics } from '../observability/metrics/metrics';\nexport const used = Metrics;\n" },
  appImportsRequestLog: { filePath: 'src/service/app.ts', code: "import { requestLog } from './observability/requests/request-log';\nexport const used = requestLog;\n" },
  adapterImportsPort: { filePath: 'src/service/redis/uses-payment-record.ts', code: "import { PAYMENT_RECORD_TTL_MS } from '../payments/payment-record';\nexport const used = PAYMENT_RECORD_TTL_MS;\n" },
  adapterImportsUpstream: { filePath: 'src/service/orders/http-another-adapter.ts', code: "import { UpstreamClient } from '../upstream/upstream-client';\nexport const used = UpstreamClient;\n" },
  upstreamImportsLogger: { filePath: 'src/service/upstream/uses-logger.ts', code: "import { createLogger } from '../observability/logger';\nexport const used = createLogger;\n" },
} satisfies Record<string, Fixture>;

type Name = keyof typeof FIXTURES;

function lintAll(): Record<Name, Verdict[]> {
  const names = Object.keys(FIXTURES) as Name[];
  const script = path.join(__dirname, 'support', 'lint-sources.mjs');
  const output = execFileSync(process.execPath, [script, ROOT, JSON.stringify(names.map((name) => FIXTURES[name]))], { cwd: ROOT, encoding: 'utf8' });
  const verdicts = JSON.parse(output) as Verdict[][];
  return Object.fromEntries(names.map((name, index) => [name, verdicts[index] ?? []])) as Record<Name, Verdict[]>;
}

let verdicts: Record<Name, Verdict[]>;

beforeAll(() => {
  verdicts = lintAll();
}, 60_000);

const boundaryMessages = (name: Name) => verdicts[name].filter((verdict) => verdict.ruleId === RULE).map((verdict) => verdict.message);

describe('import boundaries (eslint.config.mjs)', () => {
  it('when src/service imports the demo wing statically, then lint fails', () => {
    expect(boundaryMessages('serviceImportsDemo')).toEqual([expect.stringContaining('must not import the demo wing')]);
    expect(boundaryMessages('serviceRootImportsDemo')).toEqual([expect.stringContaining('must not import the demo wing')]);
  });

  it("when main.ts imports the demo wing with a dynamic import, then lint passes: that is the one seam", () => {
    expect(verdicts.mainImportsDemoLazily).toEqual([]);
  });

  it('when code outside the outbound call path imports axios or undici, even its types, then lint fails', () => {
    for (const name of ['useCaseImportsAxios', 'useCaseImportsAxiosType', 'routeImportsUndici', 'demoImportsAxios', 'orderAdapterImportsAxios', 'primerAdapterImportsAxios', 'paymentsAdapterImportsUndici'] as const) {
      expect({ name, messages: boundaryMessages(name) }).toEqual({ name, messages: [expect.stringContaining('Only the outbound call path')] });
    }
  });

  it('when the outbound call path (upstream/) imports axios, then lint passes', () => {
    expect(verdicts.upstreamImportsAxios).toEqual([]);
  });

  it("when observability's per-request pieces import its logger, metrics and tracing, and express types, then lint passes: its folder names are no layer's", () => {
    expect(verdicts.requestsImportObservability).toEqual([]);
  });

  it('when src/service outside app.ts, http/ and routes/ imports an express value, then lint fails', () => {
    expect(boundaryMessages('tokenCacheImportsExpress')).toEqual([expect.stringContaining('use express values')]);
    expect(boundaryMessages('adapterImportsExpress')).toEqual([expect.stringContaining('use express values')]);
    expect(boundaryMessages('requestLogImportsExpress')).toEqual([expect.stringContaining('use express values')]);
  });

  it('when the web layer imports express values, or other service code imports only its types, then lint passes', () => {
    for (const name of ['useCaseImportsExpressTypes', 'routeImportsExpress', 'httpImportsExpress', 'appImportsExpress', 'demoImportsExpress'] as const) {
      expect({ name, verdicts: verdicts[name] }).toEqual({ name, verdicts: [] });
    }
  });

  it('when a use case (checkout/, payments/) or a port (token-cache/) imports the web layer, then lint fails: imports point from web to use cases', () => {
    for (const name of ['useCaseImportsRoutes', 'useCaseImportsHttp', 'payloadBuilderImportsApp', 'tokenCacheImportsRoutes'] as const) {
      expect({ name, messages: boundaryMessages(name) }).toEqual({ name, messages: [expect.stringContaining('imports point from web to use cases')] });
    }
  });

  it('when anything but compose-app.ts imports an adapter (redis/, primer/http-*, orders/http-*), then lint fails', () => {
    for (const name of ['useCaseImportsRedis', 'useCaseImportsPrimerAdapter', 'routeImportsRedis', 'portImportsItsAdapter'] as const) {
      expect({ name, messages: boundaryMessages(name) }).toEqual({ name, messages: [expect.stringContaining('Only compose-app.ts wires the adapters')] });
    }
  });

  it('when a use case, the web layer or an adapter imports compose-app.ts, then lint fails', () => {
    for (const name of ['useCaseImportsComposeApp', 'httpImportsComposeApp', 'adapterImportsComposeApp'] as const) {
      expect({ name, messages: boundaryMessages(name) }).toEqual({ name, messages: [expect.stringContaining('compose-app.ts and main.ts wire the service')] });
    }
  });

  it('when an adapter or the outbound call path imports the web layer, then lint fails', () => {
    for (const name of ['adapterImportsWeb', 'upstreamImportsRoutes', 'upstreamImportsHttp'] as const) {
      expect({ name, messages: boundaryMessages(name) }).toEqual({ name, messages: [expect.stringContaining('imports point from web to use cases')] });
    }
  });

  it('when the outbound call path (upstream/) imports a domain, then lint fails', () => {
    for (const name of ['upstreamImportsCheckout', 'upstreamImportsPayments'] as const) {
      expect({ name, messages: boundaryMessages(name) }).toEqual({ name, messages: [expect.stringContaining('knows no domain')] });
    }
  });

  it('when observability (logger, metrics, tracing, the per-request pieces) or lifecycle imports a domain or the web layer, then lint fails', () => {
    for (const name of ['metricsImportCheckout', 'requestMetricsImportHttp', 'tracingImportsPrimer', 'lifecycleImportsRoutes', 'loggerImportsRedis'] as const) {
      expect({ name, messages: boundaryMessages(name) }).toEqual({ name, messages: [expect.stringContaining('import no domain')] });
    }
  });

  it('when imports point one way (compose-app.ts wiring adapters, routes calling use cases, use cases calling ports, observability, lifecycle), then lint passes', () => {
    for (const name of ['composeAppImportsAdapters', 'composeAppImportsPrimerAdapter', 'routeImportsUseCase', 'useCaseImportsPort', 'useCaseImportsLifecycle', 'useCaseImportsMetrics', 'appImportsRequestLog', 'adapterImportsPort', 'adapterImportsUpstream', 'upstreamImportsLogger'] as const) {
      expect({ name, verdicts: verdicts[name] }).toEqual({ name, verdicts: [] });
    }
  });
});
