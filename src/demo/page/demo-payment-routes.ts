import express, { type RequestHandler, type Router } from 'express';
import { isPaymentStatus } from '../emulator/payments/emulator-payment';
import { SessionNotPayableError } from '../emulator/payments/emulator-payments';
import type { PaymentControl } from '../emulator/payments/payment-control';
import type { InMemoryOrderService } from '../orders/in-memory-order-service';

// The in-process emulator, when demo mode runs one: the page pays through it as the SDK would.
export type SimulatedPayments = Pick<PaymentControl, 'pay'>;
// The in-memory order service, when this process holds the carts: the page shows what it recorded.
export type RecordedPaymentEvents = Pick<InMemoryOrderService, 'paymentEvents'>;

// Long enough for the webhook's first attempt through the service to the order service, short enough for a page.
const LONGEST_DELIVERY_WAIT_MS = 5000;
const MAX_TOKEN_LENGTH = 8 * 1024;

function waitAtMost(delivered: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([delivered, cap]).finally(() => clearTimeout(timer));
}

// POST /demo/payments {clientToken, status}: the emulator makes the payment and sends its webhook; the answer,
// like the SDK's success callback, is only `{id, orderId}` and comes once the webhook's first attempt was answered.
function simulatePayment(payments: SimulatedPayments): RequestHandler {
  return async (req, res) => {
    const { clientToken, status } = (req.body ?? {}) as { clientToken?: unknown; status?: unknown };
    if (typeof clientToken !== 'string' || clientToken.length === 0 || clientToken.length > MAX_TOKEN_LENGTH || !isPaymentStatus(status)) {
      res.status(400).json({ error: "the body must be {clientToken, status} with one of Primer's payment statuses" });
      return;
    }
    try {
      const made = payments.pay(clientToken, status);
      if (!made) {
        res.status(404).json({ error: 'the emulator has no session for this token (unknown or expired)' });
        return;
      }
      await waitAtMost(made.delivered, LONGEST_DELIVERY_WAIT_MS);
      res.status(201).json({ id: made.payment.id, orderId: made.payment.orderId });
    } catch (error) {
      if (!(error instanceof SessionNotPayableError)) throw error;
      res.status(422).json({ error: error.message });
    }
  };
}

// The demo-only routes of the payment loop; each exists only when its counterpart runs in this process.
export function demoPaymentRoutes(payments: SimulatedPayments | undefined, events: RecordedPaymentEvents | undefined): Router {
  const router = express.Router();
  if (payments) router.post('/demo/payments', express.json({ limit: '16kb' }), simulatePayment(payments));
  if (events) router.get('/demo/orders/:orderId/payment-events', (req, res) => res.json({ orderId: req.params.orderId, events: events.paymentEvents(req.params.orderId) }));
  return router;
}
