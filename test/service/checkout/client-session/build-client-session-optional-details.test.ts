import { buildClientSession } from '../../../../src/service/checkout/client-session/build-client-session';
import { projectSchemaErrors } from '../../../support/project-schema';
import { LONG_NAME, LONG_NAME_CART, aCart, anItem } from './fixtures/carts';

function emptyStringPaths(value: unknown, path = ''): string[] {
  if (value === '') return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => emptyStringPaths(child, `${path}.${key}`));
}

describe('buildClientSession with optional details Primer would refuse', () => {
  it('when descriptive strings are longer than 255 characters, then they are cut at a code point and a warning names the field', () => {
    const { body, warnings } = buildClientSession(LONG_NAME_CART);
    const line = body.order?.lineItems?.[0];

    expect(line?.name).toBe(`${'Ä'.repeat(254)}🎁`);
    expect(line?.description).toBe(`${'Ä'.repeat(254)}🎁`);
    expect(warnings).toEqual(['items[0].name cut to 255 characters', 'items[0].description cut to 255 characters']);
    expect(warnings.join(' ')).not.toContain('Ä');
    expect(projectSchemaErrors('ClientSessionAPIRequest', body)).toEqual([]);
  });

  it('cuts long customer names, address lines, city, brand, fee description and shipping method name', () => {
    const cart = aCart({
      items: [anItem({ brand: LONG_NAME })],
      customer: {
        firstName: LONG_NAME,
        lastName: LONG_NAME,
        billingAddress: { firstName: LONG_NAME, addressLine1: LONG_NAME, addressLine2: LONG_NAME, city: LONG_NAME, state: LONG_NAME },
      },
      shipping: { amount: 0, methodName: LONG_NAME },
      fees: [{ type: 'SERVICE', amount: 10, description: LONG_NAME }],
    });

    const { body, warnings } = buildClientSession(cart);

    expect(warnings).toHaveLength(10);
    expect(body.customer?.billingAddress?.city).toBe(`${'Ä'.repeat(254)}🎁`);
    expect(projectSchemaErrors('ClientSessionAPIRequest', body)).toEqual([]);
  });

  it('when codes and references are too long, then they are left out rather than cut', () => {
    const cart = aCart({
      items: [anItem({ sku: 's'.repeat(256), taxCode: 't'.repeat(256), pageUrl: `https://shop.example.com/${'p'.repeat(1000)}` })],
      customer: { mobileNumber: '1'.repeat(256), billingAddress: { postalCode: '9'.repeat(256), city: 'Leeds' } },
      shipping: { amount: 100, methodId: 'm'.repeat(256) },
      fees: [{ type: 'F'.repeat(256), amount: 5 }],
    });

    const { body, warnings } = buildClientSession(cart);

    expect(body.order?.lineItems?.[0]).toEqual({ itemId: 'sku_1', name: 'Tea', amount: 1200, quantity: 2 });
    expect(body.customer).toEqual({ billingAddress: { city: 'Leeds' } });
    expect(body.order?.shipping).toEqual({ amount: 100 });
    expect(body.order?.fees).toEqual([{ amount: 5 }]);
    expect(warnings).toEqual([
      'items[0].taxCode left out: longer than 255 characters',
      'items[0].sku left out: longer than 255 characters',
      'items[0].pageUrl left out: longer than 1024 characters',
      'fees[0].type left out: longer than 255 characters',
      'shipping.methodId left out: longer than 255 characters',
      'customer.mobileNumber left out: longer than 255 characters',
      'customer.billingAddress.postalCode left out: longer than 255 characters',
    ]);
    expect(projectSchemaErrors('ClientSessionAPIRequest', body)).toEqual([]);
  });

  it('when a page URL is exactly 1024 characters, then it is sent', () => {
    const pageUrl = `https://shop.example.com/${'p'.repeat(1024 - 25)}`;

    const { body } = buildClientSession(aCart({ items: [anItem({ pageUrl })] }));

    expect(body.order?.lineItems?.[0]?.productData).toEqual({ pageUrl });
  });

  it('when optional strings are empty or blank, then they are omitted, never sent empty', () => {
    const cart = aCart({
      orderId: 'order_1',
      items: [anItem({ name: '', description: ' ', taxCode: '', productType: '', sku: '', brand: '', pageUrl: '' })],
      customer: {
        email: '',
        mobileNumber: '',
        firstName: '',
        lastName: ' ',
        billingAddress: { firstName: '', addressLine1: '', addressLine2: '', city: '', state: '', postalCode: '', countryCode: '' },
        shippingAddress: {},
      },
      shipping: { amount: 0, methodId: '', methodName: '' },
      fees: [{ type: '', amount: 0, description: '' }],
      metadata: { channel: '' },
    });

    const { body } = buildClientSession(cart);

    expect(emptyStringPaths(body)).toEqual([]);
    expect(body.customer).toBeUndefined();
    expect(body.order?.lineItems?.[0]).toEqual({ itemId: 'sku_1', amount: 1200, quantity: 2 });
    expect(projectSchemaErrors('ClientSessionAPIRequest', body)).toEqual([]);
  });

  it.each(['ada', 'ada@', '@example.com', 'ada@example', 'ada lovelace@example.com', 'ada@exa mple.com', `${'a'.repeat(65)}@example.com`])(
    'when the email is %p, then it is left out with a warning that does not repeat it',
    (email) => {
      const { body, warnings } = buildClientSession(aCart({ customer: { email, firstName: 'Ada' } }));

      expect(body.customer).toEqual({ firstName: 'Ada' });
      expect(warnings).toEqual(['customer.email left out: not an email address']);
      expect(projectSchemaErrors('ClientSessionAPIRequest', body)).toEqual([]);
    },
  );

  it.each(["o'brien+tea@mail.example.co.uk", 'ADA@EXAMPLE.COM', 'a@b.io'])('when the email is %p, then it is sent', (email) => {
    const { body } = buildClientSession(aCart({ customer: { email } }));

    expect(body.customer).toEqual({ emailAddress: email });
    expect(projectSchemaErrors('ClientSessionAPIRequest', body)).toEqual([]);
  });

  it.each(['UK', 'gb', 'GBR', 'XX'])('when an address country is %p, then only the country is left out, with a warning', (countryCode) => {
    const cart = aCart({ customer: { shippingAddress: { city: 'London', countryCode } } });

    const { body, warnings } = buildClientSession(cart);

    expect(body.customer).toEqual({ shippingAddress: { city: 'London' } });
    expect(warnings).toEqual(['customer.shippingAddress.countryCode left out: not an ISO 3166 alpha-2 code Primer accepts']);
    expect(projectSchemaErrors('ClientSessionAPIRequest', body)).toEqual([]);
  });

  it('when the product type is not one Primer knows, then it is left out with a warning', () => {
    const { body, warnings } = buildClientSession(aCart({ items: [anItem({ productType: 'SERVICE' })] }));

    expect(body.order?.lineItems?.[0]?.productType).toBeUndefined();
    expect(warnings).toEqual(['items[0].productType left out: not one of PHYSICAL, DIGITAL']);
  });

  it('when the customer has only an id, then customerId is sent and customer is omitted', () => {
    const { body } = buildClientSession(aCart({ customer: { id: 'cus_1' } }));

    expect(body.customerId).toBe('cus_1');
    expect(body.customer).toBeUndefined();
  });
});

