import { parseArgs } from 'node:util';

export interface BenchOptions {
  durationS: number;
  // Times the whole plan runs, rows alternating; each row reports the middle of its rounds.
  rounds: number;
  warmupS: number;
  connections: number;
  realisticConnections: number;
  // Seconds the realistic load runs before it is measured, for every server alike: 1,000 connections open at once and
  // the upstream pools fill (docs/performance.md, "What changed").
  realisticOpeningS: number;
  primerDelayMs: number;
  logLevel: string;
  jsonFile: string | undefined;
  // The built service to measure, relative to the repository root.
  service: string;
  // The plan rows to run (--rows, comma-separated ids from bench/plan.ts); undefined runs them all.
  rows: readonly string[] | undefined;
  // The path `npm run bench:profile` profiles: a new cart every request, or one cart answered from reuse.
  cart: 'cold' | 'warm';
  // The load `npm run bench:profile` drives: --connections against an instant Primer, or --realistic-connections
  // against one that takes --primer-delay.
  load: 'normal' | 'realistic';
}

// `npm run bench -- --json bench.json --duration 10 --rounds 5` (the profile reads the same flags); the defaults keep one
// invocation around five minutes on 2 cores.
export function readBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      json: { type: 'string' },
      duration: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '3' },
      // 3 s left the service's first cold run still warming on a shared 2-core machine (cold again ran 1.68× faster).
      warmup: { type: 'string', default: '8' },
      connections: { type: 'string', default: '50' },
      'realistic-connections': { type: 'string', default: '1000' },
      opening: { type: 'string', default: '2' },
      'primer-delay': { type: 'string', default: '250' },
      'log-level': { type: 'string', default: 'info' },
      service: { type: 'string', default: 'dist/main.js' },
      cart: { type: 'string', default: 'cold' },
      rows: { type: 'string' },
      load: { type: 'string', default: 'normal' },
    },
  });
  return {
    durationS: positive('duration', values.duration),
    rounds: Math.max(1, Math.round(positive('rounds', values.rounds))),
    warmupS: positive('warmup', values.warmup),
    connections: positive('connections', values.connections),
    realisticConnections: positive('realistic-connections', values['realistic-connections']),
    realisticOpeningS: positive('opening', values.opening),
    primerDelayMs: positive('primer-delay', values['primer-delay']),
    logLevel: values['log-level'],
    jsonFile: values.json,
    service: values.service,
    cart: cartPath(values.cart),
    rows: values.rows?.split(',').map((id) => id.trim()),
    load: loadKind(values.load),
  };
}

function cartPath(raw: string): 'cold' | 'warm' {
  if (raw !== 'cold' && raw !== 'warm') throw new Error(`--cart must be cold or warm, got ${raw}`);
  return raw;
}

function loadKind(raw: string): 'normal' | 'realistic' {
  if (raw !== 'normal' && raw !== 'realistic') throw new Error(`--load must be normal or realistic, got ${raw}`);
  return raw;
}

function positive(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number of at least 0, got ${raw}`);
  return value;
}
