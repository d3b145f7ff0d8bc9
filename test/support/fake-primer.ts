import type { ServerResponse } from 'node:http';
import { sendJson, startFakeServer, type FakeServer, type RecordedRequest } from './fake-http-server';

export type PrimerReply = (req: RecordedRequest, res: ServerResponse) => void;

export interface FakePrimer extends FakeServer {
  // Replies used in order, one per request; when none is queued, the default success answers.
  queue(...replies: PrimerReply[]): void;
  // The expiry a default POST answer states, in Primer's zone-less form.
  expiry: string;
  // The requests with this method, in order.
  calls(method: 'POST' | 'PATCH' | 'GET'): RecordedRequest[];
  // GET /payments/{id} answers from here (PaymentAPIResponse); an id not in it is Primer's 404.
  payments: Map<string, Record<string, unknown>>;
}

const DAY_MS = 24 * 3_600_000;

// An expiry `ms` from now, written the way Primer writes it: UTC, microseconds, no zone.
export function primerExpiryIn(ms: number): string {
  return `${new Date(Date.now() + ms).toISOString().slice(0, -1)}695`;
}

// What the service must hand the browser for a Primer expiry: the same instant, ISO-8601 with `Z`.
export function browserExpiryOf(primerExpiry: string): string {
  return `${primerExpiry.slice(0, 23)}Z`;
}

let issued = 0;

// POST /client-session: a fresh token and the echoed session.
export const createdWith =
  (expiry: string): PrimerReply =>
  (req, res) => {
    issued += 1;
    sendJson(res, 200, {
      clientToken: `token-${String(req.headers['x-request-id'] ?? 'x')}-${issued}-${Math.random().toString(36).slice(2)}`,
      clientTokenExpirationDate: expiry,
      ...(JSON.parse(req.body || '{}') as object),
      warnings: [],
    });
  };

// A success with a token that lives 24 hours from when the tests started.
export const created: PrimerReply = createdWith(primerExpiryIn(DAY_MS));

// PATCH /client-session: Primer answers with the updated session and no new token.
export const updated: PrimerReply = (req, res) => {
  const session = JSON.parse(req.body || '{}') as Record<string, unknown>;
  delete session.clientToken;
  sendJson(res, 200, session);
};

export const primerError =
  (status: number, headers: Record<string, string> = {}): PrimerReply =>
  (_req, res) =>
    sendJson(
      res,
      status,
      { error: { errorId: 'PrimerSecretErrorId', description: 'Primer internal description', diagnosticsId: 'diag-123456' } },
      headers,
    );

// GET /payments/{id}: the payment, or Primer's 404 envelope for an id it does not know.
const paymentFrom =
  (payments: Map<string, Record<string, unknown>>): PrimerReply =>
  (req, res) => {
    const id = decodeURIComponent(/^\/payments\/([^/?]+)$/.exec(req.url)?.[1] ?? '');
    const payment = payments.get(id);
    if (payment) return sendJson(res, 200, payment);
    sendJson(res, 404, { error: { errorId: 'PaymentNotFound', description: 'The payment could not be found.', diagnosticsId: 'diag-404' } });
  };

export async function startFakePrimer(): Promise<FakePrimer> {
  const replies: PrimerReply[] = [];
  const fake = {} as FakePrimer;
  const payments = new Map<string, Record<string, unknown>>();
  const server = await startFakeServer((req, res) => {
    const reply = replies.shift() ?? (req.method === 'GET' ? paymentFrom(payments) : req.method === 'PATCH' ? updated : createdWith(fake.expiry));
    reply(req, res);
  });
  return Object.assign(fake, server, {
    // Tokens live 24 hours, as Primer's do.
    expiry: primerExpiryIn(DAY_MS),
    queue: (...more: PrimerReply[]) => replies.push(...more),
    calls: (method: 'POST' | 'PATCH' | 'GET') => server.requests.filter((req) => req.method === method),
    payments,
  });
}
