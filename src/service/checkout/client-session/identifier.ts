import { CartNotPayableError } from '../errors/cart-not-payable-error';
import { PRIMER_MAX_TEXT } from './optional-text';
import { codePointLength } from './truncate-text';

// Identifiers tie the payment to the order and the shopper: one Primer would refuse makes the cart not payable.
export function requireIdentifier(value: string, field: string): string {
  if (value.trim() === '' || codePointLength(value) > PRIMER_MAX_TEXT) {
    throw new CartNotPayableError('invalid_identifier', field);
  }
  return value;
}
