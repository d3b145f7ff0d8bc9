import { codePointLength, truncateCodePoints } from './truncate-text';

// Primer's usual string limit (https://primer.io/docs/api-reference/v2.4/api-reference/client-session-api/create-client-session).
export const PRIMER_MAX_TEXT = 255;

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
