import { propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from '@opentelemetry/semantic-conventions';
import type { AttemptResult } from './http-attempt';
import type { RequestContext } from './request-context';
import type { Upstream } from './upstream-error';

const tracer = trace.getTracer('checkout-session-service');
const CLIENT_SPAN = { kind: SpanKind.CLIENT };

export interface AttemptAbout {
  upstream: Upstream;
  method: string;
  // The path with its variable part named ('/carts/{cartId}'), so span names stay few.
  urlTemplate: string;
  // 1 for the first try; retries show as 2, 3… (semantic conventions' resend count is this minus one).
  attempt: number;
  serverAddress: string;
  serverPort: number;
}

export interface AttemptTrace {
  // traceparent (and tracestate) for this attempt's request.
  readonly headers: Record<string, string>;
  end(result: AttemptResult): void;
}

// One client span per attempt (docs/operations.md), child of the request's trace, its context sent in the attempt's headers.
// With no endpoint the span is ids alone (docs/performance.md, local tracing): its traceparent is all there is to it.
export function startAttemptTrace(context: RequestContext, about: AttemptAbout): AttemptTrace {
  const span = tracer.startSpan(`${about.method} ${about.urlTemplate}`, CLIENT_SPAN, context.trace);
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.trace, span), headers);
  if (!span.isRecording()) return { headers, end: nothingToRecord };
  span.setAttributes(attributesOf(about));
  return {
    headers,
    end: (result) => {
      recordResult(span, result);
      span.end();
    },
  };
}

function nothingToRecord(): void {}

function attributesOf(about: AttemptAbout) {
  return {
    [ATTR_HTTP_REQUEST_METHOD]: about.method,
    [ATTR_SERVER_ADDRESS]: about.serverAddress,
    [ATTR_SERVER_PORT]: about.serverPort,
    'url.template': about.urlTemplate,
    'peer.service': about.upstream,
    ...(about.attempt > 1 ? { 'http.request.resend_count': about.attempt - 1 } : {}),
  };
}

// Client spans mark any 4xx/5xx and every failure to get an answer as errors, as the HTTP conventions ask.
function recordResult(span: Span, result: AttemptResult): void {
  if (result.kind === 'response') {
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, result.status);
    if (result.status >= 400) {
      span.setAttribute(ATTR_ERROR_TYPE, String(result.status));
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    return;
  }
  span.setAttribute(ATTR_ERROR_TYPE, result.kind);
  span.setStatus({ code: SpanStatusCode.ERROR, ...(result.kind === 'connection-error' ? { message: result.detail } : {}) });
}
