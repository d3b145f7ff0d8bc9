import type { RedisOperation } from './redis-operation';

// A Redis step that failed, timed out or was skipped; already counted and logged, so callers only fall back.
export class RedisUnavailableError extends Error {
  constructor(
    readonly operation: RedisOperation,
    reason: string,
  ) {
    super(`Redis ${operation} skipped: ${reason}`);
    this.name = 'RedisUnavailableError';
  }
}
