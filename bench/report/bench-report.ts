// Ids and server names come from bench/plan.ts, so a new row needs no change here.
export type ServerName = string;
export type RunId = string;

export interface RunResult {
  id: RunId;
  server: ServerName;
  path: 'cold' | 'warm';
  connections: number;
  primerDelayMs: number;
  durationS: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  // Of the server under test during this run; undefined where /proc is missing.
  peakRssBytes: number | undefined;
  // CPU time the server under test spent per answered request: unlike req/s, it holds when other work shares the cores.
  cpuMsPerRequest: number | undefined;
  // With several rounds: how many, and the lowest and highest CPU per request among them.
  rounds?: number;
  cpuMsPerRequestRange?: [number, number] | undefined;
  // 1 on a cold run (every request creates a session), 0 on a warm one (reuse answers).
  primerCallsPerRequest: number;
}

export interface Goal {
  label: string;
  value: number | undefined;
  // For a comparison of two servers judged on CPU per request: the same ratio in req/s, to read beside it.
  byRate?: number | undefined;
  unit: '×' | 'ms' | 'MB' | 'errors' | '';
  goal: string;
  // undefined: a figure to read, not a goal.
  met: boolean | undefined;
}

export interface Machine {
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  platform: string;
}

export interface BenchReport {
  machine: Machine;
  // Spawn to /readyz 200: each server as `node <script>`, and the service through `npm start` as production starts it.
  startToReadyMs: Record<string, number>;
  runs: RunResult[];
  goals: Goal[];
}
