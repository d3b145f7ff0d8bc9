import type { Request } from 'express';

// The matched route template ('/checkout/session'), never the raw path: bounded cardinality in logs, metrics and spans.
export function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? req.baseUrl + path : 'unmatched';
}
