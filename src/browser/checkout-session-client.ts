// Browser client for POST /checkout/session: copy this file (and generated/openapi.ts) into your checkout page.
// It asks your backend, never Primer, for a client token; the Primer API key stays on the server.
import type { components, operations } from './generated/openapi.js';

type SessionRequestBody = operations['openCheckoutSession']['requestBody']['content']['application/json'];
type SessionAnswer = components['schemas']['CheckoutSession'];
type Problem = components['schemas']['Problem'];

// The service's problem codes, plus the ones this client gives failures that never reached it or came back unreadable.
export type ProblemCode = Problem['code'];
export type ClientFailureCode = 'network_error' | 'timeout' | 'invalid_response' | `http_${number}`;
export type CheckoutSessionErrorCode = ProblemCode | ClientFailureCode;

export interface CheckoutSession {
  clientToken: string;
  expiresAt: Date;
  // Lifetime as the server counted it at `receivedAt` (Date.now() on arrival), so a wrong shopper clock cannot skew it.
  expiresInMs: number;
  receivedAt: number;
  requestId: string | null;
}

export interface CheckoutSessionOptions {
  endpoint?: string;
  // Per attempt; above the service's own budget (order service 3 s + Primer 10 s), so its 504 normally comes first.
  timeoutMs?: number;
  // The one automatic retry of a 503/504 waits Retry-After, but never longer than this; past it the caller decides.
  longestRetryWaitMs?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

const DEFAULTS = { endpoint: '/checkout/session', timeoutMs: 15_000, longestRetryWaitMs: 5_000 };
// Statuses a shopper may retry: no answer, rate limited, upstream unavailable or out of time.
const RETRYABLE_STATUSES = new Set([0, 429, 503, 504]);
// Statuses this client retries on its own, once: the service says the upstream may be back in a moment.
const AUTO_RETRY_STATUSES = new Set([503, 504]);
// A 503/504 without Retry-After waits this long before its one retry.
const DEFAULT_RETRY_WAIT_MS = 1_000;

// One failed request, as the service's application/problem+json body describes it (status 0: no answer at all).
export class CheckoutSessionError extends Error {
  override readonly name = 'CheckoutSessionError';

  constructor(
    readonly status: number,
    readonly code: CheckoutSessionErrorCode,
    readonly detail: string | null,
    readonly requestId: string | null,
    readonly retryAfterSeconds: number | null,
  ) {
    super(`${status} ${code}${detail ? `: ${detail}` : ''}`);
  }

  get retryable(): boolean {
    return RETRYABLE_STATUSES.has(this.status);
  }
}

// How long to wait before the one automatic retry, or null for none: never a 4xx, never a second retry.
export function automaticRetryDelayMs(error: CheckoutSessionError, attempt: number, longestWaitMs: number): number | null {
  if (attempt > 1 || !AUTO_RETRY_STATUSES.has(error.status)) return null;
  const waitMs = error.retryAfterSeconds === null ? DEFAULT_RETRY_WAIT_MS : error.retryAfterSeconds * 1000;
  return waitMs <= longestWaitMs ? waitMs : null;
}

// Retry-After is delay-seconds or an HTTP date (RFC 9110 section 10.2.3); a date in the past means now.
export function parseRetryAfterSeconds(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

// Resolves to the token and its expiry, or rejects with a CheckoutSessionError; retries a 503/504 once.
export async function requestCheckoutSession(cartId: string, options: CheckoutSessionOptions = {}): Promise<CheckoutSession> {
  const settings = { ...DEFAULTS, ...options };
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce(cartId, settings);
    } catch (error) {
      const delayMs = error instanceof CheckoutSessionError ? automaticRetryDelayMs(error, attempt, settings.longestRetryWaitMs) : null;
      if (delayMs === null) throw error;
      await sleep(delayMs, settings.signal);
    }
  }
}

const inFlight = new Map<string, Promise<CheckoutSession>>();

// Calls for the same cart while one is under way share it, so a double click sends one request.
export function openCheckoutSession(cartId: string, options: CheckoutSessionOptions = {}): Promise<CheckoutSession> {
  const key = `${options.endpoint ?? DEFAULTS.endpoint} ${cartId}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = requestCheckoutSession(cartId, options).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

type Settings = typeof DEFAULTS & CheckoutSessionOptions;

async function attemptOnce(cartId: string, settings: Settings): Promise<CheckoutSession> {
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal = settings.signal ? AbortSignal.any([settings.signal, timeout]) : timeout;
  const body: SessionRequestBody = { cartId };
  let response: Response;
  try {
    response = await (settings.fetch ?? fetch)(settings.endpoint, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (settings.signal?.aborted) throw cause;
    const timedOut = timeout.aborted;
    throw new CheckoutSessionError(0, timedOut ? 'timeout' : 'network_error', String(cause), null, null);
  }
  const requestId = response.headers.get('X-Request-Id');
  if (!response.ok) throw await problemFrom(response, requestId);
  return sessionFrom(response, (await response.json().catch(() => null)) as Partial<SessionAnswer> | null, requestId);
}

function sessionFrom(response: Response, answer: Partial<SessionAnswer> | null, requestId: string | null): CheckoutSession {
  const expiresAt = new Date(answer?.clientTokenExpirationDate ?? Number.NaN);
  if (typeof answer?.clientToken !== 'string' || Number.isNaN(expiresAt.getTime())) {
    throw new CheckoutSessionError(response.status, 'invalid_response', 'no client token in the answer', requestId, null);
  }
  // Lifetime by the server's own clock (its Date header), so a shopper's wrong clock cannot cause early or late refreshes.
  const receivedAt = Date.now();
  const serverNow = Date.parse(response.headers.get('Date') ?? '');
  const expiresInMs = expiresAt.getTime() - (Number.isNaN(serverNow) ? receivedAt : serverNow);
  return { clientToken: answer.clientToken, expiresAt, expiresInMs, receivedAt, requestId };
}

// RFC 9457 problem details; a proxy's HTML error page still becomes an error with the right status.
async function problemFrom(response: Response, requestId: string | null): Promise<CheckoutSessionError> {
  const isJson = (response.headers.get('Content-Type') ?? '').includes('json');
  const problem = ((isJson ? await response.json().catch(() => null) : null) ?? {}) as Partial<Problem>;
  const code: CheckoutSessionErrorCode = typeof problem.code === 'string' ? problem.code : `http_${response.status}`;
  return new CheckoutSessionError(
    response.status,
    code,
    problem.detail ?? null,
    problem.requestId ?? requestId,
    parseRetryAfterSeconds(response.headers.get('Retry-After'), Date.now()),
  );
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(abortReason(signal))), { once: true });
  });
}

// The caller's own reason when it gave an Error, as fetch would reject with it.
function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}
