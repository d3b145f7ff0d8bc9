import { requestLine, type RequestOutcome } from '../../../../src/service/observability/requests/request-line';

const outcome: RequestOutcome = {
  requestId: 'req-line-0001',
  trace: { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' },
  method: 'POST',
  url: '/checkout/session',
  statusCode: 200,
  durationMs: 12.6,
  route: '/checkout/session',
  finished: true,
};

describe('requestLine', () => {
  it('when a request is answered, then its line holds the ids, method, path, status, whole milliseconds and route', () => {
    expect(requestLine(outcome)).toEqual({
      requestId: 'req-line-0001',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      req: { method: 'POST', url: '/checkout/session' },
      res: { statusCode: 200 },
      responseTime: 13,
      route: '/checkout/session',
    });
  });

  it('when the path has a query string, then the line keeps the path alone', () => {
    expect(requestLine({ ...outcome, url: '/nope?token=secret&x=1', route: 'unmatched' })).toMatchObject({ req: { url: '/nope' } });
  });

  it('when tracing is off, then the line has no trace fields', () => {
    const line = requestLine({ ...outcome, trace: undefined });

    expect(Object.keys(line)).not.toContain('traceId');
    expect(Object.keys(line)).not.toContain('spanId');
  });

  it('when the client left before the answer, then the line says it was aborted', () => {
    expect(requestLine({ ...outcome, finished: false })).toMatchObject({ aborted: true });
    expect(Object.keys(requestLine(outcome))).not.toContain('aborted');
  });
});
