import type { Logger } from '../observability/logger';
import type { RedisOperation } from './redis-operation';
import { RedisUnavailableError } from './redis-unavailable-error';
import { WarningThrottle } from './warning-throttle';

// failed: Redis was asked and did not answer well; skipped: not asked, since it failed moments ago (the pause below).
export type RedisStepOutcome = 'failed' | 'skipped';

export interface RedisGuardOptions {
  logger: Logger;
  countFailure: (operation: RedisOperation, outcome: RedisStepOutcome) => void;
  now?: () => number;
}

// After a failure Redis is left alone this long, so a frozen Redis costs a request one REDIS_TIMEOUT_MS, not one per step.
const PAUSE_MS = 1_000;
const WARN_EVERY_MS = 60_000;

// Every Redis step goes through here: a failed or skipped step is counted, a failure logged at warn about once a minute, and
// neither reaches the shopper.
export class RedisGuard {
  readonly #throttle: WarningThrottle;
  readonly #now: () => number;
  #pausedUntil = -Infinity;

  constructor(private readonly options: RedisGuardOptions) {
    this.#now = options.now ?? Date.now;
    this.#throttle = new WarningThrottle(WARN_EVERY_MS, this.#now);
  }

  // The command's answer, or RedisUnavailableError (already counted and logged) when it failed or Redis is paused.
  async run<T>(operation: RedisOperation, command: () => Promise<T>): Promise<T> {
    if (this.#now() < this.#pausedUntil) {
      // Counted, not logged: the failure that started the pause was, and the caller's fallback does the step in memory.
      this.options.countFailure(operation, 'skipped');
      throw new RedisUnavailableError(operation, 'paused after a recent failure');
    }
    try {
      return await command();
    } catch (error) {
      this.#pausedUntil = this.#now() + PAUSE_MS;
      this.reportFailure(operation, error);
      throw new RedisUnavailableError(operation, reasonOf(error));
    }
  }

  // The command's answer, or the fallback when Redis could not give one.
  async attempt<T, F>(operation: RedisOperation, command: () => Promise<T>, fallback: F): Promise<T | F> {
    try {
      return await this.run(operation, command);
    } catch (error) {
      if (error instanceof RedisUnavailableError) return fallback;
      throw error;
    }
  }

  // Also fed by the client's 'error' event (refused or lost connections).
  reportFailure(operation: RedisOperation, error: unknown): void {
    this.options.countFailure(operation, 'failed');
    const held = this.#throttle.admit();
    if (held === undefined) return;
    // The message only: ioredis errors carry the command's arguments, which may hold a client token.
    this.options.logger.warn({ redis: { operation, reason: reasonOf(error), failuresHeldBack: held } }, 'Redis failing: this replica goes on with its own memory');
  }
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}
