import { isRetryable, shouldRetry, type AttemptOutcome } from '../../../src/service/primer/retry-policy';

const MAX_RETRIES = 2;

describe('shouldRetry', () => {
  it.each([429, 500, 502, 503, 504])('when Primer answers %i on the first attempt, then it retries', (status) => {
    expect(shouldRetry({ kind: 'status', status }, 1, MAX_RETRIES)).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 410, 422, 200, 201, 301, 418, 501, 505])(
    'when Primer answers %i, then it does not retry',
    (status) => {
      expect(shouldRetry({ kind: 'status', status }, 1, MAX_RETRIES)).toBe(false);
    },
  );

  it.each<AttemptOutcome>([{ kind: 'connection-error' }, { kind: 'timeout' }])(
    'when an attempt ends in $kind, then it retries',
    (outcome) => {
      expect(shouldRetry(outcome, 1, MAX_RETRIES)).toBe(true);
    },
  );

  it('when attempts made reach maxRetries, then the last retry is still allowed', () => {
    expect(shouldRetry({ kind: 'status', status: 503 }, MAX_RETRIES, MAX_RETRIES)).toBe(true);
  });

  it('when attempts made exceed maxRetries, then it stops', () => {
    expect(shouldRetry({ kind: 'status', status: 503 }, MAX_RETRIES + 1, MAX_RETRIES)).toBe(false);
    expect(shouldRetry({ kind: 'connection-error' }, MAX_RETRIES + 1, MAX_RETRIES)).toBe(false);
    expect(shouldRetry({ kind: 'timeout' }, MAX_RETRIES + 1, MAX_RETRIES)).toBe(false);
  });

  it('when maxRetries is 0, then even a retryable first attempt is final', () => {
    expect(shouldRetry({ kind: 'connection-error' }, 1, 0)).toBe(false);
  });
});

describe('isRetryable', () => {
  it('tells availability failures from answers a retry cannot fix, whatever the attempt count', () => {
    expect(isRetryable({ kind: 'status', status: 429 })).toBe(true);
    expect(isRetryable({ kind: 'connection-error' })).toBe(true);
    expect(isRetryable({ kind: 'status', status: 422 })).toBe(false);
  });
});
