import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { benchCartBody } from './bench-cart';

export interface UpstreamCounts {
  primer: number;
  orders: number;
}

export interface FakeUpstreams {
  primerUrl: string;
  ordersUrl: string;
  setPrimerDelay(ms: number): void;
  counts(): UpstreamCounts;
  close(): Promise<void>;
}

const CART_PATH = /^\/carts\/([^/?]+)$/;
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const TOKEN_LIFE_MS = 24 * 60 * 60 * 1000;
// A thousand sockets open at once in the realistic run: Node's default backlog (511) would drop SYNs and add
// the kernel's 1 s, 3 s, 7 s retransmits to the service's latency.
const LISTEN_BACKLOG = 4096;

// Primer writes the expiry in UTC without a zone and with microseconds; recomputed at most once a second.
function expiryClock(): () => string {
  let second = -1;
  let text = '';
  return () => {
    const now = Date.now();
    if (Math.floor(now / 1000) !== second) {
      second = Math.floor(now / 1000);
      text = `${new Date(now + TOKEN_LIFE_MS).toISOString().slice(0, -1)}000`;
    }
    return text;
  };
}

// Lean stand-ins on node:http alone, so the upstreams cost as little as possible of the two cores under test.
export async function startFakeUpstreams(host = '127.0.0.1'): Promise<FakeUpstreams> {
  const counts: UpstreamCounts = { primer: 0, orders: 0 };
  let primerDelayMs = 0;
  let issued = 0;
  const expiry = expiryClock();

  const primer = http.createServer((req, res) => {
    req.resume();
    req.once('end', () => {
      if (req.url !== '/client-session' || (req.method !== 'POST' && req.method !== 'PATCH')) {
        res.writeHead(404, JSON_HEADERS).end('{"error":{"errorId":"NotFound","description":"no such route"}}');
        return;
      }
      counts.primer += 1;
      issued += 1;
      const body = `{"clientToken":"bench-token-${issued}","clientTokenExpirationDate":"${expiry()}","warnings":[]}`;
      const answer = () => res.writeHead(200, JSON_HEADERS).end(body);
      if (primerDelayMs > 0) setTimeout(answer, primerDelayMs);
      else answer();
    });
  });

  const orders = http.createServer((req, res) => {
    const match = req.method === 'GET' ? CART_PATH.exec(req.url ?? '') : null;
    if (!match) {
      res.writeHead(404, JSON_HEADERS).end('{"error":"not_found"}');
      return;
    }
    const cartId = decodedOrUndefined(match[1] ?? '');
    if (cartId === undefined) {
      res.writeHead(400, JSON_HEADERS).end('{"error":"bad_cart_id"}');
      return;
    }
    counts.orders += 1;
    res.writeHead(200, JSON_HEADERS).end(benchCartBody(cartId));
  });

  const [primerUrl, ordersUrl] = await Promise.all([listen(primer, host), listen(orders, host)]);
  return {
    primerUrl,
    ordersUrl,
    setPrimerDelay: (ms) => {
      primerDelayMs = ms;
    },
    counts: () => ({ ...counts }),
    close: async () => {
      await Promise.all([close(primer), close(orders)]);
    },
  };
}

function decodedOrUndefined(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

function listen(server: http.Server, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, LISTEN_BACKLOG, () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://${host}:${port}`);
    });
  });
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
