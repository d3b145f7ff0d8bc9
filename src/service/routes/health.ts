import { Router } from 'express';
import { methodNotAllowed } from '../http/fallback-routes';

// Flips once, on SIGTERM/SIGINT, so the load balancer stops sending new shoppers before the server closes.
export class Readiness {
  private draining = false;

  get isDraining(): boolean {
    return this.draining;
  }

  startDraining(): void {
    this.draining = true;
  }
}

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
