import { WarningThrottle } from '../../../src/service/redis/warning-throttle';

describe('WarningThrottle', () => {
  it('when failures keep coming, then one warning a minute gets through, saying how many were held back', () => {
    const clock = { now: 0 };
    const throttle = new WarningThrottle(60_000, () => clock.now);

    expect(throttle.admit()).toBe(0);
    clock.now += 59_999;
    expect(throttle.admit()).toBeUndefined();
    expect(throttle.admit()).toBeUndefined();
    clock.now += 1;
    expect(throttle.admit()).toBe(2);
    expect(throttle.admit()).toBeUndefined();
  });
});
