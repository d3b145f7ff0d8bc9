// What the service needs of a verified webhook body: its type, when it was signed, and a PAYMENT.STATUS's payment.
export type WebhookEvent =
  | { readonly type: 'payment-status'; readonly signedAt: unknown; readonly payment: unknown }
  // DISPUTE.OPENED, PAYMENT.REFUND, Primer's dashboard test `{"message": …}`: authentic, and not this service's business.
  | { readonly type: 'other'; readonly signedAt: unknown };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

// The body parsed only after its signature was checked; undefined when it is not a JSON object in UTF-8.
export function readWebhookEvent(rawBody: Uint8Array): WebhookEvent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(UTF8.decode(rawBody));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const body = parsed as Readonly<Record<string, unknown>>;
  if (body['eventType'] === 'PAYMENT.STATUS') return { type: 'payment-status', signedAt: body['signedAt'], payment: body['payment'] };
  return { type: 'other', signedAt: body['signedAt'] };
}
