import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import type { NextFunction, Request, Response } from 'express';
import { routeOf } from './route-of';

const tracer = trace.getTracer('checkout-session-service');

// One server span per request (contract section 7): a valid incoming traceparent is continued, an invalid one ignored.
export function traceRequest(req: Request, res: Response, next: NextFunction): void {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer.startSpan(
    req.method,
    {
      kind: SpanKind.SERVER,
      attributes: {
        [ATTR_HTTP_REQUEST_METHOD]: req.method,
        [ATTR_URL_PATH]: req.path,
        [ATTR_URL_SCHEME]: req.protocol,
        // The id the service answered with, so a trace can be looked up from X-Request-Id alone.
        'http.response.header.x-request-id': [req.requestId],
      },
    },
    parent,
  );
  const active = trace.setSpan(parent, span);
  res.once('close', () => {
    const route = routeOf(req);
    span.updateName(`${req.method} ${route}`);
    span.setAttribute(ATTR_HTTP_ROUTE, route);
    if (res.writableFinished) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
    else span.setAttribute('error.type', 'aborted');
    // For a server span only 5xx is the service's fault; 4xx is the caller's.
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  // Listeners added later (body-parser's 'data'/'end', the log's 'finish') run in the request's context too.
  context.bind(active, req);
  context.bind(active, res);
  context.with(active, next);
}
