import type { Cart, CartItem } from '../../orders/cart';
import { CartNotPayableError } from './cart-not-payable-error';
import { isMinorUnitAmount, sumMinorUnits } from './money';

// The amount to charge: Σ line totals + shipping + Σ fees, checked against the cart's own stated total.
export function cartAmount(cart: Cart): number {
  if (cart.items.length === 0) throw new CartNotPayableError('no_items', 'items');
  const parts = cart.items.map((item, index) => lineTotal(item, `items[${index}]`));
  if (cart.shipping) parts.push(requireAmount(cart.shipping.amount, 'shipping.amount'));
  (cart.fees ?? []).forEach((fee, index) => parts.push(requireAmount(fee.amount, `fees[${index}].amount`)));
  const amount = sumMinorUnits(parts, 'amount');
  if (amount <= 0) throw new CartNotPayableError('total_not_positive', 'amount');
  if (cart.totalAmount !== undefined && cart.totalAmount !== amount) {
    throw new CartNotPayableError('total_mismatch', 'totalAmount');
  }
  return amount;
}

function requireAmount(value: number, field: string): number {
  if (!isMinorUnitAmount(value)) throw new CartNotPayableError('invalid_amount', field);
  return value;
}

// Primer's line total: amount × quantity − discountAmount + taxAmount, discount and tax per line not per unit
// (https://primer.io/docs/api-reference/v2.4/api-reference/client-session-api/create-client-session).
function lineTotal(item: CartItem, field: string): number {
  const { unitAmount, quantity, discountAmount = 0, taxAmount = 0 } = item;
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw new CartNotPayableError('invalid_quantity', `${field}.quantity`);
  }
  for (const [name, value] of [['unitAmount', unitAmount], ['discountAmount', discountAmount], ['taxAmount', taxAmount]] as const) {
    if (!isMinorUnitAmount(value)) throw new CartNotPayableError('invalid_amount', `${field}.${name}`);
  }
  const gross = unitAmount * quantity;
  if (!Number.isSafeInteger(gross)) throw new CartNotPayableError('invalid_amount', `${field}.unitAmount`);
  // A discount larger than the line would need a negative line total, which Primer cannot express.
  if (discountAmount > gross) throw new CartNotPayableError('invalid_amount', `${field}.discountAmount`);
  return sumMinorUnits([gross - discountAmount, taxAmount], field);
}
