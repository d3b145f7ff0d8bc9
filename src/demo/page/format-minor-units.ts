import { minorUnitExponent } from '../../service/checkout/client-session/money';

// 3350 GBP → "33.50 GBP", 1000 KWD → "1.000 KWD", 100 JPY → "100 JPY"; for display only, never for arithmetic.
export function formatMinorUnits(amount: number, currencyCode: string): string {
  const exponent = minorUnitExponent(currencyCode);
  if (exponent === undefined) throw new RangeError(`no minor unit known for currency ${currencyCode}`);
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount ${amount} is not an integer of minor units`);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${sign}${exponent === 0 ? whole : `${whole}.${fraction}`} ${currencyCode}`;
}
