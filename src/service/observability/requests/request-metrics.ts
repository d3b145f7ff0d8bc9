import type { NextFunction, Request, Response } from 'express';
import { routeOf } from './route-of';
import type { Metrics } from '../metrics/metrics';

// Node's parser accepts about thirty methods; anything unusual shares one label so a scanner cannot grow the series.
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

// Route templates ('/checkout/session', 'unmatched'), never raw paths: label cardinality stays bounded.
export function requestMetrics(metrics: Metrics) {
  // One listener for every request, not a closure each; it times from the request's arrival (req.startedAt).
  function observe(this: Response): void {
    const req = this.req;
    const method = KNOWN_METHODS.has(req.method) ? req.method : 'OTHER';
    if (this.writableFinished) metrics.observeRequest(method, routeOf(req), this.statusCode, (performance.now() - req.startedAt) / 1000);
    else metrics.countAbortedRequest(method, routeOf(req));
  }
  return (_req: Request, res: Response, next: NextFunction): void => {
    res.on('close', observe);
    next();
  };
}
