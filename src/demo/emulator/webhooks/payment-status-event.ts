import { primerTimestamp } from '../sessions/expiry-date';
import type { EmulatorPayment } from '../payments/emulator-payment';

// The emulator's one webhook, as Primer's dashboard would list it.
const NOTIFICATION_CONFIG = { id: '5b8a7c1e-9f3d-4c2a-8e61-0d4f2b7a9c35', description: 'Primer emulator webhook' };

// Primer's PAYMENT.STATUS body (https://primer.io/docs/api/webhooks/payment-webhooks/payment-status-webhook-event):
// the full payment, and `signedAt` in Unix seconds written as a string, as in Primer's example.
export function paymentStatusEvent(payment: EmulatorPayment, sentAt: Date, signedAt: Date) {
  return {
    eventType: 'PAYMENT.STATUS',
    date: primerTimestamp(sentAt),
    notificationConfig: NOTIFICATION_CONFIG,
    version: '2.4',
    signedAt: String(Math.floor(signedAt.getTime() / 1000)),
    payment,
  };
}
