import type { ServerResponse } from 'node:http';
import type { Cart } from '../../src/service/orders/cart';
import { sendJson, startFakeServer, type FakeServer, type RecordedRequest } from './fake-http-server';

export type OrdersReply = (req: RecordedRequest, res: ServerResponse) => void;

export interface FakeOrderService extends FakeServer {
  carts: Map<string, Cart>;
  queue(...replies: OrdersReply[]): void;
}

// Serves contract section 2 from a map of carts; queued replies override it for fault tests.
export async function startFakeOrderService(carts: readonly Cart[]): Promise<FakeOrderService> {
  const byId = new Map(carts.map((cart) => [cart.id, structuredClone(cart)]));
  const replies: OrdersReply[] = [];
  const server = await startFakeServer((req, res) => {
    const reply = replies.shift();
    if (reply) return reply(req, res);
    const match = /^\/carts\/([^/?]+)$/.exec(req.url);
    const cart = match?.[1] === undefined ? undefined : byId.get(decodeURIComponent(match[1]));
    if (req.method !== 'GET' || !cart) return sendJson(res, 404, { message: 'no such cart' });
    sendJson(res, 200, cart);
  });
  return Object.assign(server, { carts: byId, queue: (...more: OrdersReply[]) => replies.push(...more) });
}
