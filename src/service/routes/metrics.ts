import { Router } from 'express';
import { methodNotAllowed } from '../http/fallback-routes';
import type { Metrics } from '../observability/metrics/metrics';

export function metricsRoutes(metrics: Metrics): Router {
  const router = Router();
  router
    .route('/metrics')
    .get(async (_req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    })
    .all(methodNotAllowed(['GET']));
  return router;
}
