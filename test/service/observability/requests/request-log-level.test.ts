import { requestLogLevel } from '../../../../src/service/observability/requests/request-log-level';

describe('requestLogLevel', () => {
  it.each([
    ['/checkout/session', 200, false, 'info'],
    ['/checkout/session', 304, false, 'info'],
    ['/checkout/session', 404, false, 'warn'],
    ['/checkout/session', 429, false, 'warn'],
    ['/checkout/session', 502, false, 'error'],
    ['/checkout/session', 200, true, 'error'],
    ['/healthz', 200, false, 'debug'],
    ['/readyz', 503, false, 'debug'],
    ['/metrics', 200, false, 'debug'],
  ] as const)('when %s answers %i (failed: %s), then the line is %s', (path, status, failed, level) => {
    expect(requestLogLevel(path, status, failed)).toBe(level);
  });
});
