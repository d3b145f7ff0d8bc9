import type { CartItem } from '../../orders/cart';
import { CartNotPayableError } from '../errors/cart-not-payable-error';
import { isMinorUnitAmount } from './money';

// Primer's line total: amount × quantity − discountAmount + taxAmount, discount and tax per line not per unit
// (https://primer.io/docs/api-reference/v2.4/api-reference/client-session-api/create-client-session).
export function lineTotal(item: CartItem, field: string): number {
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

// Adds amounts, refusing any sum past Number.MAX_SAFE_INTEGER where integer arithmetic stops being exact.
export function sumMinorUnits(amounts: readonly number[], field: string): number {
  let total = 0;
  for (const amount of amounts) {
    total += amount;
    if (!Number.isSafeInteger(total)) throw new CartNotPayableError('invalid_amount', field);
  }
  return total;
}
