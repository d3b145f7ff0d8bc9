import { boundedRetryAfterMs, parseRetryAfterMs, retryAfterSecondsToTell } from '../../../src/service/upstream/retry-after';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('parseRetryAfterMs', () => {
  it('when the value is delay-seconds, then it returns that many milliseconds', () => {
    expect(parseRetryAfterMs('3', NOW)).toBe(3000);
    expect(parseRetryAfterMs('0', NOW)).toBe(0);
    expect(parseRetryAfterMs(' 120 ', NOW)).toBe(120_000);
  });

  it('when the value is an IMF-fixdate in the future, then it returns the time until then', () => {
    expect(parseRetryAfterMs('Sun, 01 Mar 2026 12:00:05 GMT', NOW)).toBe(5000);
  });

  it('when the value uses the obsolete RFC 850 or asctime forms, then it still reads them as UTC', () => {
    expect(parseRetryAfterMs('Sunday, 01-Mar-26 12:00:07 GMT', NOW)).toBe(7000);
    expect(parseRetryAfterMs('Sun Mar  1 12:00:09 2026', NOW)).toBe(9000);
  });

  it('when the date is in the past, then the delay is 0', () => {
    expect(parseRetryAfterMs('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(0);
  });

  it.each([undefined, '', '   ', 'soon', '-1', '1.5', '3s', '1 2', '2026-03-01T12:00:05Z', 'Sun, 01 Mar 2026 12:00:05 PST'])(
    'when the value is %p, then there is no usable delay',
    (value) => {
      expect(parseRetryAfterMs(value, NOW)).toBeUndefined();
    },
  );

  it('when delay-seconds is absurdly long, then the result is still a finite number', () => {
    expect(Number.isFinite(parseRetryAfterMs('9'.repeat(400), NOW))).toBe(true);
  });
});

describe('Retry-After bounds', () => {
  it('when an upstream asks for more than 60 s, then it counts for 60 s', () => {
    expect(boundedRetryAfterMs(99_999_000)).toBe(60_000);
    expect(boundedRetryAfterMs(60_000)).toBe(60_000);
    expect(boundedRetryAfterMs(1_500)).toBe(1_500);
  });

  it('when the shopper is told, then it is whole seconds from 1 to 60', () => {
    expect(retryAfterSecondsToTell(0)).toBe(1);
    expect(retryAfterSecondsToTell(1_001)).toBe(2);
    expect(retryAfterSecondsToTell(99_999_000)).toBe(60);
  });
});
