import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from '@opentelemetry/semantic-conventions';
import type { AxiosInstance, RawAxiosRequestHeaders } from 'axios';
import { sendAttempt, type AttemptRequest, type AttemptResult } from './http-attempt';
import type { Upstream } from './upstream-error';

const tracer = trace.getTracer('checkout-session-service');

export interface AttemptTrace {
  upstream: Upstream;
  // The path with its variable part named ('/carts/{cartId}'), so span names stay few.
  urlTemplate: string;
  // 1 for the first try; retries show as 2, 3… (semantic conventions' resend count is this minus one).
  attempt: number;
}

// One client span per attempt (contract section 7), its traceparent/tracestate injected into that attempt's headers.
export function tracedAttempt(client: AxiosInstance, request: AttemptRequest, about: AttemptTrace): Promise<AttemptResult> {
  const span = tracer.startSpan(`${request.method} ${about.urlTemplate}`, { kind: SpanKind.CLIENT, attributes: attributesOf(client, request, about) });
  const headers: RawAxiosRequestHeaders = { ...request.headers };
  propagation.inject(trace.setSpan(context.active(), span), headers);
  return sendAttempt(client, { ...request, headers }).then((result) => {
    recordResult(span, result);
    span.end();
    return result;
  });
}

interface ServerOf {
  address: string;
  port: number;
}

// A client's base URL never changes: parsed once per upstream, not on every attempt.
const servers = new WeakMap<AxiosInstance, ServerOf>();

function serverOf(client: AxiosInstance): ServerOf {
  let server = servers.get(client);
  if (server === undefined) {
    const base = new URL(client.defaults.baseURL ?? 'http://unknown');
    server = { address: base.hostname, port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)) };
    servers.set(client, server);
  }
  return server;
}

function attributesOf(client: AxiosInstance, request: AttemptRequest, about: AttemptTrace) {
  const server = serverOf(client);
  return {
    [ATTR_HTTP_REQUEST_METHOD]: request.method.toUpperCase(),
    [ATTR_SERVER_ADDRESS]: server.address,
    [ATTR_SERVER_PORT]: server.port,
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
