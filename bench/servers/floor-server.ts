import http from 'node:http';

// The floor: the same two upstream calls on node:http alone, with a keep-alive agent and no framework, logging or
// validation. What the service costs is measured against this.
const port = Number(process.env.PORT);
const ordersUrl = required('ORDER_SERVICE_URL');
const primerUrl = required('PRIMER_API_URL');
const apiKey = required('PRIMER_API_KEY');
const MAX_BODY_BYTES = 16 * 1024;
const MAX_REMEMBERED = 10_000;

interface Answer {
  status: number;
  body: string;
}

interface FloorCart {
  id: string;
  version: string | number;
  orderId?: string;
  currencyCode: string;
  countryCode: string;
  customer?: { id?: string; email?: string; firstName?: string; lastName?: string };
  items: { id: string; name: string; unitAmount: number; quantity: number; discountAmount?: number; taxAmount?: number }[];
  shipping?: { amount: number };
  fees?: { type: string; amount: number }[];
  metadata?: Record<string, unknown>;
}

interface Remembered {
  version: string;
  clientToken: string;
  expiry: string;
}

// The service's bounds, so the realistic row compares like with like: at most 256 sockets per upstream (its
// UPSTREAM_MAX_CONNECTIONS default, docs/resilience.md) and the same deep accept queue (main.ts).
const MAX_SOCKETS_PER_UPSTREAM = 256;
const LISTEN_BACKLOG = 4096;

const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_UPSTREAM });
const remembered = new Map<string, Remembered>();

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

function call(method: string, url: string, headers: http.OutgoingHttpHeaders, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function primerBody(cart: FloorCart): string {
  const lines = cart.items.reduce((sum, item) => sum + item.unitAmount * item.quantity - (item.discountAmount ?? 0) + (item.taxAmount ?? 0), 0);
  const amount = lines + (cart.shipping?.amount ?? 0) + (cart.fees ?? []).reduce((sum, fee) => sum + fee.amount, 0);
  return JSON.stringify({
    orderId: cart.orderId ?? cart.id,
    currencyCode: cart.currencyCode,
    amount,
    customerId: cart.customer?.id,
    order: {
      countryCode: cart.countryCode,
      lineItems: cart.items.map((item) => ({ itemId: item.id, name: item.name, amount: item.unitAmount, quantity: item.quantity })),
      shipping: cart.shipping,
      fees: cart.fees,
    },
    customer: { emailAddress: cart.customer?.email, firstName: cart.customer?.firstName, lastName: cart.customer?.lastName },
    metadata: { ...cart.metadata, cartId: cart.id },
  });
}

function remember(cartId: string, entry: Remembered): void {
  // Bounded like the service's store: the oldest entry goes first.
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value ?? '');
  remembered.set(cartId, entry);
}

async function openSession(cartId: string, requestId: string): Promise<Answer> {
  const cartAnswer = await call('GET', `${ordersUrl}/carts/${encodeURIComponent(cartId)}`, { Accept: 'application/json', 'X-Request-Id': requestId });
  if (cartAnswer.status !== 200) return { status: 502, body: '{"code":"upstream_error"}' };
  const cart = JSON.parse(cartAnswer.body) as FloorCart;
  const version = String(cart.version);
  let session = remembered.get(cartId);
  if (session?.version !== version) {
    const primerAnswer = await call('POST', `${primerUrl}/client-session`, {
      'X-Api-Key': apiKey,
      'X-Api-Version': '2.4',
      'Content-Type': 'application/json',
      'X-Request-Id': requestId,
    }, primerBody(cart));
    if (primerAnswer.status !== 200) return { status: 502, body: '{"code":"upstream_error"}' };
    const issued = JSON.parse(primerAnswer.body) as { clientToken: string; clientTokenExpirationDate: string };
    session = { version, clientToken: issued.clientToken, expiry: `${issued.clientTokenExpirationDate}Z` };
    remember(cartId, session);
  }
  return { status: 200, body: JSON.stringify({ clientToken: session.clientToken, clientTokenExpirationDate: session.expiry }) };
}

function cartIdOf(body: string): string | undefined {
  try {
    const cartId: unknown = (JSON.parse(body) as { cartId?: unknown }).cartId;
    return typeof cartId === 'string' ? cartId : undefined;
  } catch {
    return undefined;
  }
}

let requests = 0;

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/readyz') {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ready"}');
    return;
  }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    body += chunk;
    if (body.length > MAX_BODY_BYTES) req.destroy();
  });
  req.on('end', () => {
    requests += 1;
    const cartId = cartIdOf(body);
    if (cartId === undefined) {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"code":"invalid_request"}');
      return;
    }
    openSession(cartId, `floor-${requests}`).then(
      (answer) => res.writeHead(answer.status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(answer.body),
      () => res.writeHead(502, { 'Content-Type': 'application/json' }).end('{"code":"upstream_error"}'),
    );
  });
});

server.listen(port, '127.0.0.1', LISTEN_BACKLOG);
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
