import { isWithinReplayWindow } from '../../../src/service/payments/replay-window';

const NOW_MS = Date.UTC(2026, 10, 26, 14, 53, 51);
const NOW_S = NOW_MS / 1000;

describe('isWithinReplayWindow', () => {
  it('when signedAt is now, as a number or as a string, then it is within the window', () => {
    expect(isWithinReplayWindow(NOW_S, 300, NOW_MS)).toBe(true);
    expect(isWithinReplayWindow(String(NOW_S), 300, NOW_MS)).toBe(true);
  });

  it('when signedAt is exactly the tolerance away, past or future, then it is still within', () => {
    expect(isWithinReplayWindow(NOW_S - 300, 300, NOW_MS)).toBe(true);
    expect(isWithinReplayWindow(String(NOW_S + 300), 300, NOW_MS)).toBe(true);
  });

  it('when signedAt is one second past the tolerance, then it is stale', () => {
    expect(isWithinReplayWindow(NOW_S - 301, 300, NOW_MS)).toBe(false);
  });

  it('when signedAt is in the future beyond the tolerance, then it is refused as well', () => {
    expect(isWithinReplayWindow(NOW_S + 301, 300, NOW_MS)).toBe(false);
    expect(isWithinReplayWindow(String(NOW_S + 86_400), 300, NOW_MS)).toBe(false);
  });

  it('when signedAt carries a fraction of a second, then it counts to the millisecond', () => {
    expect(isWithinReplayWindow(`${NOW_S - 301}.5`, 300, NOW_MS)).toBe(false);
    expect(isWithinReplayWindow(NOW_S + 299.5, 300, NOW_MS)).toBe(true);
  });

  it('when signedAt is in milliseconds instead of seconds, then it is far in the future and refused', () => {
    expect(isWithinReplayWindow(NOW_MS, 300, NOW_MS)).toBe(false);
  });

  it.each([[undefined], [null], [''], ['soon'], ['-1764600000'], [' 1764600000'], ['1e9'], [Number.NaN], [Infinity], [-5], [{}], [[NOW_S]], [true]])(
    'when signedAt is %p, then it is not a time and is refused',
    (signedAt) => {
      expect(isWithinReplayWindow(signedAt, 300, NOW_MS)).toBe(false);
    },
  );
});
