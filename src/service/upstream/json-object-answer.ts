import { parseJson } from './http-attempt';
import type { FinalAnswer } from './upstream-client';
import type { Upstream } from './upstream-error';
import { UpstreamRejectedError } from './upstream-rejected-error';

export interface JsonObjectAnswer {
  status: number;
  object: Record<string, unknown>;
}

// A 2xx answer whose body is a JSON object; anything else is thrown as a typed upstream error.
export function jsonObjectOf(answer: FinalAnswer, upstream: Upstream): JsonObjectAnswer {
  const { status, body } = answer.ok();
  const object = parseJson(body);
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    throw new UpstreamRejectedError(upstream, `HTTP ${status} ${answer.attempts}: body is not a JSON object`, status);
  }
  return { status, object: object as Record<string, unknown> };
}
