import type { Response } from 'express';

export type ProblemCode =
  | 'invalid_request'
  | 'unauthenticated'
  | 'cart_not_found'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'cart_not_payable'
  | 'rate_limited'
  | 'upstream_error'
  | 'upstream_unavailable'
  | 'upstream_timeout'
  | 'internal_error'
  | 'payment_not_found'
  | 'webhook_signature_invalid'
  | 'webhook_signature_stale';

export interface Problem {
  status: number;
  code: ProblemCode;
  title: string;
  detail: string;
  retryAfterSeconds?: number;
}

// RFC 9457 problem details; `type` is a stable, non-resolvable URN per code (the README lists the codes).
export function sendProblem(res: Response, requestId: string, problem: Problem): void {
  if (problem.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(problem.retryAfterSeconds));
  res
    .status(problem.status)
    .type('application/problem+json')
    .setHeader('Cache-Control', 'no-store')
    .send(problemJson(requestId, problem));
}

// The body alone, for the one answer written outside Express: the drain deadline's (shutdown-answer.ts).
export function problemJson(requestId: string, problem: Problem): string {
  return JSON.stringify({
    type: `urn:checkout-session:problem:${problem.code}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    requestId,
  });
}
