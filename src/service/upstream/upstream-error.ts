export type Upstream = 'primer' | 'orders';

// Base of every failure that an outside service caused; `detail` is for logs only, never for the browser.
export abstract class UpstreamError extends Error {
  abstract readonly kind: 'unavailable' | 'timeout' | 'rejected';

  constructor(
    readonly upstream: Upstream,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${upstream}: ${detail}`, options);
    this.name = new.target.name;
  }
}
