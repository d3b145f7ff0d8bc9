import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { problemJson, type Problem } from './problem';

// Another replica can take the retry at once (docs/operations.md, "Shutdown").
const SHUTTING_DOWN: Problem = {
  status: 503,
  code: 'upstream_unavailable',
  title: 'Service temporarily unavailable',
  detail: 'This instance is shutting down. Try again.',
  retryAfterSeconds: 1,
};

const answeredAtShutdown = new WeakSet<ServerResponse>();

// The drain deadline's answer to a request still in flight (docs/operations.md, "Shutdown"), the problem+json sendProblem writes.
export function answerAtShutdown(res: ServerResponse): void {
  // A response already under way cannot change its status: cut it, and its request line says aborted.
  if (res.headersSent) {
    res.destroy();
    return;
  }
  answeredAtShutdown.add(res);
  const requestId = res.getHeader('X-Request-Id');
  const id = typeof requestId === 'string' ? requestId : randomUUID();
  res.removeHeader('Content-Length');
  res.writeHead(SHUTTING_DOWN.status, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Retry-After': String(SHUTTING_DOWN.retryAfterSeconds),
    'X-Request-Id': id,
    Connection: 'close',
  });
  res.end(problemJson(id, SHUTTING_DOWN));
}

// The handler of such a request may still finish later: its attempt to answer again is expected, not a bug.
export function wasAnsweredAtShutdown(res: ServerResponse): boolean {
  return answeredAtShutdown.has(res);
}
