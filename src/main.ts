import 'dotenv/config';
import { CheckoutSessions } from './checkout/checkout-sessions';
import { ConfigError, loadConfig, type Config } from './config';
import { createApp } from './app';
import { startEmulator } from './emulator/start-emulator';
import { installGracefulShutdown } from './graceful-shutdown';
import { createLogger, type Logger } from './logger';
import { DEMO_CARTS } from './orders/demo-carts';
import { HttpOrderService } from './orders/http-order-service';
import { InMemoryOrderService } from './orders/in-memory-order-service';
import type { OrderService } from './orders/order-service';
import { CircuitBreaker } from './primer/circuit-breaker';
import { GuardedPrimerSessions } from './primer/guarded-primer-sessions';
import { HttpPrimerSessions } from './primer/http-primer-sessions';
import { Readiness } from './routes/health';
import { DisabledSessionStore } from './sessions/disabled-session-store';
import { InMemorySessionStore } from './sessions/in-memory-session-store';

// The composition root: config → logger → adapters → app → listen → shutdown.
async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const primer = await primerEndpoint(config, logger);
  const orders: OrderService = config.orders.url
    ? new HttpOrderService({ baseUrl: config.orders.url, timeoutMs: config.orders.timeoutMs, logger })
    : new InMemoryOrderService(DEMO_CARTS);
  if (!config.orders.url) logger.warn('ORDER_SERVICE_URL unset: serving the built-in demo carts');

  const breaker = new CircuitBreaker({
    failureThreshold: config.primer.breakerFailures,
    resetMs: config.primer.breakerResetMs,
    onStateChange: (from, to) => logger.warn({ upstream: 'primer', from, to }, 'circuit breaker state changed'),
  });
  const checkout = new CheckoutSessions({
    orders,
    primer: new GuardedPrimerSessions(
      new HttpPrimerSessions({ ...config.primer, apiUrl: primer.url, apiKey: primer.apiKey, logger }),
      breaker,
      logger,
    ),
    sessions:
      config.sessionReuseMinTtlS === 0 ? new DisabledSessionStore() : new InMemorySessionStore({ minTtlMs: config.sessionReuseMinTtlS * 1000 }),
    primerApiVersion: config.primer.apiVersion,
    logger,
  });

  const readiness = new Readiness();
  const app = createApp({
    checkout,
    logger,
    readiness,
    trustProxy: config.trustProxy,
    demoCarts: config.demoPage ? DEMO_CARTS : undefined,
  });
  const server = app.listen(config.port, config.host, () => {
    logger.info({ host: config.host, port: config.port, demoMode: config.demoMode, primerApiVersion: config.primer.apiVersion }, 'listening');
  });
  installGracefulShutdown({ server, readiness, logger, timeoutMs: config.shutdownTimeoutMs, cleanup: primer.close, exit: (code) => process.exit(code) });
}

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.problems.map((problem) => `config: ${problem}`).join('\n')}\n`);
    process.exit(1);
  }
}

// Demo mode talks to the emulator on a loopback port; production never starts it.
async function primerEndpoint(config: Config, logger: Logger): Promise<{ url: string; apiKey: string; close: () => Promise<void> }> {
  if (!config.demoMode) return { url: config.primer.apiUrl, apiKey: config.primer.apiKey ?? '', close: async () => {} };
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  logger.warn({ emulatorUrl: emulator.url }, 'demo mode: PRIMER_API_KEY unset, client tokens come from the built-in Primer emulator and are not real');
  return { url: emulator.url, apiKey: 'demo', close: () => emulator.close() };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
