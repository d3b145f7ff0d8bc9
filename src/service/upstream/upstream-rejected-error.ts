import { UpstreamError, type Upstream } from './upstream-error';

// The upstream answered, but in a way retrying cannot fix: a 4xx it should not send, or a body we cannot use.
export class UpstreamRejectedError extends UpstreamError {
  readonly kind = 'rejected';

  constructor(
    upstream: Upstream,
    detail: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(upstream, detail, options);
  }
}
