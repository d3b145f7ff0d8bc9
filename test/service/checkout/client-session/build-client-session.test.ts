import { buildClientSession } from '../../../../src/service/checkout/client-session/build-client-session';
import { CartNotPayableError, type NotPayableReason } from '../../../../src/service/checkout/client-session/cart-not-payable-error';
import type { Cart } from '../../../../src/service/orders/cart';
import { DEMO_CARTS } from '../../../../src/demo/orders/demo-carts';
import { projectSchemaErrors } from '../../../support/project-schema';
import { aCart, anItem } from './fixtures/carts';

function demoCart(id: string): Cart {
  const cart = DEMO_CARTS.find((demo) => demo.id === id);
  if (!cart) throw new Error(`no demo cart ${id}`);
  return structuredClone(cart);
}

function notPayableReason(cart: Cart): NotPayableReason | undefined {
  try {
    buildClientSession(cart);
    return undefined;
  } catch (error) {
    if (error instanceof CartNotPayableError) return error.reason;
    throw error;
  }
}

describe('buildClientSession', () => {
  it('maps the GBP demo cart field by field as docs/client-session.md says', () => {
    const { body, warnings } = buildClientSession(demoCart('demo-gbp'));

    expect(warnings).toEqual([]);
    expect(body).toEqual({
      orderId: 'order-demo-gbp-1001',
      currencyCode: 'GBP',
      amount: 8905,
      customerId: 'cus_demo_ada',
      order: {
        countryCode: 'GB',
        lineItems: [
          {
            itemId: 'line-1',
            name: 'Earl Grey loose leaf tea, 250 g',
            description: 'Black tea with bergamot, 10% off two tins',
            amount: 1200,
            quantity: 2,
            discountAmount: 240,
            taxAmount: 0,
            taxCode: 'UK-VAT-ZERO',
            productType: 'PHYSICAL',
            productData: { sku: 'TEA-EG-250', brand: 'Demo Tea Co.', pageUrl: 'https://shop.example.com/tea/earl-grey-250g' },
          },
          {
            itemId: 'line-2',
            name: 'Porcelain teapot, 1.2 l',
            amount: 3500,
            quantity: 1,
            taxAmount: 700,
            taxCode: 'UK-VAT-STANDARD',
            productType: 'PHYSICAL',
            productData: { sku: 'POT-PORC-12', brand: 'Demo Tea Co.' },
          },
          {
            itemId: 'line-3',
            name: 'Tea brewing masterclass (video)',
            amount: 1500,
            quantity: 1,
            taxAmount: 300,
            taxCode: 'UK-VAT-STANDARD',
            productType: 'DIGITAL',
            productData: { sku: 'CLASS-BREW-01' },
          },
        ],
        shipping: { amount: 495, methodId: 'royal-mail-48', methodName: 'Royal Mail Tracked 48' },
        fees: [{ type: 'GIFT_WRAP', amount: 250, description: 'Gift wrapping' }],
      },
      customer: {
        emailAddress: 'ada.lovelace@example.com',
        mobileNumber: '+447700900123',
        firstName: 'Ada',
        lastName: 'Lovelace',
        billingAddress: {
          firstName: 'Ada',
          lastName: 'Lovelace',
          addressLine1: '12 St James\'s Square',
          city: 'London',
          postalCode: 'SW1Y 4JH',
          countryCode: 'GB',
        },
        shippingAddress: {
          firstName: 'Charles',
          lastName: 'Babbage',
          addressLine1: 'Flat 4',
          addressLine2: '1 Dorset Street',
          city: 'London',
          state: 'Greater London',
          postalCode: 'W1U 4EG',
          countryCode: 'GB',
        },
      },
      metadata: { channel: 'web', campaign: 'spring-tea', loyaltyPoints: 120, cartId: 'demo-gbp' },
    });
    expect(projectSchemaErrors('ClientSessionAPIRequest', body)).toEqual([]);
  });

  it.each([
    ['demo-gbp', 8905],
    ['demo-jpy', 7238],
    ['demo-kwd', 23500],
    ['demo-unicode', 8240],
    ['demo-minimal', 499],
  ])('when the demo cart %s is built, then it charges %i minor units and the project\'s schema accepts it', (id, amount) => {
    const { body } = buildClientSession(demoCart(id));

    expect(body.amount).toBe(amount);
    expect(projectSchemaErrors('ClientSessionAPIRequest', body)).toEqual([]);
  });

  it('when the currency has no minor unit (JPY), then amounts pass through as whole yen', () => {
    const { body } = buildClientSession(demoCart('demo-jpy'));

    expect(body.currencyCode).toBe('JPY');
    expect(body.order?.lineItems?.map((line) => line.amount)).toEqual([1800, 2500]);
    expect(body.order?.shipping).toEqual({ amount: 600, methodName: 'Yamato TA-Q-BIN' });
  });

  it('when the currency has three decimals (KWD), then amounts pass through as fils', () => {
    const { body } = buildClientSession(demoCart('demo-kwd'));

    expect(body.currencyCode).toBe('KWD');
    expect(body.order?.lineItems?.map((line) => [line.amount, line.quantity])).toEqual([[12500, 1], [4750, 2]]);
  });

  it('keeps names in any script and emoji as they are', () => {
    const { body } = buildClientSession(demoCart('demo-unicode'));

    expect(body.order?.lineItems?.map((line) => line.name)).toEqual([
      '茶碗 (tea bowl)', 'Льняная скатерть', 'كعك بالتمر', 'Θυμαρίσιο μέλι', 'Geschenkkarte 🎁',
    ]);
    expect(body.customer?.lastName).toBe('Ångström-Núñez');
  });

  it('when the cart carries only what is required, then the body has no customer, shipping, fees or customerId', () => {
    const { body } = buildClientSession(demoCart('demo-minimal'));

    expect(body).toEqual({
      orderId: 'demo-minimal',
      currencyCode: 'USD',
      amount: 499,
      order: { countryCode: 'US', lineItems: [{ itemId: 'sticker', name: 'Sticker pack', amount: 499, quantity: 1 }] },
      metadata: { cartId: 'demo-minimal' },
    });
  });

  it('when the cart has no orderId, then the cart id is the orderId', () => {
    expect(buildClientSession(aCart({ id: 'cart_9' })).body.orderId).toBe('cart_9');
  });

  it('when the cart states no total, then the computed amount is used', () => {
    const cart = aCart({ items: [anItem({ unitAmount: 1200, quantity: 2, discountAmount: 100, taxAmount: 50 })] });

    expect(buildClientSession(cart).body.amount).toBe(2350);
  });

  it('when a line is free, then it is still sent with amount 0', () => {
    const cart = aCart({ items: [anItem(), anItem({ id: 'gift', unitAmount: 0, quantity: 1 })] });

    const { body } = buildClientSession(cart);

    expect(body.amount).toBe(2400);
    expect(body.order?.lineItems?.[1]).toEqual({ itemId: 'gift', name: 'Tea', amount: 0, quantity: 1 });
  });

  it('when a discount equals its whole line, then the line costs nothing and the cart is still payable', () => {
    const cart = aCart({ items: [anItem({ discountAmount: 2400 }), anItem({ id: 'sku_2', unitAmount: 100, quantity: 1 })] });

    expect(buildClientSession(cart).body.amount).toBe(100);
  });
});

