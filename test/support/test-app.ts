import type { Express } from 'express';
import { DEMO_CARTS } from '../../src/demo/orders/demo-carts';
import { InMemoryOrderService } from '../../src/demo/orders/in-memory-order-service';
import { composeApp } from '../../src/service/compose-app';
import { loadConfig, type Config } from '../../src/service/config';
import { createLogger } from '../../src/service/logger';

export const TEST_API_KEY = 'sk_test_primer_key_4f3c2a1b9e8d7c6b';

export interface TestApp {
  app: Express;
  config: Config;
  // Every JSON line the app logged, as written.
  logs: string[];
}

// The real composition (config → adapters → app), fed a test environment instead of process.env.
export function buildTestApp(env: Record<string, string>): TestApp {
  const config = loadConfig({ PRIMER_API_KEY: TEST_API_KEY, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'debug', ...env });
  const logs: string[] = [];
  const logger = createLogger(config.logLevel, { write: (line: string) => void logs.push(line) });
  const { app } = composeApp(config, logger, {
    primer: { apiUrl: config.primer.apiUrl, apiKey: config.primer.apiKey ?? '' },
    // As main.ts does: without ORDER_SERVICE_URL, the built-in demo carts.
    orders: new InMemoryOrderService(DEMO_CARTS),
  });
  return { app, config, logs };
}
