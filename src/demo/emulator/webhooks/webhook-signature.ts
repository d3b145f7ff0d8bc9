import { createHmac } from 'node:crypto';

// Primer signs the raw body with the webhook's signing secret and sends it base64-encoded in X-Signature-Primary
// (https://primer.io/docs/payments/webhooks/). The hash is not named there: SHA-256, as the README says.
export function webhookSignature(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64');
}
