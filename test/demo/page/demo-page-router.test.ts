import { ROOT_CONTEXT } from '@opentelemetry/api';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import request from 'supertest';
import type { Cart } from '../../../src/service/orders/cart';
import { demoPageRouter, summariseDemoCart } from '../../../src/demo/page/demo-page-router';
import { InMemoryOrderService } from '../../../src/demo/orders/in-memory-order-service';

const GBP_CART: Cart = {
  id: 'cart-gbp',
  version: 1,
  currencyCode: 'GBP',
  countryCode: 'GB',
  items: [
    { id: 'tea', name: 'Tea', unitAmount: 1200, quantity: 2, discountAmount: 100, taxAmount: 50 },
    { id: 'pot', name: 'Pot', unitAmount: 900, quantity: 1 },
  ],
  shipping: { amount: 500 },
  fees: [{ type: 'GIFT_WRAP', amount: 250 }],
};
const JPY_CART: Cart = { id: 'cart-jpy', version: 'a', currencyCode: 'JPY', countryCode: 'JP', items: [{ id: 'm', name: 'Matcha', unitAmount: 1800, quantity: 2 }] };
const EMPTY_CART: Cart = { id: 'cart-empty', version: 1, currencyCode: 'GBP', countryCode: 'GB', items: [] };
const MISSTATED_CART: Cart = { ...JPY_CART, id: 'cart-misstated', currencyCode: 'KWD', totalAmount: 999 };

// Built like createApp: helmet() for everything, then the demo router, then an API route.
function appWithDemoPage(): Express {
  const app = express();
  app.use(helmet());
  app.use(demoPageRouter({ carts: [GBP_CART, JPY_CART, EMPTY_CART, MISSTATED_CART] }));
  app.post('/checkout/session', (_req, res) => res.json({ ok: true }));
  return app;
}

function directives(header: string | undefined): Map<string, string> {
  return new Map((header ?? '').split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values.join(' ')];
  }));
}

