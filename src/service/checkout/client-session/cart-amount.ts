import type { Cart } from '../../orders/cart';
import { CartNotPayableError } from '../errors/cart-not-payable-error';
import { lineTotal, sumMinorUnits } from './line-total';
import { isMinorUnitAmount } from './money';

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
