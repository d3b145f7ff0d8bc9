import type { NextFunction, Request, Response } from 'express';
import { UpstreamError } from '../upstream/upstream-error';
import { BODY_PROBLEMS } from './json-body';
import { sendProblem, type Problem } from './problem';
import { problemForError } from './problem-for-error';
import { wasAnsweredAtShutdown } from './shutdown-answer';

interface ClientHttpError {
  status: number;
  expose: true;
}

// body-parser and Express raise http-errors: `expose` marks a client's mistake whose status is safe to act on.
function isClientHttpError(error: unknown): error is ClientHttpError {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' && 'expose' in error && error.expose === true;
}

// The request's own faults keep their 4xx; everything else goes through the contract table.
function problemFor(error: unknown): Problem {
  if (isClientHttpError(error) && error.status >= 400 && error.status < 500) {
    if (error.status === 413) return BODY_PROBLEMS.tooLarge;
    if (error.status === 415) return BODY_PROBLEMS.notJson;
    return BODY_PROBLEMS.malformed;
  }
  return problemForError(error);
}

// Logs through req.log, the request's child logger, which carries its requestId and traceId.
export function errorHandler() {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (wasAnsweredAtShutdown(res)) return;
    const problem = problemFor(error);
    if (error instanceof UpstreamError) {
      // Primer's and the order service's own words stay here, in the log, next to the request id.
      req.log.warn({ upstream: error.upstream, kind: error.kind, detail: error.detail }, 'upstream failure');
    } else if (problem.status === 500) {
      req.log.error({ err: error }, 'unhandled error');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendProblem(res, req.requestId, problem);
  };
}
