import type { AttemptResult } from './http-attempt';
import type { Upstream, UpstreamError } from './upstream-error';
import { UpstreamRejectedError } from './upstream-rejected-error';
import { UpstreamTimeoutError } from './upstream-timeout-error';
import { UpstreamUnavailableError } from './upstream-unavailable-error';

export interface AnswerTerms {
  upstream: Upstream;
  // What the shopper is told to wait when the upstream is unavailable.
  retryAfterSeconds: number;
  // Added to the logged detail, e.g. "after 3 attempt(s)".
  context?: string;
  // The upstream's own words from a failed answer's body: for logs only.
  errorText?: (body: string) => string;
}

export interface SuccessfulAnswer {
  status: number;
  body: string;
}

// The one way to read an attempt: a 2xx answer comes back, anything else is thrown as one typed upstream error.
export function readAnswer(result: AttemptResult, terms: AnswerTerms): SuccessfulAnswer {
  if (result.kind === 'response' && result.status >= 200 && result.status < 300) return { status: result.status, body: result.body };
  throw upstreamErrorFor(result, terms);
}

// Like stripe-node's error factory: each failure kind has one error class, chosen here and nowhere else.
function upstreamErrorFor(result: AttemptResult, terms: AnswerTerms): UpstreamError {
  const detail = terms.context === undefined ? describeAttempt(result) : `${describeAttempt(result)} ${terms.context}`;
  switch (result.kind) {
    case 'timeout':
      return new UpstreamTimeoutError(terms.upstream, detail);
    case 'connection-error':
      return new UpstreamUnavailableError(terms.upstream, detail, terms.retryAfterSeconds);
    case 'unreadable-body':
      return new UpstreamRejectedError(terms.upstream, detail);
    case 'response': {
      const logged = terms.errorText === undefined ? detail : `${detail}: ${terms.errorText(result.body)}`;
      // Rate limiting and server-side failures may pass; any other answer will not change on a retry.
      if (result.status === 429 || result.status >= 500) return new UpstreamUnavailableError(terms.upstream, logged, terms.retryAfterSeconds);
      return new UpstreamRejectedError(terms.upstream, logged, result.status);
    }
  }
}

// One line for logs about what an attempt ended with.
export function describeAttempt(result: AttemptResult): string {
  switch (result.kind) {
    case 'response':
      return `HTTP ${result.status}`;
    case 'connection-error':
      return `connection error ${result.detail}`;
    case 'timeout':
      return 'time budget ran out';
    case 'unreadable-body':
      return result.detail;
  }
}
