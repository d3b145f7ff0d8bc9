import { InMemoryPaymentRecord } from '../../../src/service/payments/in-memory-payment-record';
import { PAYMENT_RECORD_TTL_MS, strongestVerdict, verdictOf } from '../../../src/service/payments/payment-record';
import type { PaymentState } from '../../../src/service/payments/payment-state';

const T = Date.parse('2026-11-26T14:53:51.578Z');

function state(status: string, dateUpdated: string, paymentId = 'kHdEw9EG'): PaymentState {
  return { paymentId, orderId: 'order_42', status, amount: 3700, currencyCode: 'GBP', dateUpdated };
}

describe('verdictOf', () => {
  it('when nothing is recorded for the payment, then the state is unrecorded', () => {
    expect(verdictOf({ hasState: false, latestMs: undefined }, state('AUTHORIZED', '2026-11-26T14:53:51.578Z'))).toBe('unrecorded');
  });

  it('when this very state is recorded, then it is a duplicate, even when a newer one is recorded too', () => {
    expect(verdictOf({ hasState: true, latestMs: T }, state('AUTHORIZED', '2026-11-26T14:53:51.578Z'))).toBe('duplicate');
    expect(verdictOf({ hasState: true, latestMs: T + 60_000 }, state('AUTHORIZED', '2026-11-26T14:53:51.578Z'))).toBe('duplicate');
  });

  it('when a state one millisecond newer is recorded, then this one is superseded', () => {
    expect(verdictOf({ hasState: false, latestMs: T + 1 }, state('AUTHORIZED', '2026-11-26T14:53:51.578Z'))).toBe('superseded');
  });

  it('when another status with the same dateUpdated is recorded, then this one still goes on', () => {
    expect(verdictOf({ hasState: false, latestMs: T }, state('SETTLED', '2026-11-26T14:53:51.578Z'))).toBe('unrecorded');
  });
});

describe('strongestVerdict', () => {
  it('when two records disagree, then duplicate wins over superseded, and either wins over unrecorded', () => {
    expect(strongestVerdict('unrecorded', 'superseded')).toBe('superseded');
    expect(strongestVerdict('superseded', 'duplicate')).toBe('duplicate');
    expect(strongestVerdict('duplicate', 'unrecorded')).toBe('duplicate');
    expect(strongestVerdict('unrecorded', 'unrecorded')).toBe('unrecorded');
  });
});

describe('InMemoryPaymentRecord', () => {
  it('when a state is marked, then it is a duplicate, an older state superseded, and a newer or equal-time one unrecorded', async () => {
    const record = new InMemoryPaymentRecord();
    await record.mark(state('SETTLED', '2026-11-26T15:00:00.000Z'));

    expect(await record.verdictOn(state('SETTLED', '2026-11-26T15:00:00.000Z'))).toBe('duplicate');
    expect(await record.verdictOn(state('AUTHORIZED', '2026-11-26T14:53:51.578Z'))).toBe('superseded');
    expect(await record.verdictOn(state('CANCELLED', '2026-11-26T15:00:00.000Z'))).toBe('unrecorded');
    expect(await record.verdictOn(state('SETTLED', '2026-11-26T16:00:00.000Z'))).toBe('unrecorded');
    expect(await record.verdictOn(state('AUTHORIZED', '2026-11-26T14:53:51.578Z', 'otherPayment'))).toBe('unrecorded');
  });

  it('when an older state is marked after a newer one, then the newer time still decides what is superseded', async () => {
    const record = new InMemoryPaymentRecord();
    await record.mark(state('SETTLED', '2026-11-26T15:00:00.000Z'));
    await record.mark(state('AUTHORIZED', '2026-11-26T14:00:00.000Z'));

    expect(await record.verdictOn(state('SETTLING', '2026-11-26T14:30:00.000Z'))).toBe('superseded');
    expect(await record.verdictOn(state('AUTHORIZED', '2026-11-26T14:00:00.000Z'))).toBe('duplicate');
  });

  it('when more payments are marked than it may hold, then the least recently used is forgotten', async () => {
    const record = new InMemoryPaymentRecord({ maxPayments: 2 });
    for (const id of ['p1', 'p2', 'p3']) await record.mark(state('AUTHORIZED', '2026-11-26T14:00:00.000Z', id));

    expect(await record.verdictOn(state('AUTHORIZED', '2026-11-26T14:00:00.000Z', 'p1'))).toBe('unrecorded');
    expect(await record.verdictOn(state('AUTHORIZED', '2026-11-26T14:00:00.000Z', 'p3'))).toBe('duplicate');
  });

  it('when seven days have passed since the last mark, then the payment is forgotten', async () => {
    let now = 1_000_000;
    const record = new InMemoryPaymentRecord({ now: () => now });
    await record.mark(state('AUTHORIZED', '2026-11-26T14:00:00.000Z'));
    now += PAYMENT_RECORD_TTL_MS - 1;
    await record.mark(state('SETTLED', '2026-11-26T15:00:00.000Z'));
    now += PAYMENT_RECORD_TTL_MS - 1;

    expect(await record.verdictOn(state('AUTHORIZED', '2026-11-26T14:00:00.000Z'))).toBe('duplicate');
    now += 2;
    expect(await record.verdictOn(state('AUTHORIZED', '2026-11-26T14:00:00.000Z'))).toBe('unrecorded');
  });
});
