import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
    // performance.now() when the request reached the service: its log line and its metric time from here.
    startedAt: number;
  }
}

// Short and of safe characters, so an incoming id can go into logs and upstream headers as it is.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

// The first step of every request: its arrival time and its id, answered as X-Request-Id.
export function requestId(req: Request, res: Response, next: NextFunction): void {
  req.startedAt = performance.now();
  const incoming = req.headers['x-request-id'];
  req.requestId = typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', req.requestId);
  next();
}
