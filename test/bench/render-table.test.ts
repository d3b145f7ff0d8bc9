import type { BenchReport } from '../../bench/report/bench-report';
import { renderReport } from '../../bench/report/render-table';

const report: BenchReport = {
  machine: { cores: 2, cpu: 'Test CPU', memoryGb: 8, node: '20.0.0', platform: 'linux 6' },
  startToReadyMs: { service: 412.4, floor: 30, peer: 100 },
  runs: [
    {
      id: 'service-cold',
      server: 'service',
      path: 'cold',
      connections: 50,
      primerDelayMs: 0,
      durationS: 8,
      requestsPerSecond: 1234.4,
      p50Ms: 12,
      p99Ms: 40,
      maxMs: 90,
      errors: 0,
      peakRssBytes: 150 * 1024 * 1024,
      cpuMsPerRequest: 0.3456,
      primerCallsPerRequest: 1,
    },
  ],
  goals: [
    { label: 'cold: service / floor', value: 0.3012, byRate: 0.2549, unit: '×', goal: '≥ 0.25×', met: true },
    { label: 'realistic: service p99', value: undefined, unit: 'ms', goal: '< 1000 ms', met: undefined },
  ],
};

describe('renderReport', () => {
  const text = renderReport(report);

  it('names the machine and its core count, and the start-to-ready times', () => {
    expect(text).toContain('2 cores (Test CPU)');
    expect(text).toContain('start to ready: service 412 ms');
  });

  it('prints one markdown row per run with throughput, latency, errors, peak RSS and CPU per request', () => {
    const row = text.split('\n').find((line) => line.startsWith('| service-cold'));
    expect(row?.split('|').map((cell) => cell.trim())).toEqual(['', 'service-cold', '50', '0 ms', '1234', '12 ms', '40 ms', '90 ms', '0', '150 MB', '0.346 ms', '1.00', '']);
  });

  it('prints each goal with its measured value and, for a comparison, its req/s ratio beside it, and n/a where a figure is missing', () => {
    expect(text).toMatch(/\| cold: service \/ floor\s+\| 0\.30×\s+\| 0\.25×\s+\| ≥ 0\.25×\s+\| yes \|/);
    expect(text).toMatch(/\| realistic: service p99\s+\| n\/a\s+\|\s+\| < 1000 ms \|\s+\|/);
  });

  it('when the rows are medians of several rounds, then it says so and shows the CPU spread beside each', () => {
    const several = renderReport({ ...report, runs: report.runs.map((run) => ({ ...run, rounds: 3, cpuMsPerRequestRange: [0.3012, 0.5] as [number, number] })) });

    expect(several).toContain('each row the median of 3 rounds');
    expect(several).toContain('| 0.346 ms (0.30–0.50) |');
  });

  it('lines up the columns of each table', () => {
    for (const block of text.split('\n\n').slice(1)) {
      const lines = block.split('\n');
      expect(lines.length).toBeGreaterThan(2);
      expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    }
  });
});
