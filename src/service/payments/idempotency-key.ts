import type { PaymentState } from './payment-state';

// The same for one payment state from either source, so the order service can apply a repeat as a no-op (docs/payments.md).
// None of the parts can hold a `:` that would make two states collide except dateUpdated, which comes last.
export function idempotencyKeyOf(state: Pick<PaymentState, 'paymentId' | 'status' | 'dateUpdated'>): string {
  return `${state.paymentId}:${state.status}:${state.dateUpdated}`;
}
