import { shouldRetry } from '../../../src/service/upstream/retry-policy';
import { answered, refused, timedOut, unreadable } from '../../support/attempt-results';

const MAX_RETRIES = 2;

describe('shouldRetry', () => {
  it.each([429, 500, 502, 503, 504])('when Primer answers %i on the first attempt, then it retries', (status) => {
    expect(shouldRetry(answered(status), 1, MAX_RETRIES)).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 410, 422, 200, 201, 301, 418, 501, 505])(
    'when Primer answers %i, then it does not retry',
    (status) => {
      expect(shouldRetry(answered(status), 1, MAX_RETRIES)).toBe(false);
    },
  );

  it.each([
    ['a connection error', refused],
    ['a timeout', timedOut],
  ])('when an attempt ends in %s, then it retries', (_name, result) => {
    expect(shouldRetry(result, 1, MAX_RETRIES)).toBe(true);
  });

  it('when the body could not be read (over 1 MiB, corrupt gzip), then it does not retry: the same junk would come again', () => {
    expect(shouldRetry(unreadable, 1, MAX_RETRIES)).toBe(false);
  });

  it('when attempts made reach maxRetries, then the last retry is still allowed', () => {
    expect(shouldRetry(answered(503), MAX_RETRIES, MAX_RETRIES)).toBe(true);
  });

  it('when attempts made exceed maxRetries, then it stops', () => {
    expect(shouldRetry(answered(503), MAX_RETRIES + 1, MAX_RETRIES)).toBe(false);
    expect(shouldRetry(refused, MAX_RETRIES + 1, MAX_RETRIES)).toBe(false);
    expect(shouldRetry(timedOut, MAX_RETRIES + 1, MAX_RETRIES)).toBe(false);
  });

  it('when maxRetries is 0, then even a retryable first attempt is final', () => {
    expect(shouldRetry(refused, 1, 0)).toBe(false);
  });
});
