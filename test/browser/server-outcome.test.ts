import type { PaymentResult } from '../../src/browser/payment-form';
import { reportServerOutcome } from '../../src/browser/server-outcome';
import { CheckoutSessionError } from '../../src/browser/service-error';

const PAID = { paymentId: 'pay_1', status: 'SETTLED', outcome: 'paid' as const, requestId: 'req-1' };

describe('reportServerOutcome', () => {
  it('when the SDK names the payment, then "confirming" comes first and the service’s answer after it', async () => {
    const results: PaymentResult[] = [];

    await reportServerOutcome({ id: 'pay_1', orderId: 'order_1' }, async () => PAID, (result) => results.push(result));

    expect(results).toEqual([
      { outcome: 'confirming', paymentId: 'pay_1' },
      { outcome: 'confirmed', confirmation: PAID, orderId: 'order_1' },
    ]);
  });

  it.each([
    ['no payment', undefined],
    ['a payment without an id', { orderId: 'order_1' }],
  ])('when the SDK reports %s, then the service is not asked and the payment is unconfirmed', async (_case, payment) => {
    const results: PaymentResult[] = [];
    const confirm = jest.fn(async () => PAID);

    await reportServerOutcome(payment, confirm, (result) => results.push(result));

    expect(confirm).not.toHaveBeenCalled();
    expect(results).toEqual([{ outcome: 'unconfirmed', paymentId: null, orderId: payment?.orderId ?? null, error: expect.any(Error) }]);
  });

  it('when the service cannot confirm the payment, then it is reported unconfirmed with the service’s error', async () => {
    const results: PaymentResult[] = [];
    const notFound = new CheckoutSessionError(404, 'payment_not_found', 'not this cart’s payment', 'req-2', null);

    await reportServerOutcome({ id: 'pay_1', orderId: null }, () => Promise.reject(notFound), (result) => results.push(result));

    expect(results.at(-1)).toEqual({ outcome: 'unconfirmed', paymentId: 'pay_1', orderId: null, error: notFound });
  });
});
