import type { Cart } from '../../orders/cart';
import type { ClientSessionRequest } from '../../primer/schema/client-session-request';
import { buildCustomer } from './build-customer';
import { buildOrder } from './build-order';
import { cartAmount } from './cart-amount';
import { CartNotPayableError } from './cart-not-payable-error';
import { assignDefined, requireIdentifier } from './field-rules';
import { isCountryCode, isCurrencyCode } from './known-codes';
import { minorUnitExponent } from './money';

// `warnings` name the fields left out or cut, never their values (they may be personal data).
export interface BuiltClientSession {
  body: ClientSessionRequest;
  warnings: string[];
}

// The POST /client-session body for a cart (docs/client-session.md); throws CartNotPayableError when it cannot be paid.
export function buildClientSession(cart: Cart): BuiltClientSession {
  const amount = cartAmount(cart);
  const currencyCode = cart.currencyCode;
  // Metals and test codes have no minor unit, so an amount "in minor units" would mean nothing.
  if (!isCurrencyCode(currencyCode) || minorUnitExponent(currencyCode) === undefined) {
    throw new CartNotPayableError('unknown_currency', 'currencyCode');
  }
  if (!isCountryCode(cart.countryCode)) throw new CartNotPayableError('unknown_country', 'countryCode');

  const cartId = requireIdentifier(cart.id, 'id');

  const warnings: string[] = [];
  const body: ClientSessionRequest = {
    orderId: cart.orderId === undefined ? cartId : requireIdentifier(cart.orderId, 'orderId'),
    currencyCode,
    // A top-level amount overrides Primer's own sum of the order, so the shopper pays exactly what was checked here.
    amount,
    order: buildOrder(cart, cart.countryCode, warnings),
  };
  if (cart.customer?.id !== undefined) body.customerId = requireIdentifier(cart.customer.id, 'customer.id');
  assignDefined(body, 'customer', buildCustomer(cart.customer, warnings));
  body.metadata = buildMetadata(cart, warnings);
  return { body, warnings };
}

type Metadata = NonNullable<ClientSessionRequest['metadata']>;

// Primer takes only string and integer values and no empty key (https://primer.io/docs/api-reference/v2.4/api-reference/client-session-api/create-client-session);
// `cartId` is always ours, so a session can be traced back to its cart.
function buildMetadata(cart: Cart, warnings: string[]): Metadata {
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
