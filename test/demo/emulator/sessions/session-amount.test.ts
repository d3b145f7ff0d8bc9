import { amountFromOrder } from '../../../../src/demo/emulator/sessions/session-amount';

describe('amountFromOrder', () => {
  it('sums amount × quantity − discount + tax per line, then shipping, then fees', () => {
    const order = {
      lineItems: [
        { amount: 1200, quantity: 2, discountAmount: 100, taxAmount: 50 },
        { amount: 800 },
      ],
      shipping: { amount: 500 },
      fees: [{ amount: 50 }, { amount: 25 }],
    };

    expect(amountFromOrder(order)).toBe(2350 + 800 + 500 + 75);
  });

  it('takes a missing quantity as one, as Primer defaults it', () => {
    expect(amountFromOrder({ lineItems: [{ amount: 999 }] })).toBe(999);
  });

  it('applies discount and tax once per line, not per unit', () => {
    expect(amountFromOrder({ lineItems: [{ amount: 100, quantity: 10, discountAmount: 30, taxAmount: 20 }] })).toBe(990);
  });

  it('when there is no order or nothing priced in it, then there is no amount', () => {
    expect(amountFromOrder(undefined)).toBeUndefined();
    expect(amountFromOrder({ countryCode: 'GB' })).toBeUndefined();
  });

  it('counts shipping and fees alone', () => {
    expect(amountFromOrder({ shipping: { amount: 500 }, fees: [{ amount: 50 }] })).toBe(550);
  });
});
