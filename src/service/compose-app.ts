import type { Express, Router } from 'express';
import { createApp, createMetricsApp, type AppDeps } from './app';
import { CheckoutSessions } from './checkout/checkout-sessions';
import type { Config } from './config';
import type { Logger } from './observability/logger';
import { Metrics } from './observability/metrics/metrics';
import { HttpOrderService } from './orders/http-order-service';
import { HttpPaymentEventSink } from './orders/http-payment-event-sink';
import { createOrderServiceApi, type OrderServiceApi } from './orders/order-service-api';
import type { OrderService } from './orders/order-service';
import type { PaymentEventSink } from './orders/payment-events';
import { ProcessOnlyClaims } from './payments/forward-claims';
import { InMemoryPaymentRecord } from './payments/in-memory-payment-record';
import { PaymentConfirmations } from './payments/payment-confirmations';
import { PaymentForwarder } from './payments/payment-forwarder';
import { WebhookDeliveries } from './payments/webhook-deliveries';
import { HttpPrimerPayments } from './primer/http-primer-payments';
import { HttpPrimerSessions } from './primer/http-primer-sessions';
import { createPrimerApi } from './primer/primer-api';
import type { PrimerPayments } from './primer/primer-payments';
import type { redisSharedState, SharedState } from './redis/redis-shared-state';
import { Readiness } from './lifecycle/readiness';
import { NoReplicaClaim } from './concurrency/replica-claim';
import { NoTokenCache } from './token-cache/no-token-cache';
import { InMemoryTokenCache } from './token-cache/in-memory-token-cache';
import { CircuitBreaker } from './upstream/circuit-breaker';
import { createRedactor } from './upstream/redactor';

// Where Primer is for this process: the configured API, or the demo emulator on a loopback port.
export interface PrimerEndpoint {
  apiUrl: string;
  apiKey: string;
}

// What main.ts plugs in where the config says it runs: the demo world's emulator in demo mode, its built-in carts, their
// payment events, webhook secret and page; the Redis adapters with REDIS_URL.
export interface AppParts {
  // Used in demo mode (config.demoMode), in place of PRIMER_API_URL and PRIMER_API_KEY.
  emulator?: PrimerEndpoint | undefined;
  // Used with the built-in carts (config.carts).
  orders?: OrderService | undefined;
  // Used with the built-in carts, like `orders`: where payment events go.
  paymentEvents?: PaymentEventSink | undefined;
  // Used when PRIMER_WEBHOOK_SECRETS is unset: the demo world signs its emulator's webhooks with a secret of its own.
  webhookSecrets?: readonly string[] | undefined;
  // Routes mounted after the API's own.
  pages?: Router | undefined;
  // Used with REDIS_URL: main.ts imports the Redis adapters only then, so a replica alone never loads ioredis.
  redis?: typeof redisSharedState | undefined;
}

export interface ComposedApp {
  app: Express;
  // Serves /metrics on METRICS_PORT; main.ts listens with it unless METRICS_PORT equals PORT.
  metricsApp: Express;
  readiness: Readiness;
  // Closes the Redis connection, if any; called once the server has drained.
  close: () => Promise<void>;
}

// Adapters chosen from the config and plugged into the app; main.ts and the component tests share it.
export function composeApp(config: Config, logger: Logger, parts: AppParts): ComposedApp {
  const metrics = new Metrics();
  const shared = sharedStateFor(config, logger, metrics, parts.redis);
  const redact = createRedactor(secretsOf(config));
  const observers = { redact, logger, observe: metrics.observeUpstream, observeRetry: metrics.countRetry };
  const ordersApi = config.orders.url
    ? createOrderServiceApi({ baseUrl: config.orders.url, timeoutMs: config.orders.timeoutMs, maxConnections: config.upstreamMaxConnections, ...observers })
    : undefined;
  const orders = orderServiceFor(ordersApi, parts.orders);
  // One breaker for every Primer call (PRIMER_BREAKER_*); the order service has none.
  const breaker = new CircuitBreaker({
    failureThreshold: config.primer.breakerFailures,
    resetMs: config.primer.breakerResetMs,
    onStateChange: (from, to) => {
      metrics.setBreakerState(to);
      logger.warn({ upstream: 'primer', from, to }, 'circuit breaker state changed');
    },
  });
  const primerApi = createPrimerApi({
    ...config.primer,
    ...primerEndpointFor(config, parts.emulator),
    maxConnections: config.upstreamMaxConnections,
    breaker,
    onTurnedAway: () => metrics.countBreakerRejection('primer'),
    ...observers,
  });
  const checkout = new CheckoutSessions({
    orders,
    primer: new HttpPrimerSessions(primerApi),
    tokenCache: shared.tokenCache,
    replicaClaim: shared.replicaClaim,
    primerApiVersion: config.primer.apiVersion,
    primerTimeoutMs: config.primer.timeoutMs,
    logger,
    onSession: metrics.countSession,
  });
  const payments = paymentsFor(config, logger, metrics, shared, {
    orders,
    primer: new HttpPrimerPayments(primerApi),
    sink: ordersApi ? new HttpPaymentEventSink(ordersApi, config.orders.token) : parts.paymentEvents,
    webhookSecrets: config.webhooks.secrets.length > 0 ? config.webhooks.secrets : (parts.webhookSecrets ?? []),
  });
  const readiness = new Readiness();
  const app = createApp({
    checkout,
    ...payments,
    logger,
    readiness,
    trustProxy: config.trustProxy,
    corsOrigins: config.corsOrigins,
    rateLimitPerMinute: config.rateLimitPerMinute,
    rateLimitStore: shared.rateLimitStore,
    metrics,
    servesMetrics: metricsShareListener(config),
    pages: parts.pages,
  });
  return { app, metricsApp: createMetricsApp({ metrics, logger }), readiness, close: shared.close };
}

