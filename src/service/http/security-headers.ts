import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

// helmet's headers with its defaults never depend on the request: they are worked out once, by running helmet against
// a blank response at start-up, and then set from that list on every response (docs/performance.md).
export function securityHeaders() {
  const blank = new ServerResponse(new IncomingMessage(new Socket()));
  helmet()(blank.req, blank, () => {});
  const headers = Object.entries(blank.getHeaders()).map(([name, value]) => [name, value ?? ''] as const);
  return (_req: Request, res: Response, next: NextFunction): void => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
