import type { ClientSessionResponse } from '../schema/client-session-response';
import { amountFromOrder } from './session-amount';
import type { SessionFields } from './session-fields';

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

// Primer leaves fields with empty values out of the session it answers with.
function withoutEmpty<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => !isEmpty(value))) as T;
}

// The session as Primer echoes it; a top-level `amount` wins over the one computed from the order.
export function sessionView(fields: SessionFields): ClientSessionResponse {
  const amount = fields.amount ?? amountFromOrder(fields.order);
  return withoutEmpty<ClientSessionResponse>({ ...fields, ...(amount === undefined ? {} : { amount }) });
}
