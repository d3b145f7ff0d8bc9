import { createLogger } from '../../../src/service/observability/logger';
import { beginTraceInFlight, endTraceInFlight } from '../../../src/service/observability/tracing/traces-in-flight';

const TRACE = { traceId: '5b8efff798038103d269b633813fc60c', spanId: 'a1f0c3d2e4b5a697' };

function capture() {
  const lines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  return { logger, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('createLogger', () => {
  afterEach(() => endTraceInFlight('req-logger-0001', TRACE));

  it('when a line names a request in flight, then it carries that request\'s traceId and spanId', () => {
    const { logger, parsed } = capture();
    beginTraceInFlight('req-logger-0001', TRACE);

    logger.warn({ requestId: 'req-logger-0001', upstream: 'primer' }, 'retrying Primer');

    expect(parsed()[0]).toMatchObject({ ...TRACE, requestId: 'req-logger-0001', upstream: 'primer', msg: 'retrying Primer' });
  });

  it('when the request has ended, or the line names no request, then it carries no trace', () => {
    const { logger, parsed } = capture();
    beginTraceInFlight('req-logger-0001', TRACE);
    endTraceInFlight('req-logger-0001', TRACE);

    logger.warn({ requestId: 'req-logger-0001' }, 'late');
    logger.info('listening');

    for (const line of parsed()) expect(Object.keys(line)).not.toContain('traceId');
  });

  it('when a line brings its own traceId, then that one is kept', () => {
    const { logger, parsed } = capture();
    beginTraceInFlight('req-logger-0001', TRACE);

    logger.info({ requestId: 'req-logger-0001', traceId: 'own-trace', spanId: 'own-span' }, 'request');

    expect(parsed()[0]).toMatchObject({ traceId: 'own-trace', spanId: 'own-span' });
  });

  it('when a caller sends one request id on two requests at once, then the first one ending leaves the other\'s trace in place', () => {
    const { logger, parsed } = capture();
    const second = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' };
    beginTraceInFlight('req-logger-0001', TRACE);
    beginTraceInFlight('req-logger-0001', second);
    endTraceInFlight('req-logger-0001', TRACE);

    logger.warn({ requestId: 'req-logger-0001' }, 'retrying Primer');

    expect(parsed()[0]).toMatchObject(second);
    endTraceInFlight('req-logger-0001', second);
  });

  it('when a logged object holds credentials, then they are redacted', () => {
    const { logger, parsed } = capture();

    logger.info({ apiKey: 'sk_secret', headers: { authorization: 'Bearer x' }, request: { headers: { cookie: 'sid=1' } } }, 'call');

    expect(JSON.stringify(parsed()[0])).not.toMatch(/sk_secret|Bearer x|sid=1/);
  });
});
