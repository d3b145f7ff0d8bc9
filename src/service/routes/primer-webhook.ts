import { Router, type Request, type Response } from 'express';
import { methodNotAllowed } from '../http/fallback-routes';
import { requestContextOf } from '../http/request-context';
import { webhookBody } from '../http/webhook-body';
import type { WebhookDeliveries } from '../payments/webhook-deliveries';

// Mounted only with PRIMER_WEBHOOK_SECRETS (or the demo world's secret); never behind the shopper rate limit.
export function primerWebhookRoutes(deliveries: WebhookDeliveries): Router {
  const router = Router();
  router.route('/webhooks/primer').post(webhookBody, receive(deliveries)).all(methodNotAllowed(['POST']));
  return router;
}

function receive(deliveries: WebhookDeliveries) {
  return async (req: Request, res: Response): Promise<void> => {
    const result = await deliveries.receive({
      rawBody: req.body as Buffer,
      signatures: { primary: req.get('X-Signature-Primary'), secondary: req.get('X-Signature-Secondary') },
      context: requestContextOf(req),
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ result });
  };
}
