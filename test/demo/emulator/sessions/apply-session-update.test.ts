import { applySessionUpdate } from '../../../../src/demo/emulator/sessions/apply-session-update';
import type { SessionFields } from '../../../../src/demo/emulator/sessions/session-fields';

const current: SessionFields = {
  orderId: 'order_1',
  currencyCode: 'GBP',
  amount: 1000,
  customerId: 'cus_1',
  metadata: { cartId: 'cart_1', channel: 'web' },
  customer: { emailAddress: 'ada@example.com', firstName: 'Ada', billingAddress: { city: 'London', postalCode: 'W1' } },
  order: { countryCode: 'GB', lineItems: [{ itemId: 'a', amount: 500 }, { itemId: 'b', amount: 500 }], shipping: { amount: 100 } },
  paymentMethod: { vaultOnSuccess: false, descriptor: 'Shop', options: { PAYMENT_CARD: { captureVaultedCardCvv: true } } },
};

describe('applySessionUpdate', () => {
  it('changes only the fields sent', () => {
    const next = applySessionUpdate(current, { clientToken: 't', orderId: 'order_2' });

    expect(next).toEqual({ ...current, orderId: 'order_2' });
  });

  it('replaces arrays whole', () => {
    const next = applySessionUpdate(current, { order: { lineItems: [{ itemId: 'c', amount: 42 }] } });

    expect(next.order).toEqual({ countryCode: 'GB', lineItems: [{ itemId: 'c', amount: 42 }], shipping: { amount: 100 } });
  });

  it('when a field is null, then it is cleared, at the top level and inside customer and order', () => {
    const next = applySessionUpdate(current, { amount: null, customer: { firstName: null }, order: { shipping: null } });

    expect(next).not.toHaveProperty('amount');
    expect(next.customer).toEqual({ emailAddress: 'ada@example.com', billingAddress: { city: 'London', postalCode: 'W1' } });
    expect(next.order).not.toHaveProperty('shipping');
  });

  it('replaces a customer field whole, such as an address', () => {
    const next = applySessionUpdate(current, { customer: { billingAddress: { city: 'Leeds' } } });

    expect(next.customer?.billingAddress).toEqual({ city: 'Leeds' });
    expect(next.customer?.emailAddress).toBe('ada@example.com');
  });

  it('replaces metadata whole', () => {
    expect(applySessionUpdate(current, { metadata: { cartId: 'cart_1' } }).metadata).toEqual({ cartId: 'cart_1' });
  });

  it('replaces paymentMethod but keeps the options it was created with', () => {
    const next = applySessionUpdate(current, { paymentMethod: { vaultOnSuccess: true } });

    expect(next.paymentMethod).toEqual({ vaultOnSuccess: true, options: { PAYMENT_CARD: { captureVaultedCardCvv: true } } });
  });

  it('leaves the current session untouched', () => {
    const before = JSON.stringify(current);
    applySessionUpdate(current, { orderId: null, customer: { firstName: 'Grace' }, order: { countryCode: 'FR' } });

    expect(JSON.stringify(current)).toBe(before);
  });
});
