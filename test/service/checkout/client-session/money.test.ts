import { minorUnitExponent } from '../../../../src/service/checkout/client-session/currency-exponents';
import { formatMinorUnits, isMinorUnitAmount } from '../../../../src/service/checkout/client-session/money';
import { CURRENCY_CODES } from '../../../../src/service/primer/schema/currency-codes';

describe('minorUnitExponent', () => {
  it.each([
    ['GBP', 2], ['USD', 2], ['EUR', 2], ['JPY', 0], ['KRW', 0], ['VND', 0], ['CLP', 0], ['ISK', 0], ['XOF', 0],
    ['KWD', 3], ['BHD', 3], ['JOD', 3], ['OMR', 3], ['TND', 3], ['LYD', 3], ['IQD', 3], ['CLF', 4], ['UYW', 4],
  ])('%s has %i decimals', (code, exponent) => {
    expect(minorUnitExponent(code)).toBe(exponent);
  });

  it.each(['XAU', 'XTS', 'XDR', 'ABC', 'gbp', ''])('%p has no minor unit the service knows', (code) => {
    expect(minorUnitExponent(code)).toBeUndefined();
  });

  it('knows an exponent for every Primer currency but metals, fund units and test codes', () => {
    const unknown = CURRENCY_CODES.filter((code) => minorUnitExponent(code) === undefined);

    expect(unknown).toEqual(['XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XFU', 'XPD', 'XPT', 'XSU', 'XTS', 'XUA']);
  });
});

describe('formatMinorUnits', () => {
  it.each([
    [3350, 'GBP', '33.50 GBP'],
    [5, 'GBP', '0.05 GBP'],
    [0, 'EUR', '0.00 EUR'],
    [1000, 'KWD', '1.000 KWD'],
    [23500, 'KWD', '23.500 KWD'],
    [7, 'BHD', '0.007 BHD'],
    [100, 'JPY', '100 JPY'],
    [12345, 'CLF', '1.2345 CLF'],
    [-250, 'USD', '-2.50 USD'],
  ])('%i %s reads %p', (amount, code, expected) => {
    expect(formatMinorUnits(amount, code)).toBe(expected);
  });

  it('when the currency has no minor unit, then it refuses rather than guess', () => {
    expect(() => formatMinorUnits(100, 'XAU')).toThrow(RangeError);
  });

  it('when the amount is not an integer, then it refuses', () => {
    expect(() => formatMinorUnits(33.5, 'GBP')).toThrow(RangeError);
  });
});

describe('isMinorUnitAmount', () => {
  it.each([0, 1, Number.MAX_SAFE_INTEGER])('accepts %p', (value) => {
    expect(isMinorUnitAmount(value)).toBe(true);
  });

  it.each([-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Number.POSITIVE_INFINITY, '100', null])('refuses %p', (value) => {
    expect(isMinorUnitAmount(value)).toBe(false);
  });
});
