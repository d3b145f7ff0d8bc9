import { createLogger } from '../../src/service/observability/logger';
import { InMemoryPaymentRecord } from '../../src/service/payments/in-memory-payment-record';
import { PAYMENT_RECORD_TTL_MS } from '../../src/service/payments/payment-record';
import type { PaymentState } from '../../src/service/payments/payment-state';
import { createRedisClient } from '../../src/service/redis/redis-client';
import { RedisGuard } from '../../src/service/redis/redis-guard';
import type { RedisOperation } from '../../src/service/redis/redis-operation';
import { RedisPaymentClaims } from '../../src/service/redis/redis-payment-claims';
import { RedisPaymentRecord } from '../../src/service/redis/redis-payment-record';
import { UpstreamTimeoutError } from '../../src/service/upstream/upstream-timeout-error';
import { useRedisServer } from '../support/redis-server';

const PREFIX = 'payments-test:';
const fixture = useRedisServer();

const AUTHORIZED: PaymentState = { paymentId: 'kHdEw9EG', orderId: 'order_42', status: 'AUTHORIZED', amount: 3700, currencyCode: 'GBP', dateUpdated: '2026-11-26T14:53:51.578Z' };
const SETTLED: PaymentState = { ...AUTHORIZED, status: 'SETTLED', dateUpdated: '2026-11-26T15:10:00.000Z' };

function guardCounting(failures: RedisOperation[] = []) {
  return new RedisGuard({ logger: createLogger('silent'), countFailure: (operation) => void failures.push(operation) });
}

// One replica's record: its own memory, and the shared Redis through its own guard.
function replicaRecord(options: { failures?: RedisOperation[]; client?: ReturnType<typeof createRedisClient> } = {}) {
  return new RedisPaymentRecord({ redis: options.client ?? fixture.redis, guard: guardCounting(options.failures), keyPrefix: PREFIX, local: new InMemoryPaymentRecord() });
}

describe('RedisPaymentRecord', () => {
  it('when one replica marks a state, then another replica sees it as a duplicate and an older state as superseded', async () => {
    await replicaRecord().mark(SETTLED);
    const other = replicaRecord();

    expect(await other.verdictOn(SETTLED)).toBe('duplicate');
    expect(await other.verdictOn(AUTHORIZED)).toBe('superseded');
    expect(await other.verdictOn({ ...SETTLED, status: 'CANCELLED' })).toBe('unrecorded');
  });

  it('when a state is marked, then its one key is under the prefix and kept seven days', async () => {
    await replicaRecord().mark(AUTHORIZED);

    expect(await fixture.redis.keys('*')).toEqual([`${PREFIX}payment:kHdEw9EG`]);
    const ttlMs = await fixture.redis.pttl(`${PREFIX}payment:kHdEw9EG`);
    expect(ttlMs).toBeGreaterThan(PAYMENT_RECORD_TTL_MS - 5_000);
    expect(ttlMs).toBeLessThanOrEqual(PAYMENT_RECORD_TTL_MS);
  });

  it('when Redis cannot be reached, then the replica falls back to what it recorded itself, and the failures are counted', async () => {
    const failures: RedisOperation[] = [];
    const unreachable = createRedisClient({ url: 'redis://127.0.0.1:1', timeoutMs: 100, onConnectionError: () => {} });
    try {
      const record = replicaRecord({ failures, client: unreachable });
      expect(await record.verdictOn(AUTHORIZED)).toBe('unrecorded');
      await record.mark(AUTHORIZED);

      expect(await record.verdictOn(AUTHORIZED)).toBe('duplicate');
      expect(failures).toContain('payment_read');
    } finally {
      unreachable.disconnect();
    }
  });

  it('when a replica marked a state while Redis was down, then it still knows it itself after Redis restarted empty, and the others do not', async () => {
    const client = createRedisClient({ url: fixture.server.url, timeoutMs: 100, onConnectionError: () => {} });
    try {
      await new Promise((resolve) => client.once('ready', resolve));
      const record = replicaRecord({ client });
      await fixture.server.stop();
      await record.mark(AUTHORIZED);
      await fixture.server.restart();
      await new Promise((resolve) => client.once('ready', resolve));

      expect(await record.verdictOn(AUTHORIZED)).toBe('duplicate');
      expect(await fixture.redis.exists(`${PREFIX}payment:kHdEw9EG`)).toBe(0);
    } finally {
      client.disconnect();
    }
  });
});

describe('RedisPaymentClaims', () => {
  const claims = (ordersTimeoutMs = 500, failures?: RedisOperation[]) => new RedisPaymentClaims({ redis: fixture.redis, guard: guardCounting(failures), keyPrefix: PREFIX, ordersTimeoutMs });
  const STATE_KEY = 'kHdEw9EG:AUTHORIZED:2026-11-26T14:53:51.578Z';

  it('when no one holds the payment\'s claim, then the work runs under one that lapses within the order-service budget plus its margin, released after', async () => {
    let ttlDuringWork = -1;

    const outcome = await claims(500).whileHeld('kHdEw9EG', STATE_KEY, async () => {
      ttlDuringWork = await fixture.redis.pttl(`${PREFIX}claim:payment:kHdEw9EG`);
      return 'delivered';
    });

    expect(outcome).toEqual({ held: true, value: 'delivered' });
    expect(ttlDuringWork).toBeGreaterThan(0);
    expect(ttlDuringWork).toBeLessThanOrEqual(500 + 2_000);
    expect(await fixture.redis.exists(`${PREFIX}claim:payment:kHdEw9EG`)).toBe(0);
  });

  it('when another replica holds the claim, then this one waits until it lets go and learns which state it was forwarding', async () => {
    const other = claims();
    let releaseOther!: () => void;
    const otherWork = other.whileHeld('kHdEw9EG', STATE_KEY, () => new Promise<string>((resolve) => (releaseOther = () => resolve('delivered'))));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const work = jest.fn(async () => 'mine');

    const waiting = claims().whileHeld('kHdEw9EG', STATE_KEY, work);
    setTimeout(() => releaseOther(), 150);

    expect(await waiting).toEqual({ held: false, forwarding: STATE_KEY });
    expect(await otherWork).toEqual({ held: true, value: 'delivered' });
    expect(work).not.toHaveBeenCalled();
  });

  it('when the holder never lets go, then the waiter gives up once the claim could have lapsed, with a timeout', async () => {
    await fixture.redis.set(`${PREFIX}claim:payment:stuck`, `someone ${STATE_KEY}`, 'PX', 60_000);

    await expect(claims(100).whileHeld('stuck', STATE_KEY, async () => 'mine')).rejects.toBeInstanceOf(UpstreamTimeoutError);
  });

  it('when Redis is frozen, then the work runs on this replica alone and the failure is counted', async () => {
    const failures: RedisOperation[] = [];
    const client = createRedisClient({ url: fixture.server.url, timeoutMs: 100, onConnectionError: () => {} });
    try {
      await new Promise((resolve) => client.once('ready', resolve));
      fixture.server.freeze();
      const frozen = new RedisPaymentClaims({ redis: client, guard: guardCounting(failures), keyPrefix: PREFIX, ordersTimeoutMs: 500 });

      expect(await frozen.whileHeld('kHdEw9EG', STATE_KEY, async () => 'alone')).toEqual({ held: true, value: 'alone' });
      expect(failures).toContain('claim');
    } finally {
      fixture.server.thaw();
      client.disconnect();
    }
  });
});
