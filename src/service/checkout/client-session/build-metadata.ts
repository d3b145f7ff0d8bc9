import type { Cart } from '../../orders/cart';
import type { ClientSessionRequest } from '../../primer/schema/client-session-request';

type Metadata = NonNullable<ClientSessionRequest['metadata']>;

// Primer takes only string and integer values and no empty key (https://primer.io/docs/api-reference/v2.4/api-reference/client-session-api/create-client-session);
// `cartId` is always ours, so a session can be traced back to its cart.
export function buildMetadata(cart: Cart, warnings: string[]): Metadata {
  const entries: [string, string | number][] = [];
  for (const [key, value] of Object.entries(cart.metadata ?? {})) {
    if (key.trim() === '') {
      warnings.push('metadata entry left out: empty key');
    } else if (key === 'cartId') {
      warnings.push('metadata.cartId replaced by the cart id');
    } else if ((typeof value === 'string' && value !== '') || Number.isSafeInteger(value)) {
      entries.push([key, value as string | number]);
    } else {
      warnings.push(`metadata.${key} left out: not a non-empty string or an integer`);
    }
  }
  entries.push(['cartId', cart.id]);
  // fromEntries defines own properties, so a `__proto__` key stays data and never becomes a prototype.
  return Object.fromEntries(entries);
}
