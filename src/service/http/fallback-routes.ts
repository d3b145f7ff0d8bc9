import type { Request, Response } from 'express';
import { sendProblem } from './problem';

export function notFound(req: Request, res: Response): void {
  sendProblem(res, req.requestId, { status: 404, code: 'not_found', title: 'Not found', detail: 'No such route.' });
}

// For `.all()` after a route's real methods: a known path with an unknown method is 405, not 404.
export function methodNotAllowed(allowed: readonly string[]) {
  return (req: Request, res: Response): void => {
    res.setHeader('Allow', allowed.join(', '));
    sendProblem(res, req.requestId, { status: 405, code: 'method_not_allowed', title: 'Method not allowed', detail: `Use ${allowed.join(' or ')}.` });
  };
}