// Port 0 asks for any free port, so two zeros are two listeners.
export function metricsShareListener(config: Pick<Config, 'port' | 'metricsPort'>): boolean {
  return config.metricsPort === config.port && config.port !== 0;
}

// One replica keeps its state in memory; several share it through Redis (docs/deployment.md, "Several replicas").
function sharedStateFor(config: Config, logger: Logger, metrics: Metrics, redis: typeof redisSharedState | undefined): SharedState {
  if (config.redis.url) {
    if (!redis) throw new Error('REDIS_URL is set and the Redis adapters were not plugged in');
    return redis(config, config.redis.url, logger, metrics);
  }
  return {
    tokenCache: config.tokenReuse ? new InMemoryTokenCache({ minTtlMs: config.sessionReuseMinTtlS * 1000 }) : new NoTokenCache(),
    replicaClaim: new NoReplicaClaim(),
    rateLimitStore: undefined,
    paymentRecord: new InMemoryPaymentRecord(),
    forwardClaims: new ProcessOnlyClaims(),
    close: async () => {},
  };
}

// Secret values that never reach a log line, even when an upstream's answer repeats them (docs/resilience.md, "Upstream text in logs").
function secretsOf(config: Config): (string | undefined)[] {
  return [config.primer.apiKey, config.orders.token, ...config.webhooks.secrets];
}

// Demo mode calls the emulator the demo world started; otherwise Primer at PRIMER_API_URL with PRIMER_API_KEY.
function primerEndpointFor(config: Config, emulator: PrimerEndpoint | undefined): PrimerEndpoint {
  if (!config.demoMode) return { apiUrl: config.primer.apiUrl, apiKey: config.primer.apiKey ?? '' };
  if (!emulator) throw new Error('demo mode needs the Primer emulator plugged in');
  return emulator;
}

function orderServiceFor(api: OrderServiceApi | undefined, fallback: OrderService | undefined): OrderService {
  if (api) return new HttpOrderService(api);
  if (!fallback) throw new Error('ORDER_SERVICE_URL is unset and no order service was plugged in');
  return fallback;
}

interface PaymentParts {
  orders: OrderService;
  primer: PrimerPayments;
  // The order service's payment-events route, or what the demo world plugged in for it.
  sink: PaymentEventSink | undefined;
  webhookSecrets: readonly string[];
}

// Both payment routes tell the order service of what they learn (docs/payments.md): without anywhere to tell it, neither is mounted.
function paymentsFor(config: Config, logger: Logger, metrics: Metrics, shared: SharedState, parts: PaymentParts): Pick<AppDeps, 'payments' | 'webhooks'> {
  if (parts.sink === undefined) {
    logger.info('ORDER_SERVICE_URL unset and no payment event sink plugged in: POST /checkout/payment and POST /webhooks/primer are off');
    return {};
  }
  const forwarder = new PaymentForwarder({
    sink: parts.sink,
    record: shared.paymentRecord,
    claims: shared.forwardClaims,
    tokenCache: shared.tokenCache,
    primerApiVersion: config.primer.apiVersion,
    onNotification: metrics.countPaymentNotification,
  });
  const payments = new PaymentConfirmations({ orders: parts.orders, primer: parts.primer, forwarder, logger, onConfirmation: metrics.countPaymentConfirmation });
  if (parts.webhookSecrets.length === 0) return { payments };
  const webhooks = new WebhookDeliveries({ secrets: parts.webhookSecrets, toleranceS: config.webhooks.toleranceS, forwarder, logger, onDelivery: metrics.countWebhookDelivery });
  return { payments, webhooks };
}
