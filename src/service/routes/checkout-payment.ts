import { Router, type Request, type Response } from 'express';
import { methodNotAllowed } from '../http/fallback-routes';
import { jsonBody } from '../http/json-body';
import { sendProblem } from '../http/problem';
import { requestContextOf } from '../http/request-context';
import { credentialsOf } from '../http/shopper-credentials';
import type { PaymentConfirmations } from '../payments/payment-confirmations';
import { PAYMENT_ID } from '../payments/read-payment-state';
import { CART_ID } from './checkout-session';

// The page's confirmation after the SDK reported a payment; behind the same rate limit budget as POST /checkout/session.
export function checkoutPaymentRoutes(confirmations: PaymentConfirmations): Router {
  const router = Router();
  router.route('/checkout/payment').post(jsonBody, confirm(confirmations)).all(methodNotAllowed(['POST']));
  return router;
}

function confirm(confirmations: PaymentConfirmations) {
  return async (req: Request, res: Response): Promise<void> => {
    const { cartId, paymentId } = (req.body ?? {}) as { cartId?: unknown; paymentId?: unknown };
    if (typeof cartId !== 'string' || !CART_ID.test(cartId) || typeof paymentId !== 'string' || !PAYMENT_ID.test(paymentId)) {
      sendProblem(res, req.requestId, {
        status: 400,
        code: 'invalid_request',
        title: 'Invalid request',
        detail: 'The body must be a JSON object with a cartId (as for POST /checkout/session) and a paymentId of 1 to 64 letters, digits, "_" or "-".',
      });
      return;
    }
    const confirmed = await confirmations.confirm({ cartId, paymentId, credentials: credentialsOf(req), context: requestContextOf(req) });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ paymentId: confirmed.paymentId, status: confirmed.status, outcome: confirmed.outcome });
  };
}
