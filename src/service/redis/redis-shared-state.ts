import type { Config } from '../config';
import type { Store as RateLimitStore } from 'express-rate-limit';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics/metrics';
import type { ForwardClaims } from '../payments/forward-claims';
import { InMemoryPaymentRecord } from '../payments/in-memory-payment-record';
import type { PaymentRecord } from '../payments/payment-record';
import type { ReplicaClaim } from '../concurrency/replica-claim';
import { NoReplicaClaim } from '../concurrency/replica-claim';
import type { TokenCache } from '../token-cache/token-cache';
import { NoTokenCache } from '../token-cache/no-token-cache';
import { createRedisClient } from './redis-client';
import { RedisReplicaClaim } from './redis-replica-claim';
import { RedisGuard } from './redis-guard';
import { RedisOrMemoryTokenCache } from './redis-or-memory-token-cache';
import { RedisPaymentClaims } from './redis-payment-claims';
import { RedisPaymentRecord } from './redis-payment-record';
import { redisRateLimitStore } from './redis-rate-limit-store';
import { RedisTokenCache } from './redis-token-cache';

// What the replicas share: reused sessions, the claim on a Primer call, the rate limit budget, the payments forwarded.
export interface SharedState {
  tokenCache: TokenCache;
  replicaClaim: ReplicaClaim;
  rateLimitStore: RateLimitStore | undefined;
  paymentRecord: PaymentRecord;
  forwardClaims: ForwardClaims;
  close: () => Promise<void>;
}

// REDIS_URL set: one client for the process, every step through one guard so failures are counted and logged alike; while
// Redis fails, each piece does what one replica does alone (docs/resilience.md, "When Redis fails").
export function redisSharedState(config: Config, redisUrl: string, logger: Logger, metrics: Metrics): SharedState {
  const guard = new RedisGuard({ logger, countFailure: metrics.countRedisFailure });
  const redis = createRedisClient({ url: redisUrl, timeoutMs: config.redis.timeoutMs, onConnectionError: (error) => guard.reportFailure('connection', error) });
  // At start and after each reconnect, so an outage's warnings have a visible end.
  redis.on('ready', () => logger.info('Redis ready: sharing state with the other replicas'));
  const { keyPrefix } = config.redis;
  // With reuse off there is no stored result for a waiting replica to pick up, so each replica calls Primer itself.
  const reuse = config.tokenReuse;
  const minTtlMs = config.sessionReuseMinTtlS * 1000;
  return {
    tokenCache: reuse ? new RedisOrMemoryTokenCache({ shared: new RedisTokenCache({ redis, guard, keyPrefix, minTtlMs }), memory: { minTtlMs } }) : new NoTokenCache(),
    // A claim Redis cannot take leaves the call to this replica, whose in-process SharedCalls still merges its own.
    replicaClaim: reuse ? new RedisReplicaClaim({ redis, guard, keyPrefix, primerTimeoutMs: config.primer.timeoutMs }) : new NoReplicaClaim(),
    rateLimitStore: config.rateLimitPerMinute > 0 ? redisRateLimitStore(redis, guard, keyPrefix) : undefined,
    paymentRecord: new RedisPaymentRecord({ redis, guard, keyPrefix, local: new InMemoryPaymentRecord() }),
    forwardClaims: new RedisPaymentClaims({ redis, guard, keyPrefix, ordersTimeoutMs: config.orders.timeoutMs }),
    close: async () => redis.disconnect(),
  };
}
