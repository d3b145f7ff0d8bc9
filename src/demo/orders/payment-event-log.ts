import type { PaymentEvent } from '../../service/payments/payment-state';

// One event as the demo order service keeps it: exactly the contract's keys, plus when it arrived.
export type RecordedPaymentEvent = PaymentEvent & { readonly receivedAt: string };

// The Idempotency-Key the service sends: the same for one payment state from either source (docs/payments.md).
export function idempotencyKeyOf(event: Pick<PaymentEvent, 'paymentId' | 'status' | 'dateUpdated'>): string {
  return `${event.paymentId}:${event.status}:${event.dateUpdated}`;
}

function contractKeys(event: PaymentEvent): PaymentEvent {
  const { paymentId, orderId, cartId, status, amount, currencyCode, dateUpdated, source } = event;
  return { paymentId, orderId, ...(cartId === undefined ? {} : { cartId }), status, amount, currencyCode, dateUpdated, source };
}

// The payment events an order system applied, once per Idempotency-Key; the oldest go first past the limit.
export class PaymentEventLog {
  #events: RecordedPaymentEvent[] = [];
  readonly #keys = new Set<string>();

  constructor(
    private readonly limit = 10_000,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(event: PaymentEvent): 'recorded' | 'duplicate' {
    const key = idempotencyKeyOf(event);
    if (this.#keys.has(key)) return 'duplicate';
    this.#keys.add(key);
    this.#events.push({ ...contractKeys(event), receivedAt: this.now().toISOString() });
    const dropped = this.#events.length > this.limit ? this.#events.shift() : undefined;
    if (dropped) this.#keys.delete(idempotencyKeyOf(dropped));
    return 'recorded';
  }

  forOrder(orderId: string): RecordedPaymentEvent[] {
    return this.#events.filter((event) => event.orderId === orderId).map((event) => ({ ...event }));
  }
}
