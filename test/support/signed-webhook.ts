import { createHmac } from 'node:crypto';
import { paymentStatusEvent, unixSecondsNow } from './primer-payment';

// What Primer puts in X-Signature-Primary (and -Secondary during a rotation); the unit tests pin it to openssl's vectors.
export function signatureOf(body: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

// A PAYMENT.STATUS delivery for a payment as Primer sends it, signed now: the exact bytes and the header that signs them.
export function signedDelivery(payment: Record<string, unknown>, secret: string, signedAt: unknown = unixSecondsNow()): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(paymentStatusEvent(payment, signedAt));
  return { body, headers: { 'Content-Type': 'application/json', 'X-Signature-Primary': signatureOf(body, secret) } };
}
