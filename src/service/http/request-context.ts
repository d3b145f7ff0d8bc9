import type { Request } from 'express';
import type { RequestContext } from '../upstream/request-context';

// The context a route hands the use case for the upstream calls it makes on this request's behalf.
export function requestContextOf(req: Request): RequestContext {
  return { requestId: req.requestId, trace: req.traceContext };
}
