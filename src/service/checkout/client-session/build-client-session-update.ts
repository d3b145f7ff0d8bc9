import type { ClientSessionRequest, ClientSessionUpdate } from '../../primer/schema/client-session-request';

// What buildClientSession may send under `customer`: each one the new cart lacks is cleared.
const CUSTOMER_FIELDS = ['emailAddress', 'mobileNumber', 'firstName', 'lastName', 'billingAddress', 'shippingAddress'] as const;

// The PATCH /client-session body for a cart whose version changed: every field again, and `null` for each field the
// cart no longer has, since Primer merges objects, replaces arrays whole and clears a field sent as `null`
// (https://primer.io/docs/api-reference/v2.4/api-reference/client-session-api/update-client-session).
export function buildClientSessionUpdate(clientToken: string, body: ClientSessionRequest): ClientSessionUpdate {
  const { customer, order, ...rest } = body;
  return {
    clientToken,
    customerId: null,
    metadata: null,
    ...rest,
    customer: customer ? { ...Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, null])), ...customer } : null,
    order: { shipping: null, fees: null, ...order },
  };
}
