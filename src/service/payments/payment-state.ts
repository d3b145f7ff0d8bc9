// Primer's payment statuses (PaymentStatus in API 2.4); any other value is read as pending.
export type PaymentStatus = 'PENDING' | 'FAILED' | 'AUTHORIZED' | 'SETTLING' | 'PARTIALLY_SETTLED' | 'SETTLED' | 'DECLINED' | 'CANCELLED';

// What the page is told: paid, pending or failed.
export type PaymentOutcome = 'paid' | 'pending' | 'failed';

// Where the service learned of a payment state: Primer's webhook, or the page's confirmation (GET /payments/{id}).
export type PaymentSource = 'webhook' | 'confirmation';

// One state of one payment, reduced to what the order service is told (docs/payments.md).
export interface PaymentState {
  readonly paymentId: string;
  readonly orderId: string;
  // Primer's status as sent, so a status added after API 2.4 still reaches the order service.
  readonly status: string;
  readonly amount: number;
  readonly currencyCode: string;
  // ISO-8601 UTC with `Z`, to the millisecond: the payment's dateUpdated, else its date.
  readonly dateUpdated: string;
  // The payment's metadata.cartId when it is a string (the service puts it there when it creates the session).
  readonly cartId?: string;
}

// What POST /orders/{orderId}/payment-events carries: a payment state and where it came from.
export interface PaymentEvent extends PaymentState {
  readonly source: PaymentSource;
}
