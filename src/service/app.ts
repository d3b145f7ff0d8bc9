import express, { type Express, type Router } from 'express';
import type { CheckoutSessions } from './checkout/checkout-sessions';
import type { TrustProxy } from './config';
import { corsFor } from './http/cors';
import { errorHandler } from './http/error-handler';
import { notFound } from './http/fallback-routes';
import { rateLimitPerClient, type RateLimitStore } from './http/rate-limit';
import { requestId } from './http/request-id';
import { requestLog } from './observability/requests/request-log';
import { securityHeaders } from './http/security-headers';
import { traceRequest } from './observability/requests/trace-request';
import type { Logger } from './observability/logger';
import type { Metrics } from './observability/metrics/metrics';
import { requestMetrics } from './observability/requests/request-metrics';
import type { PaymentConfirmations } from './payments/payment-confirmations';
import type { WebhookDeliveries } from './payments/webhook-deliveries';
import { checkoutPaymentRoutes } from './routes/checkout-payment';
import { checkoutSessionRoutes } from './routes/checkout-session';
import type { Readiness } from './lifecycle/readiness';
import { healthRoutes } from './routes/health';
import { metricsRoutes } from './routes/metrics';
import { primerWebhookRoutes } from './routes/primer-webhook';

export interface AppDeps {
  checkout: CheckoutSessions;
  // Both only with somewhere to send payment events; the webhooks only with signing secrets, else 404 (docs/payments.md).
  payments?: PaymentConfirmations | undefined;
  webhooks?: WebhookDeliveries | undefined;
  logger: Logger;
  readiness: Readiness;
  trustProxy: TrustProxy;
  corsOrigins: readonly string[];
  // Per client address on POST /checkout/session and POST /checkout/payment, one budget for both; 0 turns it off.
  rateLimitPerMinute: number;
  // A shared store (e.g. Redis) when several instances must share one budget; memory otherwise.
  rateLimitStore?: RateLimitStore | undefined;
  metrics: Metrics;
  // METRICS_PORT equal to PORT: /metrics on this listener too; otherwise it is 404 here (README.md, "Probes and metrics").
  servesMetrics?: boolean | undefined;
  // Routes mounted after the API's own: the demo page, in demo mode or with DEMO_PAGE=true.
  pages?: Router | undefined;
}

// Builds the app; never listens and never reads process.env, so tests can build as many as they like.
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // API answers are no-store: an ETag would hash every body for nothing (static files keep serve-static's own).
  app.disable('etag');
  app.set('trust proxy', deps.trustProxy);
  app.use(requestId);
  app.use(traceRequest);
  app.use(requestLog(deps.logger));
  app.use(requestMetrics(deps.metrics));
  app.use(securityHeaders());
  app.use(corsFor(deps.corsOrigins));
  // The API routes first, so a checkout does not walk the probes' routers; they in turn never reach a body parser.
  // One limiter, so one store and one budget per client, in front of both shopper routes; Primer's webhooks stay outside it.
  app.post(['/checkout/session', '/checkout/payment'], rateLimitPerClient({ perMinute: deps.rateLimitPerMinute, logger: deps.logger, store: deps.rateLimitStore }));
  app.use(checkoutSessionRoutes(deps.checkout));
  if (deps.payments) app.use(checkoutPaymentRoutes(deps.payments));
  if (deps.webhooks) app.use(primerWebhookRoutes(deps.webhooks));
  app.use(healthRoutes(deps.readiness));
  if (deps.servesMetrics) app.use(metricsRoutes(deps.metrics));
  if (deps.pages) app.use(deps.pages);
  app.use(notFound);
  app.use(errorHandler());
  return app;
}

// The metrics listener's app: /metrics alone, so the port a public load balancer reaches never exposes it.
export function createMetricsApp(deps: Pick<AppDeps, 'metrics' | 'logger'>): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestId);
  app.use(requestLog(deps.logger));
  app.use(securityHeaders());
  app.use(metricsRoutes(deps.metrics));
  app.use(notFound);
  app.use(errorHandler());
  return app;
}
