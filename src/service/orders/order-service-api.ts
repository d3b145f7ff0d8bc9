import type { Logger } from '../observability/logger';
import type { Redactor } from '../upstream/redactor';
import { UpstreamClient } from '../upstream/upstream-client';
import type { RetryObserver, UpstreamObserver } from '../upstream/upstream-observer';

export interface OrderServiceApiOptions {
  baseUrl: string;
  timeoutMs: number;
  maxConnections: number;
  redact: Redactor;
  logger: Logger;
  observe: UpstreamObserver;
  observeRetry: RetryObserver;
}

// What the order-service adapters share: one client (one connection pool; no circuit breaker) and the budget.
export interface OrderServiceApi {
  readonly client: UpstreamClient;
  // ORDER_SERVICE_TIMEOUT_MS, for each call, retries included.
  readonly timeoutMs: number;
}

export function createOrderServiceApi(options: OrderServiceApiOptions): OrderServiceApi {
  const client = new UpstreamClient({
    upstream: 'orders',
    baseUrl: options.baseUrl,
    fixedHeaders: { Accept: 'application/json' },
    maxConnections: options.maxConnections,
    redact: options.redact,
    logger: options.logger,
    observe: options.observe,
    observeRetry: options.observeRetry,
  });
  return { client, timeoutMs: options.timeoutMs };
}
