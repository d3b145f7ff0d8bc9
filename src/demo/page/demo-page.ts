import path from 'node:path';
import express, { type Router } from 'express';
import { contentSecurityPolicy } from 'helmet';
import type { Cart } from '../../service/orders/cart';
import { cartAmount } from '../../service/checkout/client-session/cart-amount';
import { formatMinorUnits } from './format-minor-units';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PUBLIC_DIR = path.join(ROOT, 'public');
// The typed browser modules, compiled by `npm run build` (tsconfig.browser.json).
const BROWSER_BUILD_DIR = path.join(ROOT, 'dist', 'browser');
// The npm package is only a loader: a real client token makes it fetch PrimerCoreSDK.min.js and Checkout.css from sdk.primer.io.
const PRIMER_SDK_DIR = path.dirname(require.resolve('@primer-io/checkout-web'));
// Primer Checkout's ES modules (primer-loader.js and its chunks); its card fields are iframes from sdk.primer.io.
const PRIMER_CHECKOUT_DIR = path.dirname(require.resolve('@primer-io/primer-js'));

// Primer's Web SDK allowlist (https://primer.io/docs/checkout/advanced/content-security-policy), 3DS included; nothing else.
const demoPageCsp = contentSecurityPolicy({
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", 'https://sdk.primer.io'],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", 'https://*.primer.io', "'unsafe-inline'"],
    connectSrc: ["'self'", 'https://*.primer.io'],
    frameSrc: ['https://*.primer.io', 'https://*.3dsecure.io'],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
  },
});

export interface DemoCartSummary {
  cartId: string;
  currencyCode: string;
  itemCount: number;
  total: string;
}

export interface DemoPageOptions {
  carts: readonly Cart[];
}

// What the page lists for a cart: a display string only, the service alone decides what is charged.
export function summariseDemoCart(cart: Cart): DemoCartSummary {
  const itemCount = cart.items.reduce((count, item) => count + item.quantity, 0);
  return { cartId: cart.id, currencyCode: cart.currencyCode, itemCount, total: formatCartTotal(cart) };
}

// The total the shop states, else the one the service would charge; a cart with neither shows a dash.
function formatCartTotal(cart: Cart): string {
  try {
    return formatMinorUnits(cart.totalAmount ?? cartAmount(cart), cart.currencyCode);
  } catch {
    return '—';
  }
}

// The reference checkout page: GET / plus its assets, the SDK from node_modules, and the demo cart list.
export function demoPageRouter({ carts }: DemoPageOptions): Router {
  const router = express.Router();
  const summaries = carts.map(summariseDemoCart);

  router.get('/', demoPageCsp, (_req, res) => res.sendFile(path.join(PUBLIC_DIR, 'index.html')));
  router.get('/demo/carts', (_req, res) => res.json(summaries));
  router.use('/demo/assets', demoPageCsp, express.static(PUBLIC_DIR, { index: false }));
  router.use('/demo/app', demoPageCsp, express.static(BROWSER_BUILD_DIR, { index: false }));
  router.use('/demo/vendor/primer-checkout', demoPageCsp, express.static(PRIMER_CHECKOUT_DIR, { index: false }));
  router.get('/demo/vendor/primer/Primer.js', demoPageCsp, (_req, res) => res.sendFile(path.join(PRIMER_SDK_DIR, 'Primer.js')));
  router.get('/demo/vendor/primer/Checkout.css', demoPageCsp, (_req, res) => res.sendFile(path.join(PRIMER_SDK_DIR, 'Checkout.css')));
  return router;
}