describe('demo page router', () => {
  const app = appWithDemoPage();

  it('serves the checkout page at /', async () => {
    const response = await request(app).get('/').expect(200);
    expect(response.type).toBe('text/html');
    expect(response.text).toContain('<div id="checkout-form">');
  });

  it('gives the page a CSP that allows its own scripts and Primer, and no inline script', async () => {
    const response = await request(app).get('/').expect(200);
    const csp = directives(response.headers['content-security-policy']);
    expect(csp.get('script-src')).toBe("'self' https://sdk.primer.io");
    expect(csp.get('script-src-attr')).toBe("'none'");
    expect(csp.get('connect-src')).toBe("'self' https://*.primer.io");
    expect(csp.get('frame-src')).toBe('https://*.primer.io https://*.3dsecure.io');
    expect(csp.get('style-src')).toBe("'self' https://*.primer.io 'unsafe-inline'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it('when an API route answers beside the page, then it keeps helmet’s default CSP', async () => {
    const [page, api] = await Promise.all([request(app).get('/'), request(app).post('/checkout/session').send({})]);
    const apiCsp = directives(api.headers['content-security-policy']);
    expect(apiCsp.get('script-src')).toBe("'self'");
    expect(apiCsp.has('upgrade-insecure-requests')).toBe(true);
    expect(api.headers['content-security-policy']).not.toBe(page.headers['content-security-policy']);
  });

  it('lists the demo carts with item counts, display totals in their currency and their lines', async () => {
    const response = await request(app).get('/demo/carts').expect(200);
    expect(response.body).toMatchObject({ editable: false, simulatedPayments: false, paymentEvents: false });
    expect(response.body.carts.map(({ lines: _lines, ...summary }: { lines: unknown }) => summary)).toEqual([
      { cartId: 'cart-gbp', orderId: 'cart-gbp', currencyCode: 'GBP', itemCount: 3, total: '40.00 GBP' },
      { cartId: 'cart-jpy', orderId: 'cart-jpy', currencyCode: 'JPY', itemCount: 2, total: '3600 JPY' },
      { cartId: 'cart-empty', orderId: 'cart-empty', currencyCode: 'GBP', itemCount: 0, total: '—' },
      { cartId: 'cart-misstated', orderId: 'cart-misstated', currencyCode: 'KWD', itemCount: 2, total: '0.999 KWD' },
    ]);
    expect(response.body.carts[0].lines).toEqual([
      { lineId: 'tea', name: 'Tea', quantity: 2 },
      { lineId: 'pot', name: 'Pot', quantity: 1 },
    ]);
  });

  it('when the carts are not this process\'s own, then they cannot be changed from the page', async () => {
    await request(app).put('/demo/carts/cart-gbp/lines/tea').send({ quantity: 3 }).expect(404);
  });

  it('when no emulator or order records run in this process, then the demo payment routes do not exist', async () => {
    await request(app).post('/demo/payments').send({ clientToken: 't', status: 'AUTHORIZED' }).expect(404);
    await request(app).get('/demo/orders/cart-gbp/payment-events').expect(404);
  });

  it('serves every script and stylesheet the page names, all from its own origin', async () => {
    const page = await request(app).get('/').expect(200);
    const urls = [...page.text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? '');
    expect(urls).toEqual(expect.arrayContaining(['/demo/app/demo/demo-page-script.js', '/demo/assets/demo.css']));
    for (const url of urls) {
      expect(url.startsWith('/')).toBe(true);
      await request(app).get(url).expect(200);
    }
  });

  it('serves the compiled browser client as JavaScript', async () => {
    const response = await request(app).get('/demo/app/checkout-session-client.js').expect(200);
    expect(response.type).toBe('text/javascript');
    expect(response.text).toContain('export async function requestCheckoutSession');
  });

  it('serves Primer Checkout from the installed npm package, not a CDN copy', async () => {
    const installed = readFileSync(require.resolve('@primer-io/primer-js'), 'utf8');
    const response = await request(app).get('/demo/vendor/primer-checkout/primer-loader.js').expect(200);
    expect(response.type).toBe('text/javascript');
    expect(response.text).toBe(installed);
  });

  it('serves the Primer SDK from the installed npm package, not a CDN copy', async () => {
    const installed = readFileSync(path.join(path.dirname(require.resolve('@primer-io/checkout-web')), 'Primer.js'), 'utf8');
    const response = await request(app).get('/demo/vendor/primer/Primer.js').expect(200);
    expect(response.text).toBe(installed);
  });

  it('when an asset does not exist, then the request falls through to the app', async () => {
    const response = await request(app).get('/demo/assets/missing.js');
    expect(response.status).toBe(404);
    await request(app).get('/demo/vendor/primer/index.d.ts').expect(404);
  });
});

describe('demo page router over the in-memory order service', () => {
  const orders = new InMemoryOrderService([GBP_CART, JPY_CART]);
  const app = express().use(demoPageRouter({ carts: [], editableCarts: orders }));

  it('when the page changes a quantity, then the order service holds a new cart version and the list shows it', async () => {
    const response = await request(app).put('/demo/carts/cart-gbp/lines/pot').send({ quantity: 4 }).expect(200);
    expect(response.body).toMatchObject({ cartId: 'cart-gbp', itemCount: 6, total: '67.00 GBP' });
    const cart = await orders.loadCart({ cartId: 'cart-gbp', context: { requestId: 'r', trace: ROOT_CONTEXT }, credentials: {} });
    expect(cart.version).toBe(2);
    const list = await request(app).get('/demo/carts').expect(200);
    expect(list.body.editable).toBe(true);
    expect(list.body.carts[0]).toMatchObject({ cartId: 'cart-gbp', itemCount: 6 });
  });

  it.each([0, 21, 1.5, '2', null])('refuses quantity %p', async (quantity) => {
    await request(app).put('/demo/carts/cart-gbp/lines/pot').send({ quantity }).expect(400);
  });

  it('answers 404 for an unknown cart or line', async () => {
    await request(app).put('/demo/carts/nope/lines/pot').send({ quantity: 2 }).expect(404);
    await request(app).put('/demo/carts/cart-gbp/lines/nope').send({ quantity: 2 }).expect(404);
  });
});

describe('summariseDemoCart', () => {
  it('counts units, not lines', () => {
    expect(summariseDemoCart(GBP_CART).itemCount).toBe(3);
  });

  it('shows the total the cart states over the computed one', () => {
    expect(summariseDemoCart({ ...GBP_CART, totalAmount: 1234 }).total).toBe('12.34 GBP');
  });

  it('shows a dash for a cart whose total cannot be computed', () => {
    expect(summariseDemoCart({ ...JPY_CART, currencyCode: 'XXX' }).total).toBe('—');
  });
});
