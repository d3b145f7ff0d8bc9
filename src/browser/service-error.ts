// One failed call to the checkout session service, as its application/problem+json body describes it.
import type { components } from './generated/openapi.js';

type Problem = components['schemas']['Problem'];

// The service's problem codes, plus the ones this client gives failures that never reached it or came back unreadable.
export type ProblemCode = Problem['code'];
export type ClientFailureCode = 'network_error' | 'timeout' | 'invalid_response' | `http_${number}`;
export type CheckoutSessionErrorCode = ProblemCode | ClientFailureCode;

// Statuses a shopper may retry: no answer, rate limited, upstream unavailable or out of time.
const RETRYABLE_STATUSES = new Set([0, 429, 503, 504]);

// Every failure of POST /checkout/session and POST /checkout/payment (status 0: no answer at all).
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

  // An answer that is no problem document came from something in between (a proxy, a load balancer), not the service.
  get fromProxy(): boolean {
    return this.status > 0 && this.code === `http_${this.status}`;
  }

  // A proxy's 502 is a replica gone away; the service's own 502 is an upstream refusing, which a retry cannot fix.
  get retryable(): boolean {
    return RETRYABLE_STATUSES.has(this.status) || (this.status === 502 && this.fromProxy);
  }
}

// Retry-After is delay-seconds or an HTTP date (RFC 9110 section 10.2.3); a date in the past means now.
export function parseRetryAfterSeconds(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

// RFC 9457 problem details; a proxy's HTML error page still becomes an error with the right status.
export async function problemFrom(response: Response, requestId: string | null): Promise<CheckoutSessionError> {
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
