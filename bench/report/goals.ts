import type { Goal, RunId, RunResult } from './bench-report';

const MB = 1024 * 1024;

// The goals, each measured within one invocation so that machine noise cancels out of the ratios.
// A comparison of two servers is judged on CPU per request (the other's over the service's: how many of the service's
// requests one CPU second serves against the other's); req/s, which moves with whatever else shares the cores, is shown
// beside it. The start goal is timed through `npm start`, as production starts.
export function goalsFor(runs: readonly RunResult[], npmStartToReadyMs: number): Goal[] {
  const run = (id: RunId) => runs.find((candidate) => candidate.id === id);
  const divide = (top: number | undefined, bottom: number | undefined) => (top === undefined || bottom === undefined || bottom === 0 ? undefined : top / bottom);
  const cpuRatio = (service: RunId, other: RunId) => divide(run(other)?.cpuMsPerRequest, run(service)?.cpuMsPerRequest);
  const rateRatio = (service: RunId, other: RunId) => divide(run(service)?.requestsPerSecond, run(other)?.requestsPerSecond);
  const atLeast = (label: string, service: RunId, other: RunId, minimum: number): Goal => {
    const value = cpuRatio(service, other);
    return { label, value, byRate: rateRatio(service, other), unit: '×', goal: `≥ ${minimum}×`, met: value === undefined ? undefined : value >= minimum };
  };
  const figure = (label: string, value: number | undefined): Goal => ({ label, value, unit: '×', goal: '(figure)', met: undefined });
  const realistic = run('service-realistic');
  const p99Ratio = divide(realistic?.p99Ms, run('floor-realistic')?.p99Ms);
  const peakMb = realistic?.peakRssBytes === undefined ? undefined : realistic.peakRssBytes / MB;
  return [
    atLeast('warm: service / one-call peer', 'service-warm', 'one-call-peer', 1),
    atLeast('warm: service / floor', 'service-warm', 'floor-warm', 0.25),
    atLeast('cold: service / Express + axios peer', 'service-cold', 'peer-cold', 1.3),
    atLeast('cold: service / one-call peer', 'service-cold', 'one-call-peer', 0.5),
    atLeast('cold: service / floor', 'service-cold', 'floor-cold', 0.3),
    // Within noise: the default (tracing with no endpoint, request lines at info) against the same service without each.
    atLeast('cold: tracing, no endpoint / OTEL_SDK_DISABLED', 'service-cold', 'service-cold-tracing-off', 0.95),
    atLeast('warm: tracing, no endpoint / OTEL_SDK_DISABLED', 'service-warm', 'service-warm-tracing-off', 0.95),
    atLeast('cold: request log at info / at warn', 'service-cold', 'service-cold-quiet-log', 0.95),
    // The same service with REDIS_URL set: every warm answer reads the session from a real redis-server on loopback.
    atLeast('warm: service on Redis / in memory', 'service-redis-warm', 'service-warm', 0.7),
    { label: 'realistic: service errors', value: realistic?.errors, unit: 'errors', goal: '0', met: realistic === undefined ? undefined : realistic.errors === 0 },
    { label: 'realistic: service p99 / floor p99', value: p99Ratio, unit: '×', goal: '≤ 1.5×', met: p99Ratio === undefined ? undefined : p99Ratio <= 1.5 },
    { label: 'realistic: service peak RSS', value: peakMb, unit: 'MB', goal: '< 200 MB', met: peakMb === undefined ? undefined : peakMb < 200 },
    { label: 'npm start to ready', value: npmStartToReadyMs, unit: 'ms', goal: '< 1000 ms', met: npmStartToReadyMs < 1000 },
    { ...figure('realistic: service / floor', cpuRatio('service-realistic', 'floor-realistic')), byRate: rateRatio('service-realistic', 'floor-realistic') },
    figure('drift: cold again / cold', rateRatio('service-cold-again', 'service-cold')),
  ];
}
