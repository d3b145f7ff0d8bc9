import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import type { Cart } from '../../../src/service/orders/cart';
import { createDemoOrderServer } from '../../../src/demo/orders/demo-order-server';

const TEA_CART: Cart = {
  id: 'cart_tea',
  version: 7,
  currencyCode: 'GBP',
  countryCode: 'GB',
  totalAmount: 2400,
  items: [{ id: 'sku_1', name: 'Tea', unitAmount: 1200, quantity: 2 }],
};
const SPACED_CART: Cart = { ...TEA_CART, id: 'cart with spaces é', version: 'v1' };

let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = createDemoOrderServer([TEA_CART, SPACED_CART]);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('demo order server', () => {
  it('when a known cart is asked for, then it answers 200 with the cart as JSON', async () => {
    const response = await fetch(`${baseUrl}/carts/cart_tea`, { headers: { Accept: 'application/json' } });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(TEA_CART);
  });

  it('when the cart id is percent-encoded, then it is decoded before the lookup', async () => {
    const response = await fetch(`${baseUrl}/carts/${encodeURIComponent(SPACED_CART.id)}`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(SPACED_CART);
  });

  it('when the query string is present, then it does not change which cart is served', async () => {
    const response = await fetch(`${baseUrl}/carts/cart_tea?expand=items`);

    expect(response.status).toBe(200);
    expect(((await response.json()) as Cart).id).toBe('cart_tea');
  });

  it.each([
    ['an unknown cart', '/carts/cart_nope'],
    ['a malformed percent-encoding', '/carts/%E0%A4%A'],
    ['a nested path', '/carts/cart_tea/items'],
    ['no cart id', '/carts/'],
    ['an unknown path', '/orders/cart_tea'],
  ])('when asked for %s, then it answers 404', async (_case, path) => {
    const response = await fetch(`${baseUrl}${path}`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('when a cart is asked for with %s, then it answers 405 naming GET', async (method) => {
    const response = await fetch(`${baseUrl}/carts/cart_tea`, { method, body: method === 'DELETE' ? null : '{}' });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toContain('GET');
  });

  it('when /healthz is asked for, then it answers 200 with status ok', async () => {
    const response = await fetch(`${baseUrl}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('when /healthz is posted to, then it answers 405', async () => {
    const response = await fetch(`${baseUrl}/healthz`, { method: 'POST' });

    expect(response.status).toBe(405);
  });

  it('when a cart is asked for with HEAD, then it answers 200 without a body', async () => {
    const response = await fetch(`${baseUrl}/carts/cart_tea`, { method: 'HEAD' });

    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await response.text()).toBe('');
  });
});
