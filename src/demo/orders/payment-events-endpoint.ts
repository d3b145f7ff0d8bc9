import { createHash, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import Ajv from 'ajv';
import { sendJson } from './json-answer';
import { PaymentEventBody } from './payment-event-body';
import { idempotencyKeyOf, type PaymentEventLog } from './payment-event-log';

// The service's payment events are a few hundred bytes; the same limit as its own request bodies.
const MAX_BODY_BYTES = 16 * 1024;
const validateBody = new Ajv({ allErrors: true, strict: false }).compile<PaymentEventBody>(PaymentEventBody);

export interface PaymentEventsOptions {
  log: PaymentEventLog;
  // When set, both routes want `Authorization: Bearer <token>`: the service sends ORDER_SERVICE_TOKEN.
  token?: string | undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function error(res: http.ServerResponse, status: number, message: string, extra: object = {}): void {
  sendJson(res, status, JSON.stringify({ error: message, ...extra }));
}

// The body up to the limit; undefined past it (the rest is drained, so the connection stays usable).
function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

// GET lists what was recorded for the order; POST records an event once per Idempotency-Key (201, then 200 duplicate).
export async function servePaymentEvents(req: http.IncomingMessage, res: http.ServerResponse, orderId: string, options: PaymentEventsOptions): Promise<void> {
  const authorization = req.headers.authorization ?? '';
  if (options.token !== undefined && !sameSecret(authorization, `Bearer ${options.token}`)) {
    return sendJson(res, 401, JSON.stringify({ error: 'unauthenticated' }), { 'WWW-Authenticate': 'Bearer' });
  }
  if (req.method !== 'POST') return sendJson(res, 200, JSON.stringify({ orderId, events: options.log.forOrder(orderId) }));
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return error(res, 415, 'the body must be application/json');
  const text = await readBody(req);
  if (text === undefined) return error(res, 413, `the body is over ${MAX_BODY_BYTES} bytes`);
  const parsed = parseJson(text);
  if (!parsed) return error(res, 400, 'the body is not JSON');
  if (!validateBody(parsed.value)) {
    const details = (validateBody.errors ?? []).map(({ instancePath, message }) => `${instancePath || '/'} ${message ?? 'is not valid'}`);
    return error(res, 400, 'the body is not a payment event', { details });
  }
  const event = parsed.value;
  if (event.orderId !== orderId) return error(res, 400, 'the body names another order than the path');
  if (req.headers['idempotency-key'] !== idempotencyKeyOf(event)) return error(res, 400, 'Idempotency-Key must be <paymentId>:<status>:<dateUpdated>');
  const result = options.log.record(event);
  sendJson(res, result === 'recorded' ? 201 : 200, JSON.stringify({ result }));
}
