import type { TraceFields } from '../tracing/traces-in-flight';

export interface RequestOutcome {
  requestId: string;
  trace: TraceFields | undefined;
  method: string;
  // As received: the query string is cut off here, never logged.
  url: string;
  statusCode: number;
  durationMs: number;
  route: string;
  // false when the client left before the answer was sent.
  finished: boolean;
}

// The one line per request (docs/operations.md, Logs): ids, method and path, status, time and route; no headers (credentials
// live there) and no query string.
export function requestLine(outcome: RequestOutcome): object {
  const query = outcome.url.indexOf('?');
  const line = {
    requestId: outcome.requestId,
    ...outcome.trace,
    req: { method: outcome.method, url: query < 0 ? outcome.url : outcome.url.slice(0, query) },
    res: { statusCode: outcome.statusCode },
    responseTime: Math.round(outcome.durationMs),
    route: outcome.route,
  };
  return outcome.finished ? line : { ...line, aborted: true };
}
