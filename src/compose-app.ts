import type { Express } from 'express';
import { createApp } from './app';
import { CheckoutSessions } from './checkout/checkout-sessions';
import type { Config } from './config';
import type { Logger } from './logger';
import { Metrics } from './metrics/metrics';
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

// Where Primer is for this process: the configured API, or the demo emulator on a loopback port.
export interface PrimerEndpoint {
  apiUrl: string;
  apiKey: string;
}

export interface ComposedApp {
  app: Express;
  readiness: Readiness;
}

// Adapters chosen from the config and plugged into the app; main.ts and the component tests share it.
export function composeApp(config: Config, logger: Logger, primer: PrimerEndpoint): ComposedApp {
  const metrics = new Metrics();
  const orders: OrderService = config.orders.url
    ? new HttpOrderService({ baseUrl: config.orders.url, timeoutMs: config.orders.timeoutMs, logger, observe: metrics.observeUpstream })
    : new InMemoryOrderService(DEMO_CARTS);
  const breaker = new CircuitBreaker({
    failureThreshold: config.primer.breakerFailures,
    resetMs: config.primer.breakerResetMs,
    onStateChange: (from, to) => {
      metrics.setBreakerState(to);
      logger.warn({ upstream: 'primer', from, to }, 'circuit breaker state changed');
    },
  });
  const checkout = new CheckoutSessions({
    orders,
    primer: new GuardedPrimerSessions(new HttpPrimerSessions({ ...config.primer, ...primer, logger, observe: metrics.observeUpstream }), breaker, logger),
    sessions:
      config.sessionReuseMinTtlS === 0 ? new DisabledSessionStore() : new InMemorySessionStore({ minTtlMs: config.sessionReuseMinTtlS * 1000 }),
    primerApiVersion: config.primer.apiVersion,
    logger,
    onSession: metrics.countSession,
  });
  const readiness = new Readiness();
  const app = createApp({
    checkout,
    logger,
    readiness,
    trustProxy: config.trustProxy,
    corsOrigins: config.corsOrigins,
    rateLimitPerMinute: config.rateLimitPerMinute,
    metrics,
    demoCarts: config.demoPage ? DEMO_CARTS : undefined,
  });
  return { app, readiness };
}
