import type { Level } from 'pino';

// Probes and scrapes every few seconds would drown the request log: their lines are kept for LOG_LEVEL=debug.
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

// 5xx (or a failure with no answer) is error, 4xx warn, anything else info.
export function requestLogLevel(path: string, status: number, failed: boolean): Level {
  if (QUIET_PATHS.has(path)) return 'debug';
  if (failed || status >= 500) return 'error';
  if (status >= 400) return 'warn';
  return 'info';
}
