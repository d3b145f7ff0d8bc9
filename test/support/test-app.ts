import type { Express } from 'express';
import { composeApp } from '../../src/compose-app';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';

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
  const { app } = composeApp(config, logger, { apiUrl: config.primer.apiUrl, apiKey: config.primer.apiKey ?? '' });
  return { app, config, logs };
}
