import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type {
  BreakerStateLabel,
  PaymentConfirmationLabel,
  PaymentNotificationLabel,
  PaymentSourceLabel,
  RedisOperationLabel,
  RedisOutcomeLabel,
  SessionOutcomeLabel,
  UpstreamLabel,
  UpstreamOutcomeLabel,
  WebhookDeliveryLabel,
} from './metric-labels';

const BREAKER_STATES: readonly BreakerStateLabel[] = ['closed', 'open', 'half-open'];
// Seconds; the upper buckets cover Primer's 10 s budget with retries.
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];

// One registry per app, never prom-client's global one, so tests can build several apps side by side.
export class Metrics {
  readonly registry = new Registry();
  readonly #requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route template and numeric HTTP status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  readonly #abortedRequests = new Counter({
    name: 'http_requests_aborted_total',
    help: 'Requests whose connection closed before the answer was sent, by method and route template.',
    labelNames: ['method', 'route'] as const,
    registers: [this.registry],
  });
  readonly #upstreamRetries = new Counter({
    name: 'upstream_retries_total',
    help: 'Upstream attempts repeated, by upstream (primer, orders) and the failed attempt\'s outcome (server_error, rate_limited, timeout, connection_error).',
    labelNames: ['upstream', 'reason'] as const,
    registers: [this.registry],
  });
  readonly #breakerRejections = new Counter({
    name: 'circuit_breaker_rejections_total',
    help: 'Calls the open circuit breaker turned away without calling the upstream, answered 503.',
    labelNames: ['upstream'] as const,
    registers: [this.registry],
  });
  readonly #upstreamDuration = new Histogram({
    name: 'upstream_request_duration_seconds',
    help: 'Time of one attempt at an upstream call, by upstream (primer, orders) and outcome.',
    labelNames: ['upstream', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  readonly #sessions = new Counter({
    name: 'checkout_sessions_total',
    help: 'Client tokens handed out, by outcome (created, reused, updated).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly #breakerState = new Gauge({
    name: 'circuit_breaker_state',
    help: '1 for the state the Primer circuit breaker is in, 0 for the others.',
    labelNames: ['upstream', 'state'] as const,
    registers: [this.registry],
  });

  readonly #redisFailures = new Counter({
    name: 'redis_failures_total',
    help: 'Redis steps the request did without Redis, by operation and outcome (failed: refused, errored or timed out; skipped: not tried while Redis was failing); this replica\'s memory stood in.',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly #webhookDeliveries = new Counter({
    name: 'webhook_deliveries_total',
    help: 'Primer webhook deliveries, by result (ignored, delivered, duplicate, superseded, signature_invalid, signature_stale, invalid_body, order_service_unavailable, order_service_rejected).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly #paymentConfirmations = new Counter({
    name: 'payment_confirmations_total',
    help: 'POST /checkout/payment answers from Primer\'s view, by result (paid, pending, failed, payment_not_found).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly #paymentNotifications = new Counter({
    name: 'payment_notifications_total',
    help: 'Calls to the order service\'s payment-events route, by source (webhook, confirmation) and result (delivered, unavailable, timeout, rejected).',
    labelNames: ['source', 'result'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.setBreakerState('closed');
  }

  observeRequest(method: string, route: string, statusCode: number, durationSeconds: number): void {
    this.#requestDuration.observe({ method, route, status_code: statusCode }, durationSeconds);
  }

  // An aborted request has no status: counted apart so status_code stays numeric.
  countAbortedRequest(method: string, route: string): void {
    this.#abortedRequests.inc({ method, route });
  }

  readonly countRetry = (upstream: UpstreamLabel, reason: UpstreamOutcomeLabel): void => {
    this.#upstreamRetries.inc({ upstream, reason });
  };

  readonly countBreakerRejection = (upstream: UpstreamLabel): void => {
    this.#breakerRejections.inc({ upstream });
  };

  readonly observeUpstream = (upstream: UpstreamLabel, outcome: UpstreamOutcomeLabel, durationMs: number): void => {
    this.#upstreamDuration.observe({ upstream, outcome }, durationMs / 1000);
  };

  readonly countSession = (outcome: SessionOutcomeLabel): void => {
    this.#sessions.inc({ outcome });
  };

  readonly countRedisFailure = (operation: RedisOperationLabel, outcome: RedisOutcomeLabel): void => {
    this.#redisFailures.inc({ operation, outcome });
  };

  readonly countWebhookDelivery = (result: WebhookDeliveryLabel): void => {
    this.#webhookDeliveries.inc({ result });
  };

  readonly countPaymentConfirmation = (result: PaymentConfirmationLabel): void => {
    this.#paymentConfirmations.inc({ result });
  };

  readonly countPaymentNotification = (source: PaymentSourceLabel, result: PaymentNotificationLabel): void => {
    this.#paymentNotifications.inc({ source, result });
  };

  readonly setBreakerState = (state: BreakerStateLabel): void => {
    for (const candidate of BREAKER_STATES) this.#breakerState.set({ upstream: 'primer', state: candidate }, candidate === state ? 1 : 0);
  };
}
