import { rateLimit, type Store } from 'express-rate-limit';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../observability/logger';
import { sendProblem } from './problem';

// The store port: express-rate-limit's Store interface; memory by default, a shared store (e.g. Redis) can replace it.
export type RateLimitStore = Store;

export interface RateLimitOptions {
  perMinute: number;
  logger: Logger;
  store?: RateLimitStore | undefined;
}

const WINDOW_MS = 60_000;

// Per client address (req.ip, so `trust proxy` decides which hop counts); 0 turns it off (RATE_LIMIT_PER_MINUTE, README.md "Configuration").
export function rateLimitPerClient(options: RateLimitOptions) {
  if (options.perMinute === 0) return (_req: Request, _res: Response, next: NextFunction): void => next();
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: options.perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: 'checkout-session',
    ...(options.store ? { store: options.store } : {}),
    // The Redis store falls back to memory by itself (docs/resilience.md); a store that still throws is a bug, and must
    // not stop checkouts: the request goes through, logged at error.
    passOnStoreError: true,
    // Its configuration checks (e.g. a too permissive trust proxy) and store errors go to our log, not the console.
    logger: {
      warn: (error, message) => options.logger.warn({ err: error }, message ?? 'rate limiter warning'),
      error: (error, message) => options.logger.error({ err: error }, message ?? 'rate limiter error'),
    },
    // The limiter has already set Retry-After and the RateLimit headers.
    handler: (req, res) =>
      sendProblem(res, req.requestId, { status: 429, code: 'rate_limited', title: 'Too many requests', detail: 'Too many checkout attempts from this address. Try again shortly.' }),
  });
}
