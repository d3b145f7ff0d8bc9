import { UpstreamError } from './upstream-error';

// The time budget for this upstream ran out before it answered in full.
export class UpstreamTimeoutError extends UpstreamError {
  readonly kind = 'timeout';
}
