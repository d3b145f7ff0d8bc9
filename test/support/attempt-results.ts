import type { AttemptResult } from '../../src/service/upstream/http-attempt';

// Attempt outcomes as sendAttempt reports them, for the pure rules that read them.
export const answered = (status: number, body = '', headers: Record<string, unknown> = {}): AttemptResult => ({ kind: 'response', status, headers, body });
export const refused: AttemptResult = { kind: 'connection-error', detail: 'ECONNREFUSED' };
export const timedOut: AttemptResult = { kind: 'timeout' };
export const unreadable: AttemptResult = { kind: 'unreadable-body', detail: 'answer over 1 MiB' };
