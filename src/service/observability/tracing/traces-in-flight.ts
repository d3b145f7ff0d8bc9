// A request's trace as its log lines carry it (docs/operations.md, Logs).
export interface TraceFields {
  readonly traceId: string;
  readonly spanId: string;
}

// The traces of the requests in flight, by request id. The adapters log with the requestId of the call they make, and
// no async context follows them there: the logger finds the trace here instead.
const byRequestId = new Map<string, TraceFields>();

export function traceInFlight(requestId: string): TraceFields | undefined {
  return byRequestId.get(requestId);
}

export function beginTraceInFlight(requestId: string, fields: TraceFields): void {
  byRequestId.set(requestId, fields);
}

// Only its own entry: a caller that sends one X-Request-Id on two requests at once must not end the other's.
export function endTraceInFlight(requestId: string, fields: TraceFields): void {
  if (byRequestId.get(requestId) === fields) byRequestId.delete(requestId);
}
