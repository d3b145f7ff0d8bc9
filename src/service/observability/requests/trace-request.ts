import { isSpanContextValid, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import type { NextFunction, Request, Response } from 'express';
import { beginTraceInFlight, endTraceInFlight, type TraceFields } from '../tracing/traces-in-flight';
import { routeOf } from './route-of';

declare module 'express-serve-static-core' {
  interface Request {
    // The request's trace, holding its server span: every upstream attempt is its child (requestContextOf passes it on).
    traceContext: Context;
    // Its ids as log lines carry them; undefined when tracing is off.
    traceFields: TraceFields | undefined;
  }
}

const tracer = trace.getTracer('checkout-session-service');
const SERVER_SPAN = { kind: SpanKind.SERVER };

// One server span per request (docs/operations.md): a valid incoming traceparent is continued, an invalid one ignored.
export function traceRequest(req: Request, res: Response, next: NextFunction): void {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer.startSpan(req.method, SERVER_SPAN, parent);
  req.traceContext = trace.setSpan(parent, span);
  const ids = span.spanContext();
  req.traceFields = isSpanContextValid(ids) ? { traceId: ids.traceId, spanId: ids.spanId } : undefined;
  if (req.traceFields) beginTraceInFlight(req.requestId, req.traceFields);
  if (span.isRecording()) {
    span.setAttributes({
      [ATTR_HTTP_REQUEST_METHOD]: req.method,
      [ATTR_URL_PATH]: req.path,
      [ATTR_URL_SCHEME]: req.protocol,
      // The id the service answered with, so a trace can be looked up from X-Request-Id alone.
      'http.response.header.x-request-id': [req.requestId],
    });
  }
  res.on('close', endRequestTrace);
  // No context.with: the trace travels with the request (requestContextOf), so no context manager runs per request.
  next();
}

// One listener for every request, not a closure each.
function endRequestTrace(this: Response): void {
  const req = this.req;
  if (req.traceFields) endTraceInFlight(req.requestId, req.traceFields);
  const span = trace.getSpan(req.traceContext);
  if (span?.isRecording()) endServerSpan(span, req, this);
}

function endServerSpan(span: Span, req: Request, res: Response): void {
  const route = routeOf(req);
  span.updateName(`${req.method} ${route}`);
  span.setAttribute(ATTR_HTTP_ROUTE, route);
  if (res.writableFinished) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
  else span.setAttribute('error.type', 'aborted');
  // For a server span only 5xx is the service's fault; 4xx is the caller's.
  if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
