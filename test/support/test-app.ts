import type { Express } from 'express';
import { DEMO_CARTS } from '../../src/demo/orders/demo-carts';
import { InMemoryOrderService } from '../../src/demo/orders/in-memory-order-service';
import { composeApp } from '../../src/service/compose-app';
import { loadConfig, type Config } from '../../src/service/config';
import { createLogger } from '../../src/service/observability/logger';

export const TEST_API_KEY = 'sk_test_primer_key_4f3c2a1b9e8d7c6b';

export interface TestApp {
  app: Express;
  // The METRICS_PORT listener's app: read /metrics from it with scrapeMetrics (test/support/scrape-metrics.ts).
  metricsApp: Express;
  config: Config;
  // Every JSON line the app logged, as written.
  logs: string[];
}

// The real composition (config → adapters → app), fed a test environment instead of process.env.
export function buildTestApp(env: Record<string, string>): TestApp {
  // DEMO_CARTS: a key with the built-in carts is refused unless asked for (README.md, "Configuration").
  const config = loadConfig({ PRIMER_API_KEY: TEST_API_KEY, DEMO_CARTS: 'true', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'debug', ...env });
  const logs: string[] = [];
  const logger = createLogger(config.logLevel, { write: (line: string) => void logs.push(line) });
  // As the demo world does without ORDER_SERVICE_URL: the built-in demo carts.
  const { app, metricsApp } = composeApp(config, logger, { orders: new InMemoryOrderService(DEMO_CARTS) });
  return { app, metricsApp, config, logs };
}
