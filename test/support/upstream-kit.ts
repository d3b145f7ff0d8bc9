import { ROOT_CONTEXT } from '@opentelemetry/api';
import { createLogger } from '../../src/service/observability/logger';
import { createOrderServiceApi, type OrderServiceApi } from '../../src/service/orders/order-service-api';
import { createPrimerApi, type PrimerApi } from '../../src/service/primer/primer-api';
import { openStep, type StepContext } from '../../src/service/upstream/call-step';
import { CircuitBreaker } from '../../src/service/upstream/circuit-breaker';
import { createRedactor } from '../../src/service/upstream/redactor';
import type { RequestContext } from '../../src/service/upstream/request-context';
import type { Upstream } from '../../src/service/upstream/upstream-error';
import type { UpstreamOutcome } from '../../src/service/upstream/upstream-observer';
import { TEST_API_KEY } from './test-app';

export const ORDER_SERVICE_TOKEN = 'ost_9a8b7c6d5e4f3a2b';

// What an adapter test reads back: every log line, every attempt observed, every retry counted, breaker turn-aways.
export interface Observed {
  logs: string[];
  attempts: Array<{ upstream: Upstream; outcome: UpstreamOutcome }>;
  retries: Array<{ upstream: Upstream; reason: UpstreamOutcome }>;
  turnedAway: number;
}

function observers(observed: Observed) {
  return {
    redact: createRedactor([TEST_API_KEY, ORDER_SERVICE_TOKEN]),
    logger: createLogger('debug', { write: (line: string) => void observed.logs.push(line) }),
    observe: (upstream: Upstream, outcome: UpstreamOutcome) => void observed.attempts.push({ upstream, outcome }),
    observeRetry: (upstream: Upstream, reason: UpstreamOutcome) => void observed.retries.push({ upstream, reason }),
  };
}

export function newObserved(): Observed {
  return { logs: [], attempts: [], retries: [], turnedAway: 0 };
}

export interface PrimerApiSettings {
  timeoutMs?: number;
  maxRetries?: number;
  maxConnections?: number;
  breakerFailures?: number;
}

// The Primer API as compose-app builds it, against a fake on a real socket.
export function primerApiFor(url: string, observed: Observed, settings: PrimerApiSettings = {}): PrimerApi {
  return createPrimerApi({
    apiUrl: url,
    apiKey: TEST_API_KEY,
    apiVersion: '2.4',
    timeoutMs: settings.timeoutMs ?? 2_000,
    maxRetries: settings.maxRetries ?? 2,
    maxConnections: settings.maxConnections ?? 16,
    breaker: new CircuitBreaker({ failureThreshold: settings.breakerFailures ?? 0, resetMs: 30_000 }),
    onTurnedAway: () => void (observed.turnedAway += 1),
    ...observers(observed),
  });
}

// The order-service API as compose-app builds it.
export function orderServiceApiFor(url: string, observed: Observed, timeoutMs = 1_000): OrderServiceApi {
  return createOrderServiceApi({ baseUrl: url, timeoutMs, maxConnections: 16, ...observers(observed) });
}

export function requestContext(requestId = 'req-adapter-1'): RequestContext {
  return { requestId, trace: ROOT_CONTEXT };
}

export function stepFor(budgetMs: number, requestId?: string): StepContext {
  return openStep(requestContext(requestId), budgetMs);
}

export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
