import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import { contentSecurityPolicy } from 'helmet';
import type { Cart } from '../../service/orders/cart';
import { CartNotFoundError } from '../../service/orders/errors/cart-not-found-error';
import type { InMemoryOrderService } from '../orders/in-memory-order-service';
import { cartAmount } from '../../service/checkout/client-session/cart-amount';
import { demoPaymentRoutes, type RecordedPaymentEvents, type SimulatedPayments } from './demo-payment-routes';
import { formatMinorUnits } from './format-minor-units';
import { installedPackageDir, packageFiles } from './primer-sdk-files';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PUBLIC_DIR = path.join(ROOT, 'public');
// The typed browser modules, compiled by `npm run build` (tsconfig.browser.json).
const BROWSER_BUILD_DIR = path.join(ROOT, 'dist', 'browser');
// The npm package is only a loader: a real client token makes it fetch PrimerCoreSDK.min.js and Checkout.css from sdk.primer.io.
const PRIMER_SDK_DIR = installedPackageDir('@primer-io/checkout-web');
// Primer Checkout's ES modules (primer-loader.js and its chunks); its card fields are iframes from sdk.primer.io.
const PRIMER_CHECKOUT_DIR = installedPackageDir('@primer-io/primer-js');

// Primer's Web SDK allowlist (https://primer.io/docs/checkout/advanced/content-security-policy), 3DS included; nothing else.
// Enough to show a quantity change; the demo carts are not a shop.
const MAX_DEMO_QUANTITY = 20;

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
  // The order id the service sends Primer for this cart, under which its payment events are recorded.
  orderId: string;
  currencyCode: string;
  itemCount: number;
  total: string;
  lines: { lineId: string; name: string; quantity: number }[];
}

// The in-memory order service, when this process holds the carts: the page may then change quantities.
export type EditableCarts = Pick<InMemoryOrderService, 'list' | 'setQuantity'>;

export interface DemoPageOptions {
  carts: readonly Cart[];
  editableCarts?: EditableCarts | undefined;
  simulatedPayments?: SimulatedPayments | undefined;
  paymentEvents?: RecordedPaymentEvents | undefined;
}

// What the page lists for a cart: display strings only, the service alone decides what is charged.
export function summariseDemoCart(cart: Cart): DemoCartSummary {
  const itemCount = cart.items.reduce((count, item) => count + item.quantity, 0);
  const lines = cart.items.map((item) => ({ lineId: item.id, name: item.name, quantity: item.quantity }));
  return { cartId: cart.id, orderId: cart.orderId ?? cart.id, currencyCode: cart.currencyCode, itemCount, total: formatCartTotal(cart), lines };
}

// The total the shop states, else the one the service would charge; a cart with neither shows a dash.
function formatCartTotal(cart: Cart): string {
  try {
    return formatMinorUnits(cart.totalAmount ?? cartAmount(cart), cart.currencyCode);
  } catch {
    return '—';
  }
}

// A shop's cart change, played by the page: the next POST /checkout/session finds a new cart version.
function changeQuantity(editableCarts: EditableCarts): RequestHandler {
  return (req, res) => {
    const quantity: unknown = (req.body as { quantity?: unknown } | undefined)?.quantity;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_DEMO_QUANTITY) {
      res.status(400).json({ error: `quantity must be an integer from 1 to ${MAX_DEMO_QUANTITY}` });
      return;
    }
    try {
      res.json(summariseDemoCart(editableCarts.setQuantity(String(req.params.cartId), String(req.params.lineId), quantity)));
    } catch (error) {
      if (!(error instanceof CartNotFoundError)) throw error;
      res.status(404).json({ error: 'no such cart line' });
    }
  };
}

// The reference checkout page: GET / plus its assets, the SDK from node_modules, and the demo cart list.
export function demoPageRouter({ carts, editableCarts, simulatedPayments, paymentEvents }: DemoPageOptions): Router {
  const router = express.Router();
  const listCarts = () => (editableCarts?.list() ?? carts).map(summariseDemoCart);

  router.get('/', demoPageCsp, (_req, res) => res.sendFile(path.join(PUBLIC_DIR, 'index.html')));
  router.get('/demo/carts', (_req, res) =>
    res.json({ editable: editableCarts !== undefined, simulatedPayments: simulatedPayments !== undefined, paymentEvents: paymentEvents !== undefined, carts: listCarts() }),
  );
  router.use(demoPaymentRoutes(simulatedPayments, paymentEvents));
  if (editableCarts) router.put('/demo/carts/:cartId/lines/:lineId', express.json({ limit: '1kb' }), changeQuantity(editableCarts));
  router.use('/demo/assets', demoPageCsp, express.static(PUBLIC_DIR, { index: false }));
  router.use('/demo/app', demoPageCsp, express.static(BROWSER_BUILD_DIR, { index: false }));
  router.use('/demo/vendor/primer-checkout', demoPageCsp, packageFiles('@primer-io/primer-js', PRIMER_CHECKOUT_DIR));
  router.get('/demo/vendor/primer/Primer.js', demoPageCsp, packageFiles('@primer-io/checkout-web', PRIMER_SDK_DIR, 'Primer.js'));
  router.get('/demo/vendor/primer/Checkout.css', demoPageCsp, packageFiles('@primer-io/checkout-web', PRIMER_SDK_DIR, 'Checkout.css'));
  return router;
}
