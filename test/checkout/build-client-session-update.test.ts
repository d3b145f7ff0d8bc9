import { buildClientSession } from '../../src/checkout/build-client-session';
import { buildClientSessionUpdate } from '../../src/checkout/build-client-session-update';
import { DEMO_CARTS } from '../../src/orders/demo-carts';
import { primerSchemaErrors } from '../support/primer-openapi';
import { aCart } from './fixtures/carts';

const demoGbp = DEMO_CARTS.find((cart) => cart.id === 'demo-gbp')!;

describe('buildClientSessionUpdate', () => {
  it('when the cart still has everything, then the update carries the token and every field of the new body', () => {
    const { body } = buildClientSession(demoGbp);

    const update = buildClientSessionUpdate('client-token-1', body);

    expect(update).toEqual({ clientToken: 'client-token-1', ...body });
    expect(primerSchemaErrors('ClientSessionUpdateAPIRequest', update)).toEqual([]);
  });

  it('when the cart lost its fees, shipping and customer, then they are replaced with empty ones so nothing stale stays', () => {
    const { body } = buildClientSession(aCart({ id: 'cart_1' }));

    const update = buildClientSessionUpdate('client-token-1', body);

    expect(update).toEqual({
      clientToken: 'client-token-1',
      orderId: 'cart_1',
      currencyCode: 'GBP',
      amount: 2400,
      customer: {},
      order: {
        countryCode: 'GB',
        lineItems: [{ itemId: 'sku_1', name: 'Tea', amount: 1200, quantity: 2 }],
        fees: [],
        shipping: {},
      },
      metadata: { cartId: 'cart_1' },
    });
    expect(primerSchemaErrors('ClientSessionUpdateAPIRequest', update)).toEqual([]);
  });

  it('never sends null, which Primer\'s 2.4 schema allows on no field of the update', () => {
    const update = buildClientSessionUpdate('client-token-1', buildClientSession(aCart()).body);

    expect(JSON.stringify(update)).not.toContain('null');
  });

  it('leaves the create body it was given unchanged', () => {
    const { body } = buildClientSession(aCart());
    const before = structuredClone(body);

    buildClientSessionUpdate('client-token-1', body);

    expect(body).toEqual(before);
  });
});
