import { formatMinorUnits } from '../../../src/demo/page/format-minor-units';

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
