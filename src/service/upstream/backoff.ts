export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

// Full jitter spreads retries of many clients over the whole window: https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
export function backoffDelayMs(retry: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceilingMs = Math.min(options.capMs, options.baseMs * 2 ** (retry - 1));
  return Math.floor(random() * ceilingMs);
}
