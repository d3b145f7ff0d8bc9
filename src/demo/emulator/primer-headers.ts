import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { checkApiVersion } from './api-version';
import { primerError } from './primer-error';

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

// Any key will do unless one is configured, but a key there must be, as at Primer.
export function requireApiKey(apiKey: string | undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = req.get('x-api-key');
    if (!given || (apiKey !== undefined && !sameSecret(given, apiKey))) {
      res.status(401).json(primerError('Unauthorized', 'Invalid or missing API key.'));
      return;
    }
    next();
  };
}

export function requireApiVersion(now: () => Date) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const verdict = checkApiVersion(req.get('x-api-version'), now());
    if (!verdict.accepted) {
      res.status(verdict.status).json(primerError(verdict.errorId, verdict.description));
      return;
    }
    next();
  };
}
