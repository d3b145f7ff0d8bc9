import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger';
import { requestLine } from './request-line';
import { requestLogLevel } from './request-log-level';
import { routeOf } from './route-of';

declare module 'express-serve-static-core' {
  interface Request {
    // A child logger carrying the request's requestId and traceId, made on first use: few requests log through it.
    readonly log: Logger;
  }
}

// One line per request, written when the response closes from values already at hand, and `req.log` for the code that
// logs on a request's behalf.
export function requestLog(logger: Logger) {
  // The line holds only ids, the method, the path, the status and the route: none of the redacted paths can be in it,
  // and redaction's pass over every line cost about eight times the rest of the write (docs/performance.md).
  const lines = logger.child({}, { redact: [] });
  const failed = new WeakSet<Response>();
  // One listener of each kind for every request, not a closure each.
  function writeRequestLine(this: Response): void {
    const req = this.req;
    // A client that leaves early is no failure of the service: its line says `aborted`, at the level of its status.
    const level = requestLogLevel(req.path, this.statusCode, failed.has(this));
    if (!lines.isLevelEnabled(level)) return;
    const line = requestLine({
      requestId: req.requestId,
      trace: req.traceFields,
      method: req.method,
      url: req.originalUrl,
      statusCode: this.statusCode,
      durationMs: performance.now() - req.startedAt,
      route: routeOf(req),
      finished: this.writableFinished,
    });
    lines[level](line, 'request');
  }
  // An 'error' on the response (a write after its end) makes its line an error, and never crashes the process.
  function markFailed(this: Response): void {
    failed.add(this);
  }
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!('log' in req)) exposeRequestLogger(Object.getPrototypeOf(req) as object, logger);
    res.on('close', writeRequestLine);
    res.on('error', markFailed);
    next();
  };
}

// Defined once on the app's request prototype; the first read on a request makes the child and keeps it there.
function exposeRequestLogger(requests: object, logger: Logger): void {
  Object.defineProperty(requests, 'log', {
    configurable: true,
    get(this: Request): Logger {
      const child = logger.child({ req: { method: this.method, url: this.originalUrl.split('?', 1)[0] }, requestId: this.requestId, ...this.traceFields });
      Object.defineProperty(this, 'log', { value: child });
      return child;
    },
  });
}
