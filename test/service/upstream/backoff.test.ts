import { backoffDelayMs } from '../../../src/service/upstream/backoff';

const options = { baseMs: 100, capMs: 1000 };
const fixed = (value: number) => () => value;
const ALMOST_ONE = 0.9999999;

describe('backoffDelayMs', () => {
  it('when random is 0, then the delay is 0 (full jitter reaches down to no wait)', () => {
    expect(backoffDelayMs(1, options, fixed(0))).toBe(0);
    expect(backoffDelayMs(5, options, fixed(0))).toBe(0);
  });

  it('when random is 0.5, then the delay is half the exponential ceiling', () => {
    expect(backoffDelayMs(1, options, fixed(0.5))).toBe(50);
    expect(backoffDelayMs(2, options, fixed(0.5))).toBe(100);
    expect(backoffDelayMs(3, options, fixed(0.5))).toBe(200);
  });

  it('when random is just below 1, then the delay stays below the ceiling of base × 2^(retry − 1)', () => {
    expect(backoffDelayMs(1, options, fixed(ALMOST_ONE))).toBe(99);
    expect(backoffDelayMs(2, options, fixed(ALMOST_ONE))).toBe(199);
    expect(backoffDelayMs(4, options, fixed(ALMOST_ONE))).toBe(799);
  });

  it('when the exponential ceiling passes the cap, then the cap bounds the delay', () => {
    expect(backoffDelayMs(5, options, fixed(ALMOST_ONE))).toBe(999);
    expect(backoffDelayMs(60, options, fixed(0.5))).toBe(500);
    expect(backoffDelayMs(2000, options, fixed(ALMOST_ONE))).toBe(999);
  });

  it('returns whole milliseconds', () => {
    expect(Number.isInteger(backoffDelayMs(1, { baseMs: 7, capMs: 1000 }, fixed(0.333)))).toBe(true);
  });

  it('when no random source is given, then Math.random keeps the delay within [0, ceiling)', () => {
    for (let i = 0; i < 200; i += 1) {
      const delay = backoffDelayMs(3, options);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(400);
    }
  });
});
