import { buildClientSession } from '../../../../src/service/checkout/client-session/build-client-session';
import { buildClientSessionUpdate } from '../../../../src/service/checkout/client-session/build-client-session-update';
import { DEMO_CARTS } from '../../../../src/demo/orders/demo-carts';
import { validateClientSessionUpdate } from '../../../../src/demo/emulator/schema/validators';
import { projectSchemaErrors } from '../../../support/project-schema';
import { aCart } from './fixtures/carts';

const demoGbp = DEMO_CARTS.find((cart) => cart.id === 'demo-gbp')!;

describe('buildClientSessionUpdate', () => {
  it('when the cart still has everything, then the update carries the token and every field of the new body', () => {
    const { body } = buildClientSession(demoGbp);

    const update = buildClientSessionUpdate('client-token-1', body);

    expect(update).toEqual({ clientToken: 'client-token-1', ...body });
    expect(projectSchemaErrors('ClientSessionUpdateAPIRequest', update)).toEqual([]);
  });

  it('when the cart lost its customer, fees and shipping, then each is cleared with null so nothing stale stays', () => {
    const { body } = buildClientSession(aCart({ id: 'cart_1' }));

    const update = buildClientSessionUpdate('client-token-1', body);

    expect(update).toEqual({
      clientToken: 'client-token-1',
      orderId: 'cart_1',
      currencyCode: 'GBP',
      amount: 2400,
      customerId: null,
      customer: null,
      order: {
        countryCode: 'GB',
        lineItems: [{ itemId: 'sku_1', name: 'Tea', amount: 1200, quantity: 2 }],
        fees: null,
        shipping: null,
      },
      metadata: { cartId: 'cart_1' },
    });
  });

  it('when the customer lost some details, then those are cleared and the others sent', () => {
    const { body } = buildClientSession(aCart({ customer: { firstName: 'Ada', email: 'ada@example.com' } }));

    const update = buildClientSessionUpdate('client-token-1', body);

    expect(update.customer).toEqual({
      emailAddress: 'ada@example.com',
      firstName: 'Ada',
      lastName: null,
      mobileNumber: null,
      billingAddress: null,
      shippingAddress: null,
    });
  });

  // Primer's docs say `null` clears a field on PATCH; the emulator's validator takes it so and holds the rest against the project's schema.
  it.each(DEMO_CARTS.filter((cart) => cart.items.length > 0 && cart.id !== 'demo-mismatch').map((cart) => [cart.id, cart] as const))(
    'when the cart is %s, then the update fits the project\'s PATCH schema, nulls clearing fields',
    (_id, cart) => {
      const update = buildClientSessionUpdate('client-token-1', buildClientSession(cart).body);

      expect(validateClientSessionUpdate(update)).toEqual({ valid: true });
    },
  );

  it('leaves the create body it was given unchanged', () => {
    const { body } = buildClientSession(aCart());
    const before = structuredClone(body);

    buildClientSessionUpdate('client-token-1', body);

    expect(body).toEqual(before);
  });
});
