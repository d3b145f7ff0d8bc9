import type { Express, NextFunction, Request, Response } from 'express';
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
export function useRequestLog(app: Express, logger: Logger): void {
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: Request): Logger {
      const child = logger.child({ req: { method: this.method, url: this.originalUrl.split('?', 1)[0] }, requestId: this.requestId, ...this.traceFields });
      Object.defineProperty(this, 'log', { value: child });
      return child;
    },
  });
  // The line holds only ids, the method, the path, the status and the route: none of the redacted paths can be in it,
  // and redaction's pass over every line cost about eight times the rest of the write (docs/performance.md).
  const lines = logger.child({}, { redact: [] });
  // One listener for every request of this app, not a closure each.
  function writeRequestLine(this: Response): void {
    const req = this.req;
    const finished = this.writableFinished;
    const level = requestLogLevel(req.path, this.statusCode, !finished);
    if (!lines.isLevelEnabled(level)) return;
    const line = requestLine({
      requestId: req.requestId,
      trace: req.traceFields,
      method: req.method,
      url: req.originalUrl,
      statusCode: this.statusCode,
      durationMs: performance.now() - req.startedAt,
      route: routeOf(req),
      finished,
    });
    lines[level](line, 'request');
  }
  app.use((_req: Request, res: Response, next: NextFunction): void => {
    res.on('close', writeRequestLine);
    next();
  });
}
