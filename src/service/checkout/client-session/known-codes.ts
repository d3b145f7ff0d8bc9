import { COUNTRY_CODES, type CountryCode } from '../../primer/schema/country-codes';
import { CURRENCY_CODES, type CurrencyCode } from '../../primer/schema/currency-codes';

const COUNTRIES: ReadonlySet<string> = new Set(COUNTRY_CODES);
const CURRENCIES: ReadonlySet<string> = new Set(CURRENCY_CODES);

// Primer's `CountryCodeEnum` (ISO 3166-1 alpha-2), exact and upper case.
export function isCountryCode(value: string): value is CountryCode {
  return COUNTRIES.has(value);
}

// Primer's `Currency` enum (ISO 4217 alphabetic), exact and upper case.
export function isCurrencyCode(value: string): value is CurrencyCode {
  return CURRENCIES.has(value);
}
