import type { RunResult } from './bench-report';

// One row's figures from every round, as one row: the middle value of each (the machine's bursts of other work fall
// out), the highest peak RSS (the goal is about the worst moment), every error, and the spread of CPU per request.
export function combineRounds(rounds: readonly RunResult[]): RunResult {
  const [first] = rounds;
  if (first === undefined) throw new Error('a row needs at least one round');
  const cpu = defined(rounds.map((round) => round.cpuMsPerRequest));
  const rss = defined(rounds.map((round) => round.peakRssBytes));
  return {
    ...first,
    rounds: rounds.length,
    requestsPerSecond: median(rounds.map((round) => round.requestsPerSecond)),
    p50Ms: median(rounds.map((round) => round.p50Ms)),
    p99Ms: median(rounds.map((round) => round.p99Ms)),
    maxMs: Math.max(...rounds.map((round) => round.maxMs)),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    peakRssBytes: rss.length === 0 ? undefined : Math.max(...rss),
    cpuMsPerRequest: cpu.length === 0 ? undefined : median(cpu),
    cpuMsPerRequestRange: cpu.length === 0 ? undefined : [Math.min(...cpu), Math.max(...cpu)],
    primerCallsPerRequest: median(rounds.map((round) => round.primerCallsPerRequest)),
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function defined(values: readonly (number | undefined)[]): number[] {
  return values.filter((value): value is number => value !== undefined);
}
