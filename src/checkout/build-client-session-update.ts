import type { ClientSessionRequest, ClientSessionUpdate } from '../primer/schema/client-session-request';

// The PATCH /client-session body for a cart whose version changed: every field again, so nothing stale survives.
// Primer replaces arrays whole and each `order`/`customer` field in its entirety
// (https://primer.io/docs/api-reference/v2.4/api-reference/client-session-api/update-client-session).
// Its 2.4 schema marks nothing nullable, so what the cart lost is cleared with an empty array or object, not `null`.
export function buildClientSessionUpdate(clientToken: string, body: ClientSessionRequest): ClientSessionUpdate {
  const { order = {}, customer = {}, ...rest } = body;
  return {
    clientToken,
    ...rest,
    customer,
    order: { ...order, fees: order.fees ?? [], shipping: order.shipping ?? {} },
  };
}
