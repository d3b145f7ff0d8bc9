import { createHmac, timingSafeEqual } from 'node:crypto';

// The two headers Primer may sign a delivery with: Secondary is added for 24 h after a rotation (docs/payments.md).
export interface WebhookSignatures {
  readonly primary?: string | undefined;
  readonly secondary?: string | undefined;
}

// base64 of a 32-byte digest: 43 characters and one `=`; anything else cannot be a SHA-256 HMAC.
const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;

// Authentic when either header is base64(HMAC-SHA256(secret, raw body)) under any configured secret. Either header
// counts at any time: the service cannot know when a rotation happened. SHA-256 is an assumption (docs/payments.md).
export function isAuthentic(rawBody: Uint8Array, signatures: WebhookSignatures, secrets: readonly string[]): boolean {
  const given = [signatures.primary, signatures.secondary].flatMap(decodeSignature);
  if (given.length === 0) return false;
  let authentic = false;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    // Every pair is compared, with no early exit, so the time taken says nothing about which part matched.
    for (const signature of given) authentic = timingSafeEqual(expected, signature) || authentic;
  }
  return authentic;
}

function decodeSignature(header: string | undefined): Buffer[] {
  const value = header?.trim();
  return value !== undefined && BASE64_SHA256.test(value) ? [Buffer.from(value, 'base64')] : [];
}
