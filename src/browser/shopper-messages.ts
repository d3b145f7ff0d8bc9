// Plain words for the shopper per failure; `detail` and `requestId` are for support, not for the headline.
import type { CheckoutSessionError, CheckoutSessionErrorCode, ProblemCode } from './service-error.js';

type KnownCode = Exclude<CheckoutSessionErrorCode, `http_${number}`>;

// Keyed by every code the OpenAPI document lists: a new code there fails the build until it has a message.
const MESSAGES: Record<KnownCode, string> & Record<ProblemCode, string> = {
  network_error: 'We could not reach the shop. Check your connection and try again.',
  timeout: 'The shop took too long to answer. Please try again.',
  invalid_response: 'Something went wrong while preparing your payment. Please try again later.',
  invalid_request: 'Something went wrong on this page. Please reload it and try again.',
  unauthenticated: 'Your session has ended. Please sign in again to pay.',
  cart_not_found: 'We could not find your basket. It may have expired; please go back to the shop.',
  not_found: 'Something went wrong on this page. Please reload it and try again.',
  method_not_allowed: 'Something went wrong on this page. Please reload it and try again.',
  payload_too_large: 'Something went wrong on this page. Please reload it and try again.',
  unsupported_media_type: 'Something went wrong on this page. Please reload it and try again.',
  cart_not_payable: 'This basket cannot be paid for as it is. Please review it and try again.',
  rate_limited: 'Too many attempts in a short time. Please wait a moment and try again.',
  upstream_error: 'The payment provider could not start the checkout. Please try again later.',
  upstream_unavailable: 'Payments are briefly unavailable. Please try again in a moment.',
  upstream_timeout: 'The payment provider took too long to answer. Please try again.',
  internal_error: 'Something went wrong while preparing your payment. Please try again later.',
  payment_not_found: 'We could not confirm this payment for your basket. Please check your order confirmation before paying again.',
  // Primer's webhooks only: no shopper's page ever gets these.
  webhook_signature_invalid: 'Something went wrong on this page. Please reload it and try again.',
  webhook_signature_stale: 'Something went wrong on this page. Please reload it and try again.',
};
const FALLBACK_MESSAGE = 'Something went wrong while preparing your payment. Please try again later.';

export function shopperMessage(error: Pick<CheckoutSessionError, 'code'>): string {
  return (MESSAGES as Record<string, string | undefined>)[error.code] ?? FALLBACK_MESSAGE;
}
