import { Redis } from 'ioredis';

export interface RedisClientOptions {
  url: string;
  // REDIS_TIMEOUT_MS: a command that has no answer by then fails, and the request goes on without it.
  timeoutMs: number;
  onConnectionError: (error: Error) => void;
}

const RECONNECT_CAP_MS = 2_000;

// One connection per process, opened in the background: start-up never waits for Redis, and a request never queues for it.
export function createRedisClient(options: RedisClientOptions): Redis {
  const client = new Redis(options.url, {
    // Commands sent while disconnected fail at once instead of piling up until Redis returns.
    enableOfflineQueue: false,
    commandTimeout: options.timeoutMs,
    connectTimeout: Math.max(options.timeoutMs, 1_000),
    // A command cut off by a lost connection fails; it is not re-sent after the reconnect.
    maxRetriesPerRequest: 0,
    // Reconnect forever, backing off to a cap, so sharing resumes without a restart once Redis is back.
    retryStrategy: (attempt) => Math.min(attempt * 100, RECONNECT_CAP_MS),
  });
  client.on('error', options.onConnectionError);
  return client;
}
