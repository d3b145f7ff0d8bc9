import { buildClientSession } from '../../../../src/service/checkout/client-session/build-client-session';
import { buildClientSessionUpdate } from '../../../../src/service/checkout/client-session/build-client-session-update';
import { projectSchemaErrors } from '../../../support/project-schema';
import { randomCarts } from './fixtures/random-carts';
import { withoutNulls } from './fixtures/without-nulls';

describe('buildClientSession over 300 generated carts', () => {
  const carts = randomCarts(300);

  it('charges Σ (unit × quantity − discount + tax) + shipping + fees for every cart', () => {
    const wrong = carts.filter(({ cart, expectedAmount }) => buildClientSession(cart).body.amount !== expectedAmount);

    expect(wrong.map(({ cart }) => cart.id)).toEqual([]);
  });

  it('builds a body the project\'s ClientSessionAPIRequest schema accepts for every cart', () => {
    const invalid = carts
      .map(({ cart }) => ({ id: cart.id, errors: projectSchemaErrors('ClientSessionAPIRequest', buildClientSession(cart).body) }))
      .filter(({ errors }) => errors.length > 0);

    expect(invalid).toEqual([]);
  });

  it('builds an update the project\'s ClientSessionUpdateAPIRequest schema accepts for every cart, nulls that clear fields aside', () => {
    const invalid = carts
      .map(({ cart }) => buildClientSessionUpdate('token-1', buildClientSession(cart).body))
      .map((update) => projectSchemaErrors('ClientSessionUpdateAPIRequest', withoutNulls(update)))
      .filter((errors) => errors.length > 0);

    expect(invalid).toEqual([]);
  });

  it('sends each line as Primer defines it: the unit amount, the quantity, and discount and tax for the whole line', () => {
    for (const { cart } of carts) {
      const lines = buildClientSession(cart).body.order?.lineItems ?? [];
      expect(lines.map((line) => [line.itemId, line.amount, line.quantity, line.discountAmount, line.taxAmount])).toEqual(
        cart.items.map((item) => [item.id, item.unitAmount, item.quantity, item.discountAmount, item.taxAmount]),
      );
    }
  });
});
