import { CartNotPayableError } from './cart-not-payable-error';
import { isCurrencyCode } from './known-codes';

// ISO 4217 minor units (list one, https://www.iso.org/iso-4217-currency-codes.html); the rest of Primer's list uses 2.
const ZERO_DECIMAL = new Set([
  'BIF', 'BYR', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX',
  'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
]);
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);
const FOUR_DECIMAL = new Set(['CLF', 'UYW']);

// Metals, fund units and testing codes: ISO 4217 gives them no minor unit ("N.A.").
const NO_MINOR_UNIT = new Set([
  'XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XFU', 'XPD', 'XPT', 'XSU', 'XTS', 'XUA',
]);

// Decimal places of one major unit (GBP 2, JPY 0, KWD 3); undefined for unknown codes and those without a minor unit.
export function minorUnitExponent(currencyCode: string): number | undefined {
  if (NO_MINOR_UNIT.has(currencyCode)) return undefined;
  if (ZERO_DECIMAL.has(currencyCode)) return 0;
  if (THREE_DECIMAL.has(currencyCode)) return 3;
  if (FOUR_DECIMAL.has(currencyCode)) return 4;
  return isCurrencyCode(currencyCode) ? 2 : undefined;
}

// Amounts travel as integers in minor units (https://primer.io/docs/api-reference/v2.4/api-reference/client-session-api/create-client-session).
export function isMinorUnitAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
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
