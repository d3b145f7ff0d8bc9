// One answered request as the load generator saw it: when it completed (ms after the load started) and how long it took.
export interface Answered {
  doneAtMs: number;
  latencyMs: number;
  ok: boolean;
}

export interface WindowFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  // Answered within the window, whatever the status and whenever sent: what the server's CPU in the window served.
  completed: number;
}

// The figures of the measured window, which opens `openingMs` after the load starts: throughput counts what completed
// in it; latency counts only requests sent in it, so the connections' opening (accepts, pools filling) is left out.
export function windowFigures(answered: readonly Answered[], openingMs: number, windowMs: number): WindowFigures {
  const inWindow = answered.filter((answer) => answer.doneAtMs >= openingMs);
  const latencies = inWindow
    .filter((answer) => answer.doneAtMs - answer.latencyMs >= openingMs)
    .map((answer) => answer.latencyMs)
    .sort((a, b) => a - b);
  return {
    requestsPerSecond: inWindow.filter((answer) => answer.ok).length / (windowMs / 1000),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    maxMs: latencies.at(-1) ?? 0,
    completed: inWindow.length,
  };
}

// Nearest rank: the smallest latency at or above which the given share of requests lies.
function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? 0;
}
