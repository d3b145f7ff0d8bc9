// Both SDK integrations call this from their success callbacks: Primer's guidance is that the callback is for the UI,
// and the backend's view (here POST /checkout/payment) is what the shopper is told.
import type { ConfirmPayment, PaymentResultListener } from './payment-form.js';

// The payment as either SDK's success callback describes it.
export interface ReportedPayment {
  id?: string | null | undefined;
  orderId?: string | null | undefined;
}

export async function reportServerOutcome(payment: ReportedPayment | null | undefined, confirm: ConfirmPayment, onResult: PaymentResultListener): Promise<void> {
  const paymentId = payment?.id ?? null;
  const orderId = payment?.orderId ?? null;
  if (paymentId === null) {
    onResult({ outcome: 'unconfirmed', paymentId, orderId, error: new Error('the SDK reported a payment without an id') });
    return;
  }
  onResult({ outcome: 'confirming', paymentId });
  try {
    onResult({ outcome: 'confirmed', confirmation: await confirm(paymentId), orderId });
  } catch (error) {
    onResult({ outcome: 'unconfirmed', paymentId, orderId, error });
  }
}
