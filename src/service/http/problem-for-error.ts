import { CartNotPayableError } from '../checkout/client-session/cart-not-payable-error';
import { CartNotFoundError } from '../orders/errors/cart-not-found-error';
import { ShopperUnauthenticatedError } from '../orders/errors/shopper-unauthenticated-error';
import { InvalidWebhookError } from '../payments/errors/invalid-webhook-error';
import { PaymentNotFoundError } from '../payments/errors/payment-not-found-error';
import { WebhookSignatureError } from '../payments/errors/webhook-signature-error';
import { UpstreamRejectedError } from '../upstream/upstream-rejected-error';
import { UpstreamTimeoutError } from '../upstream/upstream-timeout-error';
import { UpstreamUnavailableError } from '../upstream/upstream-unavailable-error';
import type { Problem } from './problem';

// Maps the use case's typed errors to the contract's status table; anything else is a bug (500).
export function problemForError(error: unknown): Problem {
  if (error instanceof CartNotPayableError) {
    return { status: 422, code: 'cart_not_payable', title: 'Cart cannot be paid', detail: notPayableDetail[error.reason] };
  }
  if (error instanceof CartNotFoundError) {
    return { status: 404, code: 'cart_not_found', title: 'Cart not found', detail: 'No such cart for this shopper.' };
  }
  if (error instanceof ShopperUnauthenticatedError) {
    return { status: 401, code: 'unauthenticated', title: 'Not signed in', detail: 'The shop did not accept the shopper\'s credentials.' };
  }
  if (error instanceof PaymentNotFoundError) {
    return { status: 404, code: 'payment_not_found', title: 'Payment not found', detail: 'No such payment for this cart.' };
  }
  if (error instanceof WebhookSignatureError) return webhookSignatureProblem[error.reason];
  if (error instanceof InvalidWebhookError) return { status: 400, code: 'invalid_request', title: 'Invalid request', detail: error.detail };
  if (error instanceof UpstreamUnavailableError) {
    return {
      status: 503,
      code: 'upstream_unavailable',
      title: 'Service temporarily unavailable',
      detail: 'A service needed for checkout is unavailable. Try again shortly.',
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  if (error instanceof UpstreamTimeoutError) {
    return { status: 504, code: 'upstream_timeout', title: 'Upstream timeout', detail: 'A service needed for checkout took too long to answer.' };
  }
  if (error instanceof UpstreamRejectedError) {
    return { status: 502, code: 'upstream_error', title: 'Upstream error', detail: 'A service needed for checkout answered in a way we could not use.' };
  }
  return { status: 500, code: 'internal_error', title: 'Internal error', detail: 'Something went wrong on our side.' };
}

const webhookSignatureProblem: Record<WebhookSignatureError['reason'], Problem> = {
  invalid: { status: 401, code: 'webhook_signature_invalid', title: 'Webhook signature invalid', detail: 'No X-Signature-Primary or X-Signature-Secondary matches the body.' },
  stale: { status: 401, code: 'webhook_signature_stale', title: 'Webhook signature stale', detail: 'The signed body\'s signedAt is missing or outside the accepted window.' },
};

const notPayableDetail: Record<CartNotPayableError['reason'], string> = {
  no_items: 'The cart has no items.',
  total_not_positive: 'The cart total must be more than zero.',
  total_mismatch: 'The cart total does not match its items.',
  unknown_currency: 'The cart currency is not supported.',
  unknown_country: 'The cart country is not supported.',
  invalid_amount: 'The cart contains an invalid amount.',
  invalid_quantity: 'The cart contains an invalid quantity.',
  invalid_identifier: 'The cart contains an invalid identifier.',
};
