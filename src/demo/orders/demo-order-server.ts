import http from 'node:http';
import type { Cart } from '../../service/orders/cart';

// A stand-in order service speaking contract section 2, so the HTTP adapter is what runs in docker-compose.
// Every cart is readable by everyone: the demo has no shoppers to tell apart.
const CART_PATH = /^\/carts\/([^/]+)$/;
const ALLOWED_METHODS = 'GET, HEAD';
const HEALTH_BODY = JSON.stringify({ status: 'ok' });

function send(res: http.ServerResponse, status: number, body: string, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

function decodeCartId(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

export function createDemoOrderServer(carts: readonly Cart[]): http.Server {
  // Serialised once: a benchmark drives this server, and the carts never change.
  const cartBodies = new Map(carts.map((cart) => [cart.id, JSON.stringify(cart)]));

  return http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const cartMatch = CART_PATH.exec(path);
    if (path !== '/healthz' && !cartMatch) {
      send(res, 404, JSON.stringify({ error: 'not_found' }));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, JSON.stringify({ error: 'method_not_allowed' }), { Allow: ALLOWED_METHODS });
      return;
    }
    if (!cartMatch) {
      send(res, 200, HEALTH_BODY);
      return;
    }
    const cartId = decodeCartId(cartMatch[1] ?? '');
    const cartBody = cartId === undefined ? undefined : cartBodies.get(cartId);
    if (cartBody === undefined) {
      send(res, 404, JSON.stringify({ error: 'cart_not_found' }));
      return;
    }
    send(res, 200, cartBody);
  });
}
