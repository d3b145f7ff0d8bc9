import type { Cart } from '../../orders/cart';
import type { ClientSessionRequest } from '../../primer/schema/client-session-request';
import { assignDefined } from './assign-defined';
import { buildCustomer } from './build-customer';
import { buildMetadata } from './build-metadata';
import { buildOrder } from './build-order';
import { cartAmount } from './cart-amount';
import { minorUnitExponent } from './currency-exponents';
import { CartNotPayableError } from '../errors/cart-not-payable-error';
import { requireIdentifier } from './identifier';
import { isCountryCode, isCurrencyCode } from './known-codes';

// `warnings` name the fields left out or cut, never their values (they may be personal data).
export interface BuiltClientSession {
  body: ClientSessionRequest;
  warnings: string[];
}

// The POST /client-session body for a cart (contract section 3); throws CartNotPayableError when it cannot be paid.
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
