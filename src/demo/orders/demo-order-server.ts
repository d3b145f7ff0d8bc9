import http from 'node:http';
import type { Cart } from '../../service/orders/cart';
import { sendJson } from './json-answer';
import { PaymentEventLog } from './payment-event-log';
import { servePaymentEvents } from './payment-events-endpoint';

// A stand-in order service speaking the order service's cart API (docs/client-session.md), so the HTTP adapter is what runs in docker-compose,
// and taking the service's payment events (docs/payments.md). Every cart is readable by everyone: the demo has
// no shoppers to tell apart.
const CART_PATH = /^\/carts\/([^/]+)$/;
const PAYMENT_EVENTS_PATH = /^\/orders\/([^/]+)\/payment-events$/;
const CART_METHODS = 'GET, HEAD';
const PAYMENT_EVENTS_METHODS = 'GET, HEAD, POST';
const HEALTH_BODY = JSON.stringify({ status: 'ok' });

export interface DemoOrderServerOptions {
  // The bearer token the service sends on payment events (its ORDER_SERVICE_TOKEN); unset: none asked for.
  paymentEventsToken?: string | undefined;
}

function decodeSegment(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

function notFound(res: http.ServerResponse, error = 'not_found'): void {
  sendJson(res, 404, JSON.stringify({ error }));
}

export function createDemoOrderServer(carts: readonly Cart[], options: DemoOrderServerOptions = {}): http.Server {
  // Serialised once: a benchmark drives this server, and the carts never change.
  const cartBodies = new Map(carts.map((cart) => [cart.id, JSON.stringify(cart)]));
  const paymentEvents = { log: new PaymentEventLog(), token: options.paymentEventsToken };

  return http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const cartMatch = CART_PATH.exec(path);
    const eventsMatch = PAYMENT_EVENTS_PATH.exec(path);
    if (path !== '/healthz' && !cartMatch && !eventsMatch) return notFound(res);
    const allowed = eventsMatch ? PAYMENT_EVENTS_METHODS : CART_METHODS;
    if (!allowed.split(', ').includes(req.method ?? '')) {
      return sendJson(res, 405, JSON.stringify({ error: 'method_not_allowed' }), { Allow: allowed });
    }
    if (eventsMatch) {
      const orderId = decodeSegment(eventsMatch[1] ?? '');
      if (orderId === undefined) return notFound(res);
      servePaymentEvents(req, res, orderId, paymentEvents).catch(() => {
        if (!res.headersSent) sendJson(res, 500, JSON.stringify({ error: 'internal_error' }));
      });
      return;
    }
    if (!cartMatch) return sendJson(res, 200, HEALTH_BODY);
    const cartId = decodeSegment(cartMatch[1] ?? '');
    const cartBody = cartId === undefined ? undefined : cartBodies.get(cartId);
    if (cartBody === undefined) return notFound(res, 'cart_not_found');
    sendJson(res, 200, cartBody);
  });
}
