import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger';
import { requestLogLevel } from './request-log-level';
import { routeOf } from './route-of';

interface LoggedRequest {
  method: string;
  url: string;
}

// One line per request (contract section 5) and a child logger `req.log` carrying its requestId (traceId comes from the mixin).
export function requestLog(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req) => (req as Request).requestId,
    customProps: (req) => ({ requestId: (req as Request).requestId }),
    // Only the method and the path: no headers (credentials live there) and no query string.
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, url: req.url.split('?', 1)[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (req, res, error) => requestLogLevel((req as Request).path, res.statusCode, error !== undefined),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    customSuccessObject: (req, res, fields: object) => ({ ...fields, ...outcomeOf(req, res) }),
    // The error handler has logged the fault with its stack already; the request line only says how it ended.
    customErrorObject: (req, res, _error, fields: { res: unknown; responseTime: number }) => ({ res: fields.res, responseTime: fields.responseTime, ...outcomeOf(req, res) }),
  });
}

function outcomeOf(req: IncomingMessage, res: ServerResponse) {
  return { route: routeOf(req as Request), ...(res.writableFinished ? {} : { aborted: true }) };
}
