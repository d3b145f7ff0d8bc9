import type { EmulatorSessions } from '../sessions/emulator-sessions';
import type { WebhookSender } from '../webhooks/webhook-sender';
import type { EmulatorPayment, PaymentStatus } from './emulator-payment';
import type { EmulatorPayments } from './emulator-payments';

// A payment state, and its PAYMENT.STATUS delivery: resolves once the first attempt was answered.
export interface PaymentChange {
  payment: EmulatorPayment;
  delivered: Promise<void>;
}

// What the SDK and Primer's processors do, on request: pay for a session, then move the payment on.
export interface PaymentControl {
  // Undefined for an unknown or expired client token; throws SessionNotPayableError for a session without an amount.
  pay(clientToken: string, status: PaymentStatus): PaymentChange | undefined;
  // Undefined for an unknown payment id.
  changeStatus(paymentId: string, status: PaymentStatus): PaymentChange | undefined;
}

export function paymentControl(sessions: EmulatorSessions, payments: EmulatorPayments, webhooks: WebhookSender): PaymentControl {
  const announce = (payment: EmulatorPayment | undefined): PaymentChange | undefined =>
    payment && { payment, delivered: webhooks.paymentChanged(payment) };
  return {
    pay: (clientToken, status) => {
      const session = sessions.find(clientToken);
      return session && announce(payments.create(session, status));
    },
    changeStatus: (paymentId, status) => announce(payments.changeStatus(paymentId, status)),
  };
}
