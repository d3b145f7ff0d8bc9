import { setTimeout as sleep } from 'node:timers/promises';
import type { AxiosInstance } from 'axios';
import type { Logger } from '../observability/logger';
import { startAttemptTrace } from './attempt-trace';
import { behindBreaker } from './behind-breaker';
import type { StepContext } from './call-step';
import type { CircuitBreaker } from './circuit-breaker';
import { createUpstreamHttpClient, sendAttempt, type AttemptResult, type HttpMethod } from './http-attempt';
import { describeAttempt, readAnswer, type SuccessfulAnswer } from './read-answer';
import type { Redactor } from './redactor';
import { retryAfterSecondsToTell } from './retry-after';
import { retryLoop } from './retry-loop';
import type { RetryPolicy } from './retry-policy';
import type { Upstream } from './upstream-error';
import { outcomeOfAttempt, type RetryObserver, type UpstreamObserver } from './upstream-observer';
import { UpstreamTimeoutError } from './upstream-timeout-error';

// What the shopper is told to wait when an upstream is unavailable and said nothing about when to come back.
const DEFAULT_RETRY_AFTER_S = 2;

const RETRY_MESSAGES: Record<Upstream, string> = { primer: 'retrying Primer', orders: 'retrying order service' };

// The upstream's own words from a failed answer's body (for logs), and any secret the answer itself carries.
export interface UpstreamWords {
  text: string;
  secrets?: readonly string[];
}

export interface UpstreamClientOptions {
  upstream: Upstream;
  baseUrl: string;
  // Sent on every call to this upstream (an API key, Accept).
  fixedHeaders: Record<string, string>;
  // Open connections at most; a call that finds all busy waits for one within its deadline.
  maxConnections: number;
  // Shared by every call to this upstream; without one, calls always go out.
  breaker?: { breaker: CircuitBreaker; onTurnedAway: () => void } | undefined;
  errorWords?: (body: string) => UpstreamWords;
  redact: Redactor;
  logger: Logger;
  observe: UpstreamObserver;
  observeRetry: RetryObserver;
}

export interface UpstreamRequest {
  method: HttpMethod;
  path: string;
  // The path with its variable part named ('/carts/{cartId}'), for span names.
  urlTemplate: string;
  headers?: Record<string, string>;
  body?: unknown;
  policy: RetryPolicy;
  // Secrets this call sends (a client token in its body), kept out of logged upstream text like the configured ones.
  secrets?: readonly string[];
}

// The last attempt of a call, for the adapter to read.
export interface FinalAnswer {
  readonly result: AttemptResult;
  // "after 2 attempt(s)", for the adapter's own error details.
  readonly afterAttempts: string;
  // A 2xx answer's status and body; any other result is thrown as its typed UpstreamError, upstream text redacted.
  ok(): SuccessfulAnswer;
}

// The one outbound call path (docs/resilience.md): breaker → attempts under the call's retry policy until its step's
// deadline, each attempt traced and observed → the adapter's reading of the last one. Adapters keep paths and answers.
export class UpstreamClient {
  readonly #http: AxiosInstance;
  readonly #server: { address: string; port: number };

  constructor(private readonly options: UpstreamClientOptions) {
    this.#http = createUpstreamHttpClient(options.baseUrl, options.fixedHeaders, options.maxConnections);
    const base = new URL(options.baseUrl);
    this.#server = { address: base.hostname, port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)) };
  }

  call<T>(request: UpstreamRequest, step: StepContext, read: (answer: FinalAnswer) => T): Promise<T> {
    const { breaker, upstream } = this.options;
    const run = () => this.#run(request, step, read);
    if (!breaker) return run();
    return behindBreaker(breaker.breaker, upstream, run, () => {
      breaker.onTurnedAway();
      this.options.logger.debug({ requestId: step.requestId, upstream }, 'circuit open: upstream not called');
    });
  }

  async #run<T>(request: UpstreamRequest, step: StepContext, read: (answer: FinalAnswer) => T): Promise<T> {
    const { upstream } = this.options;
    if (step.deadline - Date.now() <= 0) throw new UpstreamTimeoutError(upstream, `time budget ran out before ${request.method}`);
    const { result, attempts, retryAfterMs } = await retryLoop((remainingMs, attempt) => this.#attempt(request, step, remainingMs, attempt), {
      policy: request.policy,
      deadline: step.deadline,
      now: Date.now,
      sleep: (ms) => sleep(ms),
      onRetry: (attempt, failed, delayMs) => {
        this.options.observeRetry(upstream, outcomeOfAttempt(failed));
        this.options.logger.warn({ requestId: step.requestId, upstream, attempt, failure: describeAttempt(failed), delayMs }, RETRY_MESSAGES[upstream]);
      },
    });
    const afterAttempts = `after ${attempts} attempt(s)`;
    const retryAfterSeconds = retryAfterMs === undefined ? DEFAULT_RETRY_AFTER_S : retryAfterSecondsToTell(retryAfterMs);
    const { errorWords } = this.options;
    const errorText = errorWords && ((body: string) => this.#redacted(errorWords(body), request));
    const terms = { upstream, retryAfterSeconds, context: afterAttempts, ...(errorText ? { errorText } : {}) };
    return read({ result, afterAttempts, ok: () => readAnswer(result, terms) });
  }

  async #attempt(request: UpstreamRequest, step: StepContext, remainingMs: number, attempt: number): Promise<AttemptResult> {
    const trace = startAttemptTrace(step, {
      upstream: this.options.upstream,
      method: request.method,
      urlTemplate: request.urlTemplate,
      attempt,
      serverAddress: this.#server.address,
      serverPort: this.#server.port,
    });
    const started = performance.now();
    const result = await sendAttempt(this.#http, {
      method: request.method,
      path: request.path,
      headers: { ...request.headers, 'X-Request-Id': step.requestId, ...trace.headers },
      body: request.body,
      timeoutMs: remainingMs,
    });
    this.options.observe(this.options.upstream, outcomeOfAttempt(result), performance.now() - started);
    trace.end(result);
    return result;
  }

  // Upstream text reaches an error detail only through the redactor (docs/resilience.md, "Upstream text in logs").
  #redacted(words: UpstreamWords, request: UpstreamRequest): string {
    return this.options.redact(words.text, [...(request.secrets ?? []), ...(words.secrets ?? [])]);
  }
}