describe('buildClientSession metadata', () => {
  it('keeps string and integer values, adds cartId and warns about the rest by key', () => {
    const cart = aCart({
      id: 'cart_7',
      metadata: { channel: 'web', visits: 3, ratio: 0.5, vip: true, nested: { a: 1 }, list: [1], nothing: null, big: 2 ** 60, blank: '' },
    });

    const { body, warnings } = buildClientSession(cart);

    expect(body.metadata).toEqual({ channel: 'web', visits: 3, cartId: 'cart_7' });
    expect(warnings).toEqual(
      ['ratio', 'vip', 'nested', 'list', 'nothing', 'big', 'blank'].map((key) => `metadata.${key} left out: not a non-empty string or an integer`),
    );
    expect(projectSchemaErrors('ClientSessionAPIRequest', body)).toEqual([]);
  });

  it('when the cart metadata has its own cartId, then the real cart id wins', () => {
    const { body, warnings } = buildClientSession(aCart({ id: 'cart_7', metadata: { cartId: 'someone-else' } }));

    expect(body.metadata).toEqual({ cartId: 'cart_7' });
    expect(warnings).toEqual(['metadata.cartId replaced by the cart id']);
  });

  it('when a key is empty, then the entry is left out', () => {
    const { body, warnings } = buildClientSession(aCart({ metadata: { '': 'x', ok: 'y' } }));

    expect(body.metadata).toEqual({ ok: 'y', cartId: 'cart_42' });
    expect(warnings).toEqual(['metadata entry left out: empty key']);
  });

  it('when a key is __proto__, then it stays a plain data key and pollutes nothing', () => {
    const metadata = JSON.parse('{"__proto__": "x", "channel": "web"}') as Record<string, unknown>;

    const { body } = buildClientSession(aCart({ metadata }));

    expect(Object.getPrototypeOf(body.metadata)).toBe(Object.prototype);
    expect(Object.keys(body.metadata ?? {})).toEqual(['__proto__', 'channel', 'cartId']);
    expect(JSON.stringify(body.metadata)).toBe('{"__proto__":"x","channel":"web","cartId":"cart_42"}');
  });
});
