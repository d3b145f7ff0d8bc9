import type { PaymentEvent } from '../payments/payment-state';
import type { RequestContext } from '../upstream/request-context';

// The port for telling the order service of a payment state (POST /orders/{orderId}/payment-events).
// Resolves when the order service took it (2xx, or 409: it has it already). Otherwise throws an UpstreamError:
// UpstreamUnavailableError or UpstreamTimeoutError when it could not take it now, UpstreamRejectedError for any other answer.
export interface PaymentEventSink {
  record(event: PaymentEvent, context: RequestContext): Promise<void>;
}
