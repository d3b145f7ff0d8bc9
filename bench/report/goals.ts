import type { Goal, RunId, RunResult } from './bench-report';

const MB = 1024 * 1024;

// The goals, each measured within one invocation so that machine noise cancels out of the ratios.
// The start goal is timed through `npm start`, as production starts.
export function goalsFor(runs: readonly RunResult[], npmStartToReadyMs: number): Goal[] {
  const run = (id: RunId) => runs.find((candidate) => candidate.id === id);
  const ratio = (over: RunId, under: RunId) => {
    const top = run(over)?.requestsPerSecond;
    const bottom = run(under)?.requestsPerSecond;
    return top === undefined || bottom === undefined || bottom === 0 ? undefined : top / bottom;
  };
  const atLeast = (label: string, value: number | undefined, minimum: number): Goal => ({
    label,
    value,
    unit: '×',
    goal: `≥ ${minimum}×`,
    met: value === undefined ? undefined : value >= minimum,
  });
  // Floor CPU per request over the service's: the same ratio as throughput would be if each had the cores to itself.
  const cpuRatio = (service: RunId, floor: RunId) => {
    const top = run(floor)?.cpuMsPerRequest;
    const bottom = run(service)?.cpuMsPerRequest;
    return top === undefined || bottom === undefined || bottom === 0 ? undefined : top / bottom;
  };
  const figure = (label: string, value: number | undefined): Goal => ({ label, value, unit: '×', goal: '(figure)', met: undefined });
  const realistic = run('service-realistic');
  const peakMb = realistic?.peakRssBytes === undefined ? undefined : realistic.peakRssBytes / MB;
  return [
    atLeast('cold: service / floor', ratio('service-cold', 'floor-cold'), 0.27),
    atLeast('cold: service / peer', ratio('service-cold', 'peer-cold'), 1.3),
    atLeast('warm: service / floor', ratio('service-warm', 'floor-warm'), 0.35),
    // The same service with REDIS_URL set: every warm answer reads the session from a real redis-server on loopback.
    atLeast('warm: service on Redis / in memory', ratio('service-redis-warm', 'service-warm'), 0.7),
    atLeast('realistic: service / floor', ratio('service-realistic', 'floor-realistic'), 0.55),
    { label: 'realistic: service errors', value: realistic?.errors, unit: 'errors', goal: '0', met: realistic === undefined ? undefined : realistic.errors === 0 },
    { label: 'realistic: service p99', value: realistic?.p99Ms, unit: 'ms', goal: '< 1000 ms', met: realistic === undefined ? undefined : realistic.p99Ms < 1000 },
    { label: 'realistic: service peak RSS', value: peakMb, unit: 'MB', goal: '< 200 MB', met: peakMb === undefined ? undefined : peakMb < 200 },
    { label: 'npm start to ready', value: npmStartToReadyMs, unit: 'ms', goal: '< 1000 ms', met: npmStartToReadyMs < 1000 },
    // Within noise: the default (tracing with no endpoint, request lines at info) against the same service without each.
    atLeast('cold: tracing, no endpoint / OTEL_SDK_DISABLED', ratio('service-cold', 'service-cold-tracing-off'), 0.95),
    atLeast('cold: request log at info / at warn', ratio('service-cold', 'service-cold-quiet-log'), 0.95),
    figure('cold: CPU/req without tracing / with', cpuRatio('service-cold', 'service-cold-tracing-off')),
    figure('cold: CPU/req without request log / with', cpuRatio('service-cold', 'service-cold-quiet-log')),
    figure('drift: cold again / cold', ratio('service-cold-again', 'service-cold')),
    figure('cold: floor CPU/req / service CPU/req', cpuRatio('service-cold', 'floor-cold')),
    figure('warm: floor CPU/req / service CPU/req', cpuRatio('service-warm', 'floor-warm')),
  ];
}
