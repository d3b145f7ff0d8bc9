import type { NextFunction, Request, Response } from 'express';
import { routeOf } from '../http/route-of';
import type { Metrics } from './metrics';

// Node's parser accepts about thirty methods; anything unusual shares one label so a scanner cannot grow the series.
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

// Route templates ('/checkout/session', 'unmatched'), never raw paths: label cardinality stays bounded.
export function requestMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    res.once('close', () => {
      const method = KNOWN_METHODS.has(req.method) ? req.method : 'OTHER';
      if (res.writableFinished) metrics.observeRequest(method, routeOf(req), res.statusCode, (performance.now() - started) / 1000);
      else metrics.countAbortedRequest(method, routeOf(req));
    });
    next();
  };
}
