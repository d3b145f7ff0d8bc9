import type { RunId, RunResult } from '../../bench/report/bench-report';
import { goalsFor } from '../../bench/report/goals';

function run(id: RunId, requestsPerSecond: number, cpuMsPerRequest: number, extra: Partial<RunResult> = {}): RunResult {
  return {
    id,
    server: id.split('-')[0] ?? id,
    path: id.includes('warm') ? 'warm' : 'cold',
    connections: 50,
    primerDelayMs: 0,
    durationS: 8,
    requestsPerSecond,
    p50Ms: 10,
    p99Ms: 50,
    maxMs: 80,
    errors: 0,
    peakRssBytes: 100 * 1024 * 1024,
    cpuMsPerRequest,
    primerCallsPerRequest: 1,
    ...extra,
  };
}

const byLabel = (goals: ReturnType<typeof goalsFor>, label: string) => goals.find((goal) => goal.label === label);

describe('goalsFor', () => {
  const runs = [
    run('service-cold', 1500, 0.4),
    run('service-warm', 3000, 0.2),
    run('service-redis-warm', 2400, 0.25),
    run('service-cold-tracing-off', 1540, 0.39),
    run('service-warm-tracing-off', 3300, 0.18),
    run('service-cold-quiet-log', 1600, 0.36),
    run('floor-cold', 5000, 0.1),
    run('floor-warm', 10_000, 0.04),
    run('peer-cold', 1000, 0.6),
    run('one-call-peer', 2500, 0.25),
    run('service-realistic', 1600, 0.6, { p99Ms: 1200, peakRssBytes: 150 * 1024 * 1024 }),
    run('floor-realistic', 3000, 0.2, { p99Ms: 1000 }),
    run('service-cold-again', 1200, 0.4),
  ];
  const goals = goalsFor(runs, 400);

  it('judges each comparison on CPU per request (the other server\'s over the service\'s) and shows the req/s ratio beside it', () => {
    expect(byLabel(goals, 'warm: service / one-call peer')).toMatchObject({ value: 1.25, byRate: 1.2, goal: '≥ 1×', met: true });
    expect(byLabel(goals, 'warm: service / floor')).toMatchObject({ byRate: 0.3, goal: '≥ 0.25×', met: false });
    expect(byLabel(goals, 'warm: service / floor')?.value).toBeCloseTo(0.2, 5);
    expect(byLabel(goals, 'cold: service / Express + axios peer')).toMatchObject({ byRate: 1.5, goal: '≥ 1.3×', met: true });
    expect(byLabel(goals, 'cold: service / Express + axios peer')?.value).toBeCloseTo(1.5, 5);
    expect(byLabel(goals, 'cold: service / one-call peer')).toMatchObject({ value: 0.625, byRate: 0.6, goal: '≥ 0.5×', met: true });
    expect(byLabel(goals, 'cold: service / floor')).toMatchObject({ value: 0.25, byRate: 0.3, goal: '≥ 0.3×', met: false });
    expect(byLabel(goals, 'warm: service on Redis / in memory')).toMatchObject({ value: 0.8, byRate: 0.8, met: true });
  });

  it('holds tracing with no endpoint and the request log within 5% of the same service without them', () => {
    expect(byLabel(goals, 'cold: tracing, no endpoint / OTEL_SDK_DISABLED')?.value).toBeCloseTo(0.975, 5);
    expect(byLabel(goals, 'cold: tracing, no endpoint / OTEL_SDK_DISABLED')).toMatchObject({ goal: '≥ 0.95×', met: true });
    expect(byLabel(goals, 'warm: tracing, no endpoint / OTEL_SDK_DISABLED')?.value).toBeCloseTo(0.9, 5);
    expect(byLabel(goals, 'warm: tracing, no endpoint / OTEL_SDK_DISABLED')?.met).toBe(false);
    expect(byLabel(goals, 'cold: request log at info / at warn')?.value).toBeCloseTo(0.9, 5);
    expect(byLabel(goals, 'cold: request log at info / at warn')?.met).toBe(false);
  });

  it('holds the realistic run to no errors, a p99 within 1.5× the floor\'s and peak RSS under 200 MB', () => {
    expect(byLabel(goals, 'realistic: service errors')).toMatchObject({ value: 0, met: true });
    expect(byLabel(goals, 'realistic: service p99 / floor p99')).toMatchObject({ value: 1.2, goal: '≤ 1.5×', met: true });
    expect(byLabel(goals, 'realistic: service peak RSS')).toMatchObject({ value: 150, met: true });
    expect(byLabel(goals, 'npm start to ready')).toMatchObject({ value: 400, met: true });
  });

  it('when the realistic p99 is over 1.5× the floor\'s, then that goal is not met', () => {
    const slow = goalsFor([run('service-realistic', 1000, 1, { p99Ms: 1600 }), run('floor-realistic', 3000, 0.2, { p99Ms: 1000 })], 400);
    expect(byLabel(slow, 'realistic: service p99 / floor p99')).toMatchObject({ value: 1.6, met: false });
  });

  it('reports the realistic ratio and drift as figures, with no goal to meet', () => {
    expect(byLabel(goals, 'realistic: service / floor')).toMatchObject({ met: undefined });
    expect(byLabel(goals, 'realistic: service / floor')?.value).toBeCloseTo(1 / 3, 5);
    expect(byLabel(goals, 'drift: cold again / cold')).toMatchObject({ value: 0.8, met: undefined });
  });

  it('when a run is missing, then its ratio is unknown rather than a guess', () => {
    const partial = goalsFor([run('service-cold', 1500, 0.4)], 400);
    expect(byLabel(partial, 'cold: service / floor')).toMatchObject({ value: undefined, byRate: undefined, met: undefined });
    expect(byLabel(partial, 'realistic: service p99 / floor p99')).toMatchObject({ value: undefined, met: undefined });
  });
});
