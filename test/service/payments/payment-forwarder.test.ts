import { ROOT_CONTEXT } from '@opentelemetry/api';
import type { ClaimOutcome, ForwardClaims } from '../../../src/service/payments/forward-claims';
import { ProcessOnlyClaims } from '../../../src/service/payments/forward-claims';
import { InMemoryPaymentRecord } from '../../../src/service/payments/in-memory-payment-record';
import { PaymentForwarder, type NotificationResult } from '../../../src/service/payments/payment-forwarder';
import type { PaymentSource, PaymentState } from '../../../src/service/payments/payment-state';
import { InMemoryTokenCache } from '../../../src/service/token-cache/in-memory-token-cache';
import { tokenCacheKey } from '../../../src/service/token-cache/token-cache';
import { UpstreamRejectedError } from '../../../src/service/upstream/upstream-rejected-error';
import { UpstreamUnavailableError } from '../../../src/service/upstream/upstream-unavailable-error';
import { heldAnswer, RecordingSink } from './support/recording-sink';

const CONTEXT = { requestId: 'req-1', trace: ROOT_CONTEXT };
const AUTHORIZED: PaymentState = { paymentId: 'kHdEw9EG', orderId: 'order_42', cartId: 'cart_42', status: 'AUTHORIZED', amount: 3700, currencyCode: 'GBP', dateUpdated: '2026-11-26T14:53:51.578Z' };
const SETTLED: PaymentState = { ...AUTHORIZED, status: 'SETTLED', dateUpdated: '2026-11-26T15:10:00.000Z' };
const DECLINED: PaymentState = { ...AUTHORIZED, status: 'DECLINED' };
const HOUR_MS = 3_600_000;

function forwarderWith(options: { claims?: ForwardClaims; record?: InMemoryPaymentRecord } = {}) {
  const sink = new RecordingSink();
  const record = options.record ?? new InMemoryPaymentRecord();
  const tokenCache = new InMemoryTokenCache({ minTtlMs: 0 });
  const notifications: [PaymentSource, NotificationResult][] = [];
  const forwarder = new PaymentForwarder({
    sink,
    record,
    claims: options.claims ?? new ProcessOnlyClaims(),
    tokenCache,
    primerApiVersion: '2.4',
    onNotification: (source, result) => notifications.push([source, result]),
  });
  return { forwarder, sink, record, tokenCache, notifications };
}

