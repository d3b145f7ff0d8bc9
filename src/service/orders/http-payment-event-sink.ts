import { idempotencyKeyOf } from '../payments/idempotency-key';
import type { PaymentEvent } from '../payments/payment-state';
import { openStep } from '../upstream/call-step';
import { isUnavailable, type RetryPolicy } from '../upstream/retry-policy';
import type { FinalAnswer } from '../upstream/upstream-client';
import type { RequestContext } from '../upstream/request-context';
import type { OrderServiceApi } from './order-service-api';
import type { PaymentEventSink } from './payment-events';

// Connection errors, timeouts, 429 and 5xx, as for Primer, within ORDER_SERVICE_TIMEOUT_MS; the Idempotency-Key makes a
// repeat harmless, and Primer's own webhook retries cover what is still failing after it.
const NOTIFY_POLICY: RetryPolicy = { retryable: isUnavailable, maxRetries: 2, backoff: { baseMs: 100, capMs: 1_000 } };

// POST {ORDER_SERVICE_URL}/orders/{orderId}/payment-events: one payment state, with the service's own
// credentials (ORDER_SERVICE_TOKEN), never the shopper's.
export class HttpPaymentEventSink implements PaymentEventSink {
  constructor(
    private readonly orders: OrderServiceApi,
    private readonly token: string | undefined,
  ) {}

  record(event: PaymentEvent, context: RequestContext): Promise<void> {
    const call = {
      method: 'POST',
      path: `/orders/${encodeURIComponent(event.orderId)}/payment-events`,
      urlTemplate: '/orders/{orderId}/payment-events',
      headers: {
        'Content-Type': 'application/json',
        // The same for the same payment state from either source, so the order service can apply it once.
        'Idempotency-Key': idempotencyKeyOf(event),
        ...(this.token === undefined ? {} : { Authorization: `Bearer ${this.token}` }),
      },
      body: bodyOf(event),
      policy: NOTIFY_POLICY,
    } as const;
    return this.orders.client.call(call, openStep(context, this.orders.timeoutMs), recorded);
  }
}

// Exactly these keys: nothing else of the payment (no payment-method data) leaves the service.
function bodyOf(event: PaymentEvent) {
  return {
    paymentId: event.paymentId,
    orderId: event.orderId,
    ...(event.cartId === undefined ? {} : { cartId: event.cartId }),
    status: event.status,
    amount: event.amount,
    currencyCode: event.currencyCode,
    dateUpdated: event.dateUpdated,
    source: event.source,
  };
}

// 409: the order service has this state already, which is what recording it again would achieve.
function recorded(answer: FinalAnswer): void {
  if (answer.result.kind === 'response' && answer.result.status === 409) return;
  answer.ok();
}
