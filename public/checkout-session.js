// Browser side of POST /checkout/session: copy this file into your checkout page.
// It asks your backend (never Primer) for a client token; the API key stays on the server.

// Statuses worth a "Try again" button: the upstream may be back in a moment.
const RETRYABLE_STATUSES = new Set([0, 429, 503, 504]);
// Ask for a new token this long before the old one expires (Primer client tokens live 24 hours).
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60 * 1000;
// Never refresh sooner than this, so a token issued already near expiry cannot start a request loop.
const SHORTEST_REFRESH_DELAY_MS = 30 * 1000;
// setTimeout fires at once for delays over 2^31 - 1 ms.
const LONGEST_TIMER_MS = 2 ** 31 - 1;

const SHOPPER_MESSAGES = {
  network_error: 'We could not reach the shop. Check your connection and try again.',
  invalid_request: 'Something went wrong on this page. Please reload it and try again.',
  unauthenticated: 'Your session has ended. Please sign in again to pay.',
  cart_not_found: 'We could not find your basket. It may have expired; please go back to the shop.',
  cart_not_payable: 'This basket cannot be paid for as it is. Please review it and try again.',
  rate_limited: 'Too many attempts in a short time. Please wait a moment and try again.',
  upstream_error: 'The payment provider could not start the checkout. Please try again later.',
  upstream_unavailable: 'Payments are briefly unavailable. Please try again in a moment.',
  upstream_timeout: 'The payment provider took too long to answer. Please try again.',
};
const FALLBACK_MESSAGE = 'Something went wrong while preparing your payment. Please try again later.';

// One failed request, as the service's application/problem+json body describes it (status 0: no answer at all).
export class CheckoutSessionError extends Error {
  constructor({ status, code, title, detail, requestId, retryAfterSeconds }) {
    super(`${status} ${code}: ${title}`);
    this.name = 'CheckoutSessionError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.requestId = requestId;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get retryable() {
    return RETRYABLE_STATUSES.has(this.status);
  }

  // Plain words for the shopper; `detail` and `requestId` are for support, not for the headline.
  get shopperMessage() {
    return SHOPPER_MESSAGES[this.code] ?? (this.retryable ? SHOPPER_MESSAGES.upstream_unavailable : FALLBACK_MESSAGE);
  }
}

const pending = new Map();

// Resolves to { clientToken, expiresAt: Date, expiresInMs, receivedAt, requestId }; rejects with a CheckoutSessionError.
// Calls for the same cart while one is under way share it, so a double click sends one request.
export function fetchClientToken(cartId, { endpoint = '/checkout/session' } = {}) {
  const key = `${endpoint} ${cartId}`;
  if (!pending.has(key)) {
    pending.set(key, requestClientToken(endpoint, cartId).finally(() => pending.delete(key)));
  }
  return pending.get(key);
}

// Calls `refresh` shortly before the token expires; returns a function that cancels it.
export function whenNearExpiry(session, refresh, { refreshBeforeExpiryMs = REFRESH_BEFORE_EXPIRY_MS } = {}) {
  const delay = session.receivedAt + session.expiresInMs - refreshBeforeExpiryMs - Date.now();
  const timer = window.setTimeout(refresh, Math.min(Math.max(delay, SHORTEST_REFRESH_DELAY_MS), LONGEST_TIMER_MS));
  return () => window.clearTimeout(timer);
}

async function requestClientToken(endpoint, cartId) {
  let response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ cartId }),
    });
  } catch (cause) {
    throw new CheckoutSessionError({ status: 0, code: 'network_error', title: 'Network error', detail: String(cause), requestId: null, retryAfterSeconds: null });
  }
  const requestId = response.headers.get('X-Request-Id');
  if (!response.ok) throw await problemFrom(response, requestId);
  const body = await response.json().catch(() => null);
  const expiresAt = new Date(body?.clientTokenExpirationDate);
  if (typeof body?.clientToken !== 'string' || Number.isNaN(expiresAt.getTime())) {
    throw new CheckoutSessionError({ status: response.status, code: 'invalid_response', title: 'Unexpected answer', detail: 'no client token in the answer', requestId, retryAfterSeconds: null });
  }
  // Lifetime by the server's own clock (its Date header), so a shopper's wrong clock cannot cause early or late refreshes.
  const receivedAt = Date.now();
  const serverNow = Date.parse(response.headers.get('Date') ?? '');
  const expiresInMs = expiresAt.getTime() - (Number.isNaN(serverNow) ? receivedAt : serverNow);
  return { clientToken: body.clientToken, expiresAt, expiresInMs, receivedAt, requestId };
}

// RFC 9457 problem details; a proxy's HTML error page still becomes an error with the right status.
async function problemFrom(response, requestId) {
  const isProblem = (response.headers.get('Content-Type') ?? '').includes('json');
  const problem = (isProblem ? await response.json().catch(() => null) : null) ?? {};
  return new CheckoutSessionError({
    status: response.status,
    code: problem.code ?? `http_${response.status}`,
    title: problem.title ?? response.statusText,
    detail: problem.detail ?? null,
    requestId: problem.requestId ?? requestId,
    retryAfterSeconds: retryAfterSeconds(response.headers.get('Retry-After')),
  });
}

// Retry-After is either delay-seconds or an HTTP date (RFC 9110 section 10.2.3).
function retryAfterSeconds(header) {
  if (header === null) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
