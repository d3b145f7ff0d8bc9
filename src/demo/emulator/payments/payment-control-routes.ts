import { Type } from '@sinclair/typebox';
import type { Router } from 'express';
import { controlBody } from '../control-body';
import { PAYMENT_STATUSES, type PaymentStatus } from './emulator-payment';
import { SessionNotPayableError } from './emulator-payments';
import type { PaymentControl } from './payment-control';

const Status = Type.Union(PAYMENT_STATUSES.map((status) => Type.Literal(status)));
const readPayment = controlBody<{ clientToken: string; status: PaymentStatus }>(
  Type.Object({ clientToken: Type.String({ minLength: 1 }), status: Status }, { additionalProperties: false }),
  'payment',
);
const readStatusChange = controlBody<{ status: PaymentStatus }>(Type.Object({ status: Status }, { additionalProperties: false }), 'status change');

// POST /_emulator/payments pays for a session as the SDK would; POST /_emulator/payments/{id}/status moves it on.
// Both answer at once; the webhook goes out meanwhile (GET /_emulator/webhooks lists its attempts).
export function addPaymentControlRoutes(router: Router, payments: PaymentControl): void {
  router.post('/payments', (req, res) => {
    const body = readPayment(req, res);
    if (!body) return;
    try {
      const made = payments.pay(body.clientToken, body.status);
      if (!made) {
        res.status(404).json({ error: 'no client session has this token (unknown or expired)' });
        return;
      }
      res.status(201).json(made.payment);
    } catch (error) {
      if (!(error instanceof SessionNotPayableError)) throw error;
      res.status(422).json({ error: error.message });
    }
  });
  router.post('/payments/:id/status', (req, res) => {
    const body = readStatusChange(req, res);
    if (!body) return;
    const changed = payments.changeStatus(req.params.id, body.status);
    if (!changed) {
      res.status(404).json({ error: 'no payment has this id' });
      return;
    }
    res.json(changed.payment);
  });
}
