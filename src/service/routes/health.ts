import { Router } from 'express';
import { methodNotAllowed } from '../http/fallback-routes';
import type { Readiness } from '../lifecycle/readiness';

export function healthRoutes(readiness: Readiness): Router {
  const router = Router();
  router
    .route('/healthz')
    .get((_req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json({ status: 'ok' });
    })
    .all(methodNotAllowed(['GET']));
  router
    .route('/readyz')
    .get((_req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      if (readiness.isDraining) res.status(503).json({ status: 'draining' });
      else res.json({ status: 'ready' });
    })
    .all(methodNotAllowed(['GET']));
  return router;
}
