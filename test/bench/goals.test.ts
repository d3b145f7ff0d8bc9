import type { RunId, RunResult } from '../../bench/report/bench-report';
import { goalsFor } from '../../bench/report/goals';

function run(id: RunId, requestsPerSecond: number, extra: Partial<RunResult> = {}): RunResult {
  return {
    id,
    server: id.startsWith('floor') ? 'floor' : id.startsWith('peer') ? 'peer' : 'service',
    path: id.endsWith('warm') ? 'warm' : 'cold',
    connections: 50,
    primerDelayMs: 0,
    durationS: 8,
    requestsPerSecond,
    p50Ms: 10,
    p99Ms: 50,
    maxMs: 80,
    errors: 0,
    peakRssBytes: 100 * 1024 * 1024,
    cpuMsPerRequest: 0.2,
    primerCallsPerRequest: 1,
    ...extra,
  };
}

const byLabel = (goals: ReturnType<typeof goalsFor>, label: string) => goals.find((goal) => goal.label === label);

describe('goalsFor', () => {
  const runs = [
    run('service-cold', 1500, { cpuMsPerRequest: 0.3 }),
    run('floor-cold', 5000, { cpuMsPerRequest: 0.1 }),
    run('peer-cold', 1000),
    run('service-warm', 3000),
    run('floor-warm', 10_000),
    run('service-realistic', 1600, { p99Ms: 1200, peakRssBytes: 150 * 1024 * 1024 }),
    run('floor-realistic', 3000),
    run('service-cold-again', 1200),
    run('service-redis-warm', 2400),
    run('service-cold-tracing-off', 1540, { cpuMsPerRequest: 0.29 }),
    run('service-cold-quiet-log', 1600, { cpuMsPerRequest: 0.27 }),
  ];
  const goals = goalsFor(runs, 400);

  it('divides the service by the floor and by the peer for each path, and says whether the goal is met', () => {
    expect(byLabel(goals, 'cold: service / floor')).toMatchObject({ value: 0.3, met: true });
    expect(byLabel(goals, 'cold: service / peer')).toMatchObject({ value: 1.5, goal: '≥ 1.3×', met: true });
    expect(byLabel(goals, 'warm: service / floor')).toMatchObject({ value: 0.3, met: false });
    expect(byLabel(goals, 'realistic: service / floor')?.value).toBeCloseTo(0.533, 3);
    expect(byLabel(goals, 'realistic: service / floor')).toMatchObject({ goal: '≥ 0.55×', met: false });
    expect(byLabel(goals, 'warm: service on Redis / in memory')).toMatchObject({ value: 0.8, met: true });
  });

  it('holds the realistic run to no errors, p99 under 1 s and peak RSS under 200 MB', () => {
    expect(byLabel(goals, 'realistic: service errors')).toMatchObject({ value: 0, met: true });
    expect(byLabel(goals, 'realistic: service p99')).toMatchObject({ value: 1200, met: false });
    expect(byLabel(goals, 'realistic: service peak RSS')).toMatchObject({ value: 150, met: true });
    expect(byLabel(goals, 'npm start to ready')).toMatchObject({ value: 400, met: true });
  });

  it('reports drift and CPU ratios as figures, with no goal to meet', () => {
    expect(byLabel(goals, 'drift: cold again / cold')).toMatchObject({ value: 0.8, met: undefined });
    expect(byLabel(goals, 'cold: floor CPU/req / service CPU/req')?.value).toBeCloseTo(1 / 3, 5);
  });

  it('when tracing and the request log are measured on and off, then each ratio is held within 5% and their CPU costs are figures', () => {
    expect(byLabel(goals, 'cold: tracing, no endpoint / OTEL_SDK_DISABLED')?.value).toBeCloseTo(1500 / 1540, 5);
    expect(byLabel(goals, 'cold: tracing, no endpoint / OTEL_SDK_DISABLED')?.met).toBe(true);
    expect(byLabel(goals, 'cold: request log at info / at warn')).toMatchObject({ value: 0.9375, met: false });
    expect(byLabel(goals, 'cold: CPU/req without tracing / with')?.value).toBeCloseTo(0.29 / 0.3, 5);
    expect(byLabel(goals, 'cold: CPU/req without request log / with')?.value).toBeCloseTo(0.9, 5);
  });

  it('when a run is missing, then its ratio is unknown rather than a guess', () => {
    const partial = goalsFor([run('service-cold', 1500)], 400);
    expect(byLabel(partial, 'cold: service / floor')).toMatchObject({ value: undefined, met: undefined });
    expect(byLabel(partial, 'realistic: service p99')).toMatchObject({ value: undefined, met: undefined });
  });
});
