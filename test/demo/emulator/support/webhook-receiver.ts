import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  body: { eventType: string; signedAt: string; payment: { id: string; status: string; dateUpdated: string } } & Record<string, unknown>;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  // Resolves once `count` deliveries have arrived.
  waitFor(count: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

// A real HTTP server on loopback standing in for the service's webhook route: answers the scripted statuses in turn, then 200.
export async function startWebhookReceiver(statuses: number[] = []): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = http.createServer((req, res) => {
    let rawBody = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (rawBody += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, rawBody, body: JSON.parse(rawBody) });
      res.writeHead(statuses.shift() ?? 200, { Location: '/elsewhere' }).end();
      for (const waiter of waiters.filter(({ count }) => received.length >= count)) waiter.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/primer`,
    received,
    waitFor: (count) =>
      received.length >= count ? Promise.resolve(received) : new Promise((resolve) => waiters.push({ count, resolve: () => resolve(received) })),
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
