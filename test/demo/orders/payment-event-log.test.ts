import { idempotencyKeyOf, PaymentEventLog } from '../../../src/demo/orders/payment-event-log';

const EVENT = {
  paymentId: 'pay_1',
  orderId: 'order_1',
  status: 'AUTHORIZED',
  amount: 100,
  currencyCode: 'GBP',
  dateUpdated: '2026-11-26T14:53:51.578Z',
  source: 'webhook' as const,
};

describe('PaymentEventLog', () => {
  it('when asked for a key, then it is paymentId:status:dateUpdated', () => {
    expect(idempotencyKeyOf(EVENT)).toBe('pay_1:AUTHORIZED:2026-11-26T14:53:51.578Z');
  });

  it('when past its limit, then the oldest event goes, and its key may be recorded again', () => {
    const log = new PaymentEventLog(2, () => new Date('2026-11-26T15:00:00Z'));
    const at = (second: number) => ({ ...EVENT, dateUpdated: `2026-11-26T14:53:0${second}.000Z` });

    expect([log.record(at(1)), log.record(at(2)), log.record(at(3))]).toEqual(['recorded', 'recorded', 'recorded']);
    expect(log.forOrder('order_1').map((event) => event.dateUpdated)).toEqual([at(2).dateUpdated, at(3).dateUpdated]);
    expect(log.record(at(3))).toBe('duplicate');
    expect(log.record(at(1))).toBe('recorded');
  });
});
