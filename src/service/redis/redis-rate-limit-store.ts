import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { Store as RateLimitStore } from 'express-rate-limit';
import type { RedisGuard } from './redis-guard';
import { RedisOrMemoryRateLimitStore } from './redis-or-memory-rate-limit-store';

// One budget per client across replicas (rate-limit-redis); while Redis fails, this replica's own count in memory.
export function redisRateLimitStore(redis: Redis, guard: RedisGuard, keyPrefix: string): RateLimitStore {
  const shared = new RedisStore({
    prefix: `${keyPrefix}rate-limit:`,
    sendCommand: async (command: string, ...args: string[]) => {
      if (command === 'SCRIPT' && args[0] === 'LOAD' && args[1] !== undefined) return loadScript(redis, args[1]);
      const reply = await guard.run('rate_limit', () => redis.call(command, ...args).catch(noScriptAsAnswer));
      // Not a failure: the store loads its script again (after a Redis restart, say) and retries, when it sees NOSCRIPT.
      if (reply === NO_SCRIPT) throw new Error('NOSCRIPT the script is not loaded');
      return reply as RedisReply;
    },
  });
  return new RedisOrMemoryRateLimitStore(shared, guard);
}

const NO_SCRIPT = Symbol('NOSCRIPT');

function noScriptAsAnswer(error: unknown): typeof NO_SCRIPT {
  if (error instanceof Error && error.message.startsWith('NOSCRIPT')) return NO_SCRIPT;
  throw error;
}

// The store loads its scripts once at start-up, when Redis may not be there yet, and would keep the failed load for good.
// A script's id is its SHA-1, so the id is known without Redis; EVALSHA answers NOSCRIPT until it is loaded, and the store then loads it again.
async function loadScript(redis: Redis, script: string): Promise<string> {
  try {
    return String(await redis.call('SCRIPT', 'LOAD', script));
  } catch {
    return createHash('sha1').update(script).digest('hex');
  }
}