describe('buildClientSession refuses carts that cannot be paid (422)', () => {
  const huge = Number.MAX_SAFE_INTEGER;
  const cases: [string, Cart, NotPayableReason][] = [
    ['the demo cart without items', demoCart('demo-empty'), 'no_items'],
    ['the demo cart whose stated total is wrong', demoCart('demo-mismatch'), 'total_mismatch'],
    ['a stated total that is not an integer', aCart({ totalAmount: 2400.5 }), 'total_mismatch'],
    ['a total of zero', aCart({ items: [anItem({ unitAmount: 0 })] }), 'total_not_positive'],
    ['a lower-case currency', aCart({ currencyCode: 'gbp' }), 'unknown_currency'],
    ['a currency Primer does not list', aCart({ currencyCode: 'ABC' }), 'unknown_currency'],
    ['gold, which has no minor unit', aCart({ currencyCode: 'XAU' }), 'unknown_currency'],
    ['an empty currency', aCart({ currencyCode: '' }), 'unknown_currency'],
    ['the country "UK", which is not ISO 3166', aCart({ countryCode: 'UK' }), 'unknown_country'],
    ['a lower-case country', aCart({ countryCode: 'gb' }), 'unknown_country'],
    ['an alpha-3 country', aCart({ countryCode: 'GBR' }), 'unknown_country'],
    ['a fractional unit amount', aCart({ items: [anItem({ unitAmount: 12.5 })] }), 'invalid_amount'],
    ['a negative unit amount', aCart({ items: [anItem({ unitAmount: -1200 })] }), 'invalid_amount'],
    ['a unit amount that is not a number', aCart({ items: [anItem({ unitAmount: Number.NaN })] }), 'invalid_amount'],
    ['an infinite unit amount', aCart({ items: [anItem({ unitAmount: Number.POSITIVE_INFINITY })] }), 'invalid_amount'],
    ['a negative discount', aCart({ items: [anItem({ discountAmount: -100 })] }), 'invalid_amount'],
    ['a discount larger than its line', aCart({ items: [anItem({ discountAmount: 2401, taxAmount: 500 })] }), 'invalid_amount'],
    ['a fractional tax', aCart({ items: [anItem({ taxAmount: 0.2 })] }), 'invalid_amount'],
    ['a negative shipping amount', aCart({ shipping: { amount: -495 } }), 'invalid_amount'],
    ['a fractional fee', aCart({ fees: [{ type: 'GIFT_WRAP', amount: 2.5 }] }), 'invalid_amount'],
    ['a line past the safe integer range', aCart({ items: [anItem({ unitAmount: huge, quantity: 2 })] }), 'invalid_amount'],
    ['a total past the safe integer range', aCart({ items: [anItem({ unitAmount: huge, quantity: 1 }), anItem({ id: 'b', quantity: 1 })] }), 'invalid_amount'],
    ['a quantity of zero', aCart({ items: [anItem({ quantity: 0 })] }), 'invalid_quantity'],
    ['a negative quantity', aCart({ items: [anItem({ quantity: -1 })] }), 'invalid_quantity'],
    ['a fractional quantity', aCart({ items: [anItem({ quantity: 1.5 })] }), 'invalid_quantity'],
    ['an empty item id', aCart({ items: [anItem({ id: '' })] }), 'invalid_identifier'],
    ['an item id of 256 characters', aCart({ items: [anItem({ id: 'i'.repeat(256) })] }), 'invalid_identifier'],
    ['a blank orderId', aCart({ orderId: '  ' }), 'invalid_identifier'],
    ['an orderId of 256 characters', aCart({ orderId: 'o'.repeat(256) }), 'invalid_identifier'],
    ['an empty cart id', aCart({ id: '' }), 'invalid_identifier'],
    ['an empty customer id', aCart({ customer: { id: '', email: 'ada@example.com' } }), 'invalid_identifier'],
    ['a customer id of 256 characters', aCart({ customer: { id: 'c'.repeat(256) } }), 'invalid_identifier'],
  ];

  it.each(cases)('when the cart has %s, then it throws CartNotPayableError', (_label, cart, reason) => {
    expect(notPayableReason(cart)).toBe(reason);
  });

  it('when only the identifier is at the limit of 255 characters, then the cart is payable', () => {
    const cart = aCart({ orderId: 'o'.repeat(255), items: [anItem({ id: '🎁'.repeat(255) })], customer: { id: 'c'.repeat(255) } });

    const { body } = buildClientSession(cart);

    expect(projectSchemaErrors('ClientSessionAPIRequest', body)).toEqual([]);
  });

  it('names the field, never the value, in the error', () => {
    const error = (() => {
      try {
        buildClientSession(aCart({ customer: { id: 'secret-'.repeat(40) } }));
      } catch (caught) {
        return caught as CartNotPayableError;
      }
      throw new Error('expected a CartNotPayableError');
    })();

    expect(error.detail).toBe('customer.id');
    expect(error.message).not.toContain('secret');
  });
});
