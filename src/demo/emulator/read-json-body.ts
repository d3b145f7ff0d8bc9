import express, { type NextFunction, type Request, type Response } from 'express';
import { primerError } from './primer-error';

// Read as text first so that a body which is not JSON is still recorded as it came.
export const readBodyText = express.text({ type: () => true, limit: '1mb' });

// Parses the text in place; a malformed body stays text and is answered later, after faults and headers.
export function decodeJsonBody(req: Request, res: Response, next: NextFunction): void {
  if (typeof req.body !== 'string' || req.body.length === 0) {
    req.body = undefined;
  } else {
    try {
      req.body = JSON.parse(req.body) as unknown;
    } catch {
      res.locals.malformedJson = true;
    }
  }
  next();
}

export function rejectMalformedJson(_req: Request, res: Response, next: NextFunction): void {
  if (res.locals.malformedJson === true) {
    res.status(400).json(primerError('InvalidRequestBody', 'The request body is not valid JSON.'));
    return;
  }
  next();
}
