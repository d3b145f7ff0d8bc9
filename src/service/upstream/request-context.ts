import type { Context } from '@opentelemetry/api';

// What every upstream call carries from the request it serves: the id sent as X-Request-Id, and the trace to continue.
export interface RequestContext {
  readonly requestId: string;
  // The request's trace: each upstream attempt's client span is its child, and its traceparent is sent upstream.
  readonly trace: Context;
}
