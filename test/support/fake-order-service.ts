import type { ServerResponse } from 'node:http';
import type { Cart } from '../../src/service/orders/cart';
import { sendJson, startFakeServer, type FakeServer, type RecordedRequest } from './fake-http-server';

export type OrdersReply = (req: RecordedRequest, res: ServerResponse) => void;

export interface FakeOrderService extends FakeServer {
  carts: Map<string, Cart>;
  queue(...replies: OrdersReply[]): void;
  // The POST /orders/{orderId}/payment-events requests that reached it, in order, queued faults included.
  paymentEvents(): RecordedRequest[];
}

const PAYMENT_EVENTS = /^\/orders\/[^/?]+\/payment-events$/;

// Serves the order service's cart API (docs/client-session.md) from a map of carts and takes payment events (201); queued replies override both for fault tests.
export async function startFakeOrderService(carts: readonly Cart[]): Promise<FakeOrderService> {
  const byId = new Map(carts.map((cart) => [cart.id, structuredClone(cart)]));
  const replies: OrdersReply[] = [];
  const server = await startFakeServer((req, res) => {
    const reply = replies.shift();
    if (reply) return reply(req, res);
    if (req.method === 'POST' && PAYMENT_EVENTS.test(req.url)) return sendJson(res, 201, { recorded: true });
    const match = /^\/carts\/([^/?]+)$/.exec(req.url);
    const cart = match?.[1] === undefined ? undefined : byId.get(decodeURIComponent(match[1]));
    if (req.method !== 'GET' || !cart) return sendJson(res, 404, { message: 'no such cart' });
    sendJson(res, 200, cart);
  });
  return Object.assign(server, {
    carts: byId,
    queue: (...more: OrdersReply[]) => replies.push(...more),
    paymentEvents: () => server.requests.filter((req) => req.method === 'POST' && PAYMENT_EVENTS.test(req.url)),
  });
}
