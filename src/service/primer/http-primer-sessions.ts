import { setTimeout as sleep } from 'node:timers/promises';
import type { Method } from 'axios';
import type { Logger } from '../logger';
import { createUpstreamHttpClient, parseJson, type AttemptResult } from '../upstream/http-attempt';
import { tracedAttempt } from '../upstream/attempt-trace';
import { describeAttempt, readAnswer } from '../upstream/read-answer';
import { UpstreamRejectedError } from '../upstream/upstream-rejected-error';
import { UpstreamTimeoutError } from '../upstream/upstream-timeout-error';
import { outcomeOfAttempt, type RetryObserver, type UpstreamObserver } from '../upstream/upstream-observer';
import type { BackoffOptions } from '../upstream/backoff';
import { parsePrimerExpiry } from './parse-expiry';
import { SessionUpdateRefusedError, type IssuedToken, type PrimerCallContext, type PrimerSessions } from './primer-sessions';
import { retryLoop } from '../upstream/retry-loop';
import type { ClientSessionRequest, ClientSessionUpdate } from './schema/client-session-request';

export interface HttpPrimerSessionsOptions {
  apiUrl: string;
  apiKey: string;
  apiVersion: string;
  timeoutMs: number;
  maxRetries: number;
  logger: Logger;
  observe: UpstreamObserver;
  observeRetry: RetryObserver;
}

const BACKOFF: BackoffOptions = { baseMs: 100, capMs: 2_000 };
// What the shopper is told to wait when Primer is down and said nothing about when to come back.
const DEFAULT_RETRY_AFTER_S = 2;

// The Primer adapter: https://primer.io/docs/api-reference/v2.4/api-reference/client-session-api
export class HttpPrimerSessions implements PrimerSessions {
  private readonly http;
  // One context is one Primer step: an update Primer refuses and the create after it share one PRIMER_TIMEOUT_MS.
  private readonly stepDeadlines = new WeakMap<PrimerCallContext, number>();

  constructor(private readonly options: HttpPrimerSessionsOptions) {
    this.http = createUpstreamHttpClient(options.apiUrl, {
      'X-Api-Key': options.apiKey,
      'X-Api-Version': options.apiVersion,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    });
  }

  async create(body: ClientSessionRequest, context: PrimerCallContext): Promise<IssuedToken> {
    const answer = await this.call('POST', body, context);
    const clientToken = typeof answer.clientToken === 'string' && answer.clientToken.length > 0 ? answer.clientToken : undefined;
    const expiresAt = parsePrimerExpiry(answer.clientTokenExpirationDate);
    if (clientToken === undefined || expiresAt === undefined) {
      throw new UpstreamRejectedError('primer', 'answer without a usable clientToken and clientTokenExpirationDate', 200);
    }
    return { clientToken, expiresAt };
  }

  async update(body: ClientSessionUpdate, context: PrimerCallContext): Promise<void> {
    try {
      await this.call('PATCH', body, context);
    } catch (error) {
      // In the port's terms: Primer answered and will not apply this update, so the caller may create a session instead.
      if (error instanceof UpstreamRejectedError) throw new SessionUpdateRefusedError(error.detail, error.status, { cause: error });
      throw error;
    }
  }

  private async call(method: Method, body: unknown, context: PrimerCallContext): Promise<Record<string, unknown>> {
    const budgetMs = this.remainingBudgetMs(context);
    if (budgetMs <= 0) throw new UpstreamTimeoutError('primer', `time budget ran out before ${method}`);
    const { result, attempts, retryAfterMs } = await retryLoop((remainingMs, attempt) => this.attempt(method, body, context, remainingMs, attempt), {
      budgetMs,
      maxRetries: this.options.maxRetries,
      backoff: BACKOFF,
      now: Date.now,
      sleep: (ms) => sleep(ms),
      onRetry: (attempt, failed, delayMs) => {
        this.options.observeRetry('primer', outcomeOfAttempt(failed));
        this.options.logger.warn({ requestId: context.requestId, upstream: 'primer', attempt, failure: describeAttempt(failed), delayMs }, 'retrying Primer');
      },
    });
    return this.answerOf(result, attempts, retryAfterMs);
  }

  private remainingBudgetMs(context: PrimerCallContext): number {
    const now = Date.now();
    const deadline = this.stepDeadlines.get(context) ?? now + this.options.timeoutMs;
    this.stepDeadlines.set(context, deadline);
    return deadline - now;
  }

  private async attempt(method: Method, body: unknown, context: PrimerCallContext, remainingMs: number, attempt: number): Promise<AttemptResult> {
    const started = performance.now();
    const result = await tracedAttempt(this.http, {
      method,
      path: '/client-session',
      headers: { 'X-Request-Id': context.requestId },
      body,
      timeoutMs: remainingMs,
    }, { upstream: 'primer', urlTemplate: '/client-session', attempt });
    this.options.observe('primer', outcomeOfAttempt(result), performance.now() - started);
    return result;
  }

  private answerOf(result: AttemptResult, attempts: number, retryAfterMs: number | undefined): Record<string, unknown> {
    const context = `after ${attempts} attempt(s)`;
    const retryAfterSeconds = retryAfterMs === undefined ? DEFAULT_RETRY_AFTER_S : Math.max(1, Math.ceil(retryAfterMs / 1000));
    const { status, body } = readAnswer(result, { upstream: 'primer', retryAfterSeconds, context, errorText: primerErrorText });
    const answer = parseJson(body);
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
      throw new UpstreamRejectedError('primer', `HTTP ${status} ${context}: body is not a JSON object`, status);
    }
    return answer as Record<string, unknown>;
  }
}

// Primer's envelope {"error": {errorId, description, diagnosticsId}}: worth logging, never worth showing.
function primerErrorText(body: string): string {
  const parsed = parseJson(body) as { error?: { errorId?: unknown; description?: unknown; diagnosticsId?: unknown } } | undefined;
  const error = parsed?.error;
  if (!error) return `unparsed body (${body.length} bytes)`;
  return `${String(error.errorId)}: ${String(error.description)} (diagnosticsId ${String(error.diagnosticsId)})`;
}
