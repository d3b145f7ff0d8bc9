import { Router, type Request, type Response } from 'express';
import type { CheckoutSessions } from '../checkout/checkout-sessions';
import { methodNotAllowed } from '../http/fallback-routes';
import { jsonBody } from '../http/json-body';
import { sendProblem } from '../http/problem';
import { requestContextOf } from '../http/request-context';
import { credentialsOf } from '../http/shopper-credentials';

// docs/openapi.yaml (cartId): a leading letter or digit, so no `.`/`..` or path tricks can reach the order service's URL.
export const CART_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function checkoutSessionRoutes(checkout: CheckoutSessions): Router {
  const router = Router();
  router.route('/checkout/session').post(jsonBody, openSession(checkout)).all(methodNotAllowed(['POST']));
  return router;
}

function openSession(checkout: CheckoutSessions) {
  return async (req: Request, res: Response): Promise<void> => {
    const cartId: unknown = (req.body as { cartId?: unknown } | undefined)?.cartId;
    if (typeof cartId !== 'string' || !CART_ID.test(cartId)) {
      sendProblem(res, req.requestId, {
        status: 400,
        code: 'invalid_request',
        title: 'Invalid request',
        detail: 'The body must be a JSON object with a cartId of 1 to 128 letters, digits, "_" or "-", starting with a letter or digit.',
      });
      return;
    }
    // Only the cart id is taken from the browser: amounts and currency come from the order service.
    const token = await checkout.open({ cartId, credentials: credentialsOf(req), context: requestContextOf(req) });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ clientToken: token.clientToken, clientTokenExpirationDate: new Date(token.expiresAt).toISOString() });
  };
}
