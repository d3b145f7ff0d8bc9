import type { RunResult } from '../../bench/report/bench-report';
import { combineRounds, median } from '../../bench/report/combine-rounds';

function round(requestsPerSecond: number, cpuMsPerRequest: number | undefined, extra: Partial<RunResult> = {}): RunResult {
  return {
    id: 'service-cold',
    server: 'service',
    path: 'cold',
    connections: 50,
    primerDelayMs: 0,
    durationS: 5,
    requestsPerSecond,
    p50Ms: 10,
    p99Ms: 50,
    maxMs: 80,
    errors: 0,
    peakRssBytes: 100,
    cpuMsPerRequest,
    primerCallsPerRequest: 1,
    ...extra,
  };
}

describe('combineRounds', () => {
  it('when a row ran three rounds, then it reports the middle req/s, p99 and CPU per request, and the spread of CPU', () => {
    const row = combineRounds([round(900, 0.9, { p99Ms: 70 }), round(300, 2.1, { p99Ms: 400 }), round(1000, 0.8, { p99Ms: 60 })]);

    expect(row).toMatchObject({ id: 'service-cold', rounds: 3, requestsPerSecond: 900, p99Ms: 70, cpuMsPerRequest: 0.9, cpuMsPerRequestRange: [0.8, 2.1] });
  });

  it('keeps the highest peak RSS and max latency, and adds up the errors', () => {
    const row = combineRounds([round(900, 0.9, { peakRssBytes: 150, maxMs: 90, errors: 1 }), round(950, 0.9, { peakRssBytes: 210, maxMs: 300, errors: 2 })]);

    expect(row).toMatchObject({ peakRssBytes: 210, maxMs: 300, errors: 3 });
  });

  it('when CPU could not be read, then CPU per request stays unknown', () => {
    expect(combineRounds([round(900, undefined)])).toMatchObject({ cpuMsPerRequest: undefined, cpuMsPerRequestRange: undefined });
  });

  it('refuses a row with no round', () => {
    expect(() => combineRounds([])).toThrow();
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
