import { idempotencyKeyOf } from '../../../src/service/payments/idempotency-key';
import { outcomeOf } from '../../../src/service/payments/payment-outcome';

describe('outcomeOf', () => {
  it.each([
    ['AUTHORIZED', 'paid'],
    ['SETTLING', 'paid'],
    ['PARTIALLY_SETTLED', 'paid'],
    ['SETTLED', 'paid'],
    ['DECLINED', 'failed'],
    ['FAILED', 'failed'],
    ['CANCELLED', 'failed'],
    ['PENDING', 'pending'],
    ['PARTIALLY_AUTHORIZED', 'pending'],
  ])('when Primer says %s, then the page is told %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });
});

describe('idempotencyKeyOf', () => {
  it('when a payment state is keyed, then the key is paymentId:status:dateUpdated, dateUpdated as the order service gets it', () => {
    expect(idempotencyKeyOf({ paymentId: 'kHdEw9EG', status: 'AUTHORIZED', dateUpdated: '2026-11-26T14:53:51.578Z' })).toBe('kHdEw9EG:AUTHORIZED:2026-11-26T14:53:51.578Z');
  });
});
