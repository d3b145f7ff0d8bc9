import { readPaymentState } from '../../../src/service/payments/read-payment-state';
import { PAYMENT_METHOD_SECRETS, primerPayment } from '../../support/primer-payment';

describe('readPaymentState', () => {
  it('when Primer sends a full payment, then the state has exactly what the order service is told, dates ISO-8601 with Z to the millisecond', () => {
    expect(readPaymentState(primerPayment())).toEqual({
      state: { paymentId: 'kHdEw9EG', orderId: 'order_42', cartId: 'cart_42', status: 'AUTHORIZED', amount: 3700, currencyCode: 'GBP', dateUpdated: '2026-11-26T14:53:51.578Z' },
    });
  });

  it('when the payment carries payment-method and card data, then none of it is in the state', () => {
    const text = JSON.stringify(readPaymentState(primerPayment()));

    for (const secret of PAYMENT_METHOD_SECRETS) expect(text).not.toContain(secret);
  });

  it('when dateUpdated is absent, then the payment date stands in for it', () => {
    expect(readPaymentState(primerPayment({ dateUpdated: undefined }))).toMatchObject({ state: { dateUpdated: '2026-11-26T14:53:50.102Z' } });
  });

  it('when dateUpdated is there but unreadable, then the older date does not stand in for it', () => {
    expect(readPaymentState(primerPayment({ dateUpdated: 'yesterday' }))).toEqual({ unusable: ['dateUpdated (or date)'] });
  });

  it('when a date already says Z or +00:00, then it is the same instant', () => {
    expect(readPaymentState(primerPayment({ dateUpdated: '2026-11-26T14:53:51.5Z' }))).toMatchObject({ state: { dateUpdated: '2026-11-26T14:53:51.500Z' } });
    expect(readPaymentState(primerPayment({ dateUpdated: '2026-11-26T14:53:51+00:00' }))).toMatchObject({ state: { dateUpdated: '2026-11-26T14:53:51.000Z' } });
  });

  it('when the ids, status and both dates are missing, then every missing one is named', () => {
    const payment = primerPayment({ id: undefined, status: undefined, orderId: undefined, date: undefined, dateUpdated: undefined });

    expect(readPaymentState(payment)).toEqual({ unusable: ['id', 'status', 'orderId', 'dateUpdated (or date)'] });
  });

  it('when amount or currency is missing or malformed, then the payment is unusable: there is nothing to check the order against', () => {
    expect(readPaymentState(primerPayment({ amount: undefined, currencyCode: undefined }))).toEqual({ unusable: ['amount', 'currencyCode'] });
    expect(readPaymentState(primerPayment({ amount: 12.5 }))).toEqual({ unusable: ['amount'] });
    expect(readPaymentState(primerPayment({ amount: -1 }))).toEqual({ unusable: ['amount'] });
    expect(readPaymentState(primerPayment({ amount: '3700' }))).toEqual({ unusable: ['amount'] });
    expect(readPaymentState(primerPayment({ currencyCode: 'gbp' }))).toEqual({ unusable: ['currencyCode'] });
  });

  it('when an amount is zero, then it is read (an account verification is a payment of 0)', () => {
    expect(readPaymentState(primerPayment({ amount: 0 }))).toMatchObject({ state: { amount: 0 } });
  });

  it.each([
    ['id', '../carts/x'],
    ['id', ''],
    ['id', 'a'.repeat(65)],
    ['id', 42],
    ['status', 'authorized'],
    ['status', 'PAID; DROP'],
    ['orderId', ''],
    ['orderId', 'o'.repeat(256)],
    ['orderId', 42],
  ])('when %s is %p, then the payment is unusable', (field, value) => {
    expect(readPaymentState(primerPayment({ [field]: value }))).toEqual({ unusable: [field] });
  });

  it('when the status is one Primer added after API 2.4, then it is read as sent', () => {
    expect(readPaymentState(primerPayment({ status: 'PARTIALLY_AUTHORIZED' }))).toMatchObject({ state: { status: 'PARTIALLY_AUTHORIZED' } });
  });

  it.each([[{ channel: 'web' }], [{ cartId: 42 }], [{ cartId: '' }], ['cart_42'], [undefined]])('when metadata is %p, then the state has no cartId', (metadata) => {
    const reading = readPaymentState(primerPayment({ metadata }));

    expect(reading).toHaveProperty('state');
    expect(reading).not.toHaveProperty('state.cartId');
  });

  it.each([[null], ['payment'], [[primerPayment()]], [undefined]])('when the payment is %p, then every required field is named', (payment) => {
    expect(readPaymentState(payment)).toEqual({ unusable: ['id', 'status', 'orderId', 'dateUpdated (or date)', 'amount', 'currencyCode'] });
  });
});