describe('PaymentForwarder', () => {
  it('when a state is new, then the order service gets it once with its source, and it is recorded', async () => {
    const { forwarder, sink, record, notifications } = forwarderWith();

    expect(await forwarder.forward(AUTHORIZED, 'webhook', CONTEXT)).toBe('delivered');

    expect(sink.events).toEqual([{ ...AUTHORIZED, source: 'webhook' }]);
    expect(await record.verdictOn(AUTHORIZED)).toBe('duplicate');
    expect(notifications).toEqual([['webhook', 'delivered']]);
  });

  it('when the same state comes again, from the webhook or the confirmation, then it is a duplicate and not forwarded', async () => {
    const { forwarder, sink } = forwarderWith();
    await forwarder.forward(AUTHORIZED, 'confirmation', CONTEXT);

    expect(await forwarder.forward(AUTHORIZED, 'webhook', CONTEXT)).toBe('duplicate');
    expect(await forwarder.forward(AUTHORIZED, 'confirmation', CONTEXT)).toBe('duplicate');
    expect(sink.events).toHaveLength(1);
  });

  it('when SETTLED was recorded and AUTHORIZED arrives after it, then AUTHORIZED is superseded and never forwarded', async () => {
    const { forwarder, sink } = forwarderWith();
    await forwarder.forward(SETTLED, 'webhook', CONTEXT);

    expect(await forwarder.forward(AUTHORIZED, 'webhook', CONTEXT)).toBe('superseded');
    expect(sink.events.map((event) => event.status)).toEqual(['SETTLED']);
  });

  it('when another status with the same dateUpdated arrives, then it is forwarded too', async () => {
    const { forwarder, sink } = forwarderWith();
    await forwarder.forward(AUTHORIZED, 'webhook', CONTEXT);

    expect(await forwarder.forward(DECLINED, 'webhook', CONTEXT)).toBe('delivered');
    expect(sink.events.map((event) => event.status)).toEqual(['AUTHORIZED', 'DECLINED']);
  });

  it('when the order service cannot take it, then the failure is thrown, nothing is marked, and the retry is forwarded', async () => {
    const { forwarder, sink, record, notifications } = forwarderWith();
    sink.answerNext(() => Promise.reject(new UpstreamUnavailableError('orders', 'HTTP 503', 2)));

    await expect(forwarder.forward(AUTHORIZED, 'webhook', CONTEXT)).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(await record.verdictOn(AUTHORIZED)).toBe('unrecorded');

    expect(await forwarder.forward(AUTHORIZED, 'webhook', CONTEXT)).toBe('delivered');
    expect(sink.events).toHaveLength(2);
    expect(notifications).toEqual([
      ['webhook', 'unavailable'],
      ['webhook', 'delivered'],
    ]);
  });

  it('when five deliveries of one state arrive at once, then one is forwarded and the others wait for it and are duplicates', async () => {
    const { forwarder, sink } = forwarderWith();
    const held = heldAnswer();
    sink.answerNext(held.answer);

    const results = Array.from({ length: 5 }, () => forwarder.forward(AUTHORIZED, 'webhook', CONTEXT));
    await new Promise((resolve) => setImmediate(resolve));
    expect(sink.events).toHaveLength(1);
    held.release();

    expect((await Promise.all(results)).sort()).toEqual(['delivered', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(sink.events).toHaveLength(1);
  });

  it('when the forward the others wait for is refused, then it fails with the refusal, the waiters with 503, and none is marked', async () => {
    const { forwarder, sink, record } = forwarderWith();
    const held = heldAnswer();
    sink.answerNext(held.answer);

    const [leader, ...waiters] = Array.from({ length: 3 }, () => forwarder.forward(AUTHORIZED, 'webhook', CONTEXT).catch((error: unknown) => error));
    held.fail(new UpstreamRejectedError('orders', 'HTTP 400', 400));

    expect(await leader).toBeInstanceOf(UpstreamRejectedError);
    for (const waiter of await Promise.all(waiters)) expect(waiter).toMatchObject({ constructor: UpstreamUnavailableError, retryAfterSeconds: 2 });
    expect(sink.events).toHaveLength(1);
    expect(await record.verdictOn(AUTHORIZED)).toBe('unrecorded');
  });

  it('when AUTHORIZED is being forwarded and a newer SETTLED arrives, then SETTLED waits its turn and the order service sees them in order', async () => {
    const { forwarder, sink } = forwarderWith();
    const held = heldAnswer();
    sink.answerNext(held.answer);

    const first = forwarder.forward(AUTHORIZED, 'webhook', CONTEXT);
    const second = forwarder.forward(SETTLED, 'webhook', CONTEXT);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sink.events.map((event) => event.status)).toEqual(['AUTHORIZED']);
    held.release();

    expect([await first, await second]).toEqual(['delivered', 'delivered']);
    expect(sink.events.map((event) => event.status)).toEqual(['AUTHORIZED', 'SETTLED']);
  });

  it('when SETTLED is being forwarded and an older AUTHORIZED arrives, then AUTHORIZED is superseded once SETTLED is recorded', async () => {
    const { forwarder, sink } = forwarderWith();
    const held = heldAnswer();
    sink.answerNext(held.answer);

    const first = forwarder.forward(SETTLED, 'webhook', CONTEXT);
    const second = forwarder.forward(AUTHORIZED, 'webhook', CONTEXT);
    held.release();

    expect([await first, await second]).toEqual(['delivered', 'superseded']);
    expect(sink.events.map((event) => event.status)).toEqual(['SETTLED']);
  });

  it('when a payment that is not failed is recorded, then the cart\'s cached token is forgotten', async () => {
    const { forwarder, tokenCache } = forwarderWith();
    await tokenCache.set(tokenCacheKey('cart_42', '2.4'), { clientToken: 'paid-with', expiresAt: Date.now() + HOUR_MS, cartVersion: '1' });

    await forwarder.forward({ ...AUTHORIZED, status: 'PENDING' }, 'confirmation', CONTEXT);

    expect(await tokenCache.get(tokenCacheKey('cart_42', '2.4'))).toBeUndefined();
  });

  it('when a failed payment is recorded, or the order service did not take a paid one, then the session is kept', async () => {
    const { forwarder, sink, tokenCache } = forwarderWith();
    await tokenCache.set(tokenCacheKey('cart_42', '2.4'), { clientToken: 'try-again', expiresAt: Date.now() + HOUR_MS, cartVersion: '1' });

    await forwarder.forward(DECLINED, 'webhook', CONTEXT);
    sink.answerNext(() => Promise.reject(new UpstreamUnavailableError('orders', 'down', 2)));
    await expect(forwarder.forward(SETTLED, 'webhook', CONTEXT)).rejects.toThrow();

    expect(await tokenCache.get(tokenCacheKey('cart_42', '2.4'))).toMatchObject({ clientToken: 'try-again' });
  });

  it('when the payment names no cart, then no session is touched', async () => {
    const { forwarder, tokenCache } = forwarderWith();
    await tokenCache.set(tokenCacheKey('cart_42', '2.4'), { clientToken: 'kept', expiresAt: Date.now() + HOUR_MS, cartVersion: '1' });
    const withoutCart: PaymentState = { paymentId: 'p2', orderId: 'order_42', status: 'AUTHORIZED', amount: 3700, currencyCode: 'GBP', dateUpdated: AUTHORIZED.dateUpdated };

    expect(await forwarder.forward(withoutCart, 'webhook', CONTEXT)).toBe('delivered');
    expect(await tokenCache.get(tokenCacheKey('cart_42', '2.4'))).toMatchObject({ clientToken: 'kept' });
  });
});

// Another replica holds the claim and forwards `forwarding`; `recordsIt` says whether its forward gets recorded.
function claimsHeldElsewhere(record: InMemoryPaymentRecord, forwarding: string, recordsIt: PaymentState | undefined): ForwardClaims {
  let first = true;
  return {
    async whileHeld<T>(_paymentId: string, _stateKey: string, work: () => Promise<T>): Promise<ClaimOutcome<T>> {
      if (!first) return { held: true, value: await work() };
      first = false;
      if (recordsIt) await record.mark(recordsIt);
      return { held: false, forwarding };
    },
  };
}

describe('PaymentForwarder across replicas', () => {
  const KEY = 'kHdEw9EG:AUTHORIZED:2026-11-26T14:53:51.578Z';

  it('when another replica forwarded this very state and recorded it, then this one answers duplicate without forwarding', async () => {
    const record = new InMemoryPaymentRecord();
    const { forwarder, sink } = forwarderWith({ record, claims: claimsHeldElsewhere(record, KEY, AUTHORIZED) });

    expect(await forwarder.forward(AUTHORIZED, 'webhook', CONTEXT)).toBe('duplicate');
    expect(sink.events).toEqual([]);
  });

  it('when another replica\'s forward of this very state failed, then this one answers 503 and forwards nothing', async () => {
    const record = new InMemoryPaymentRecord();
    const { forwarder, sink } = forwarderWith({ record, claims: claimsHeldElsewhere(record, KEY, undefined) });

    await expect(forwarder.forward(AUTHORIZED, 'webhook', CONTEXT)).rejects.toMatchObject({ constructor: UpstreamUnavailableError, retryAfterSeconds: 2 });
    expect(sink.events).toEqual([]);
  });

  it('when another replica was forwarding a newer state of the payment, then this older one is superseded once that is recorded', async () => {
    const record = new InMemoryPaymentRecord();
    const { forwarder, sink } = forwarderWith({ record, claims: claimsHeldElsewhere(record, 'kHdEw9EG:SETTLED:2026-11-26T15:10:00.000Z', SETTLED) });

    expect(await forwarder.forward(AUTHORIZED, 'webhook', CONTEXT)).toBe('superseded');
    expect(sink.events).toEqual([]);
  });

  it('when another replica was forwarding another state and failed, then this one takes the claim and forwards its own', async () => {
    const record = new InMemoryPaymentRecord();
    const { forwarder, sink } = forwarderWith({ record, claims: claimsHeldElsewhere(record, 'kHdEw9EG:SETTLED:2026-11-26T15:10:00.000Z', undefined) });

    expect(await forwarder.forward(AUTHORIZED, 'webhook', CONTEXT)).toBe('delivered');
    expect(sink.events).toHaveLength(1);
  });
});
