import { CartNotPayableError } from '../../../../src/service/checkout/client-session/cart-not-payable-error';
import { isMinorUnitAmount, minorUnitExponent, sumMinorUnits } from '../../../../src/service/checkout/client-session/money';
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

describe('isMinorUnitAmount', () => {
  it.each([0, 1, Number.MAX_SAFE_INTEGER])('accepts %p', (value) => {
    expect(isMinorUnitAmount(value)).toBe(true);
  });

  it.each([-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Number.POSITIVE_INFINITY, '100', null])('refuses %p', (value) => {
    expect(isMinorUnitAmount(value)).toBe(false);
  });
});

describe('sumMinorUnits', () => {
  it('adds amounts of minor units', () => {
    expect(sumMinorUnits([1200, 350, 0], 'amount')).toBe(1550);
  });

  it('when the sum would pass Number.MAX_SAFE_INTEGER, then the cart is not payable, naming the field', () => {
    const sum = () => sumMinorUnits([Number.MAX_SAFE_INTEGER, 1], 'amount');

    expect(sum).toThrow(CartNotPayableError);
    expect(sum).toThrow(expect.objectContaining({ reason: 'invalid_amount', detail: 'amount' }));
  });
});
