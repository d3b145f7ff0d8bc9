import { isConnectionError, isUnavailable, shouldRetry, type RetryPolicy } from '../../../src/service/upstream/retry-policy';
import { answered, refused, timedOut, unreadable } from '../../support/attempt-results';

const MAX_RETRIES = 2;
const UNAVAILABLE: RetryPolicy = { retryable: isUnavailable, maxRetries: MAX_RETRIES, backoff: { baseMs: 100, capMs: 2_000 } };
const CONNECTION_ONLY: RetryPolicy = { retryable: isConnectionError, maxRetries: 1, backoff: { baseMs: 0, capMs: 0 } };

describe('shouldRetry under the unavailable policy (Primer, order-service notifications)', () => {
  it.each([429, 500, 502, 503, 504])('when the upstream answers %i on the first attempt, then it retries', (status) => {
    expect(shouldRetry(UNAVAILABLE, answered(status), 1)).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 410, 422, 200, 201, 301, 418, 501, 505])(
    'when the upstream answers %i, then it does not retry',
    (status) => {
      expect(shouldRetry(UNAVAILABLE, answered(status), 1)).toBe(false);
    },
  );

  it.each([
    ['a connection error', refused],
    ['a timeout', timedOut],
  ])('when an attempt ends in %s, then it retries', (_name, result) => {
    expect(shouldRetry(UNAVAILABLE, result, 1)).toBe(true);
  });

  it('when the body could not be read (over 1 MiB, corrupt gzip), then it does not retry: the same junk would come again', () => {
    expect(shouldRetry(UNAVAILABLE, unreadable, 1)).toBe(false);
  });

  it('when attempts made reach maxRetries, then the last retry is still allowed', () => {
    expect(shouldRetry(UNAVAILABLE, answered(503), MAX_RETRIES)).toBe(true);
  });

  it('when attempts made exceed maxRetries, then it stops', () => {
    expect(shouldRetry(UNAVAILABLE, answered(503), MAX_RETRIES + 1)).toBe(false);
    expect(shouldRetry(UNAVAILABLE, refused, MAX_RETRIES + 1)).toBe(false);
    expect(shouldRetry(UNAVAILABLE, timedOut, MAX_RETRIES + 1)).toBe(false);
  });

  it('when maxRetries is 0, then even a retryable first attempt is final', () => {
    expect(shouldRetry({ ...UNAVAILABLE, maxRetries: 0 }, refused, 1)).toBe(false);
  });
});

describe('shouldRetry under the connection-only policy (the cart GET)', () => {
  it('when the connection was refused on the first attempt, then it retries once, not twice', () => {
    expect(shouldRetry(CONNECTION_ONLY, refused, 1)).toBe(true);
    expect(shouldRetry(CONNECTION_ONLY, refused, 2)).toBe(false);
  });

  it.each([
    ['a timeout', timedOut],
    ['a 503', answered(503)],
    ['a 429', answered(429)],
    ['an unreadable body', unreadable],
  ])('when an attempt ends in %s, then it does not retry', (_name, result) => {
    expect(shouldRetry(CONNECTION_ONLY, result, 1)).toBe(false);
  });
});
