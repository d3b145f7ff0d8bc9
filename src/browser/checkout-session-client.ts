// Browser client for POST /checkout/session: copy this file (with service-call.ts, service-error.ts and
// generated/openapi.ts) into your checkout page. It asks your backend, never Primer, for a client token;
// the Primer API key stays on the server.
import type { components, operations } from './generated/openapi.js';
import { postToService, type ServiceCallOptions } from './service-call.js';
import { CheckoutSessionError } from './service-error.js';

type SessionRequestBody = operations['openCheckoutSession']['requestBody']['content']['application/json'];
type SessionAnswer = components['schemas']['CheckoutSession'];

export interface CheckoutSession {
  clientToken: string;
  expiresAt: Date;
  // Lifetime as the server counted it at `receivedAt` (Date.now() on arrival), so a wrong shopper clock cannot skew it.
  expiresInMs: number;
  receivedAt: number;
  requestId: string | null;
}

export type CheckoutSessionOptions = ServiceCallOptions;

const ENDPOINT = '/checkout/session';

// Resolves to the token and its expiry, or rejects with a CheckoutSessionError; retried once as service-call.ts says.
export async function requestCheckoutSession(cartId: string, options: CheckoutSessionOptions = {}): Promise<CheckoutSession> {
  const body: SessionRequestBody = { cartId };
  const { response, requestId } = await postToService(options.endpoint ?? ENDPOINT, body, options);
  return sessionFrom(response, (await response.json().catch(() => null)) as Partial<SessionAnswer> | null, requestId);
}

const inFlight = new Map<string, Promise<CheckoutSession>>();

// Calls for the same cart while one is under way share it, so a double click sends one request.
export function openCheckoutSession(cartId: string, options: CheckoutSessionOptions = {}): Promise<CheckoutSession> {
  const key = `${options.endpoint ?? ENDPOINT} ${cartId}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = requestCheckoutSession(cartId, options).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
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
