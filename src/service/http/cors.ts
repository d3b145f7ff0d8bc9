import cors from 'cors';
import type { NextFunction, Request, Response } from 'express';

// Headers the checkout page may send, and those its script may read (the id to quote to support, the limiter's advice).
const ALLOWED_HEADERS = ['Content-Type', 'Authorization', 'X-Request-Id'];
// Date lets src/browser/checkout-session-client.ts time a token's refresh by the server's clock, not the shopper's.
const EXPOSED_HEADERS = ['X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy', 'Date'];
const PREFLIGHT_MAX_AGE_S = 600;

// Only the listed origins get CORS headers (with credentials); any other origin gets none, so the browser blocks it.
export function corsFor(origins: readonly string[]) {
  const allowed = new Set(origins.map((origin) => origin.toLowerCase()));
  const handle = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin.toLowerCase())),
    credentials: true,
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_S,
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    // The answer depends on Origin even when it carries no CORS headers: caches must not share it across origins.
    res.vary('Origin');
    // No Origin (a server, a probe, a same-origin GET): cors would add nothing, so skip its per-request work.
    if (req.headers.origin === undefined) next();
    else handle(req, res, next);
  };
}
