import { CartNotPayableError } from './cart-not-payable-error';

// How one cart value becomes one Primer field: omitted when absent or blank, cut or left out when too long.

// Primer's usual string limit (https://primer.io/docs/api-reference/v2.4/api-reference/client-session-api/create-client-session).
export const PRIMER_MAX_TEXT = 255;

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

// The reading of OpenAPI `format: email` that validators (ajv-formats) apply; Primer rejects what fails it.
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

// Sets a key only when there is a value: with exactOptionalPropertyTypes an absent field is never `undefined`.
export function assignDefined<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

// Primer's maxLength counts code points, so lengths and cuts here do too: a surrogate pair is never split.
export function codePointLength(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

export function truncateCodePoints(text: string, maxCodePoints: number): string {
  let end = 0;
  let count = 0;
  for (const codePoint of text) {
    if (count === maxCodePoints) return text.slice(0, end);
    end += codePoint.length;
    count += 1;
  }
  return text;
}

// Names, descriptions and address lines: blank ones are omitted, long ones cut so the checkout still goes ahead.
export function descriptiveText(value: string | undefined, field: string, warnings: string[]): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (codePointLength(value) <= PRIMER_MAX_TEXT) return value;
  warnings.push(`${field} cut to ${PRIMER_MAX_TEXT} characters`);
  return truncateCodePoints(value, PRIMER_MAX_TEXT);
}

// Codes and references (SKU, tax code, phone, URL): a cut one would be wrong, so an over-long one is left out.
export function boundedText(
  value: string | undefined,
  field: string,
  warnings: string[],
  maxCodePoints = PRIMER_MAX_TEXT,
): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (codePointLength(value) <= maxCodePoints) return value;
  warnings.push(`${field} left out: longer than ${maxCodePoints} characters`);
  return undefined;
}

// Identifiers tie the payment to the order and the shopper: one Primer would refuse makes the cart not payable.
export function requireIdentifier(value: string, field: string): string {
  if (value.trim() === '' || codePointLength(value) > PRIMER_MAX_TEXT) {
    throw new CartNotPayableError('invalid_identifier', field);
  }
  return value;
}

// RFC 5321 limits: 64 characters before the @, 254 in all.
export function isEmailAddress(value: string): boolean {
  const at = value.lastIndexOf('@');
  return value.length <= 254 && at > 0 && at <= 64 && EMAIL.test(value);
}
