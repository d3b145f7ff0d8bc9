// The bench's runs, in the order they run. Adding a row is one line here (and, for a new kind of server, one entry in
// run.ts's server specs); a server starts before its first run and stops after its last.
export interface PlannedRun {
  id: string;
  server: string;
  // cold: a new cart every request (each creates a Primer session); warm: one cart, so reuse answers.
  cart: 'cold' | 'warm';
  // normal: --connections against an instant Primer; realistic: --realistic-connections against one that takes --primer-delay.
  load: 'normal' | 'realistic';
}

export const RUN_PLAN: readonly PlannedRun[] = [
  { id: 'service-cold', server: 'service', cart: 'cold', load: 'normal' },
  { id: 'service-warm', server: 'service', cart: 'warm', load: 'normal' },
  // The same service with REDIS_URL set on a loopback redis-server; skipped when redis-server is not installed.
  { id: 'service-redis-warm', server: 'service-redis', cart: 'warm', load: 'normal' },
  // As service-cold and service-warm with OTEL_SDK_DISABLED=true (no trace ids, no traceparent): what tracing with no endpoint costs.
  { id: 'service-cold-tracing-off', server: 'service-tracing-off', cart: 'cold', load: 'normal' },
  { id: 'service-warm-tracing-off', server: 'service-tracing-off', cart: 'warm', load: 'normal' },
  // As service-cold with LOG_LEVEL=warn (no request line for a 200).
  { id: 'service-cold-quiet-log', server: 'service-quiet-log', cart: 'cold', load: 'normal' },
  { id: 'floor-cold', server: 'floor', cart: 'cold', load: 'normal' },
  { id: 'floor-warm', server: 'floor', cart: 'warm', load: 'normal' },
  { id: 'peer-cold', server: 'peer', cart: 'cold', load: 'normal' },
  // One Primer call per request whatever the cart: a sample server's whole job.
  { id: 'one-call-peer', server: 'one-call-peer', cart: 'warm', load: 'normal' },
  { id: 'service-realistic', server: 'service', cart: 'cold', load: 'realistic' },
  { id: 'floor-realistic', server: 'floor', cart: 'cold', load: 'realistic' },
  // Last, to show drift: the same run as the first, after everything else.
  { id: 'service-cold-again', server: 'service', cart: 'cold', load: 'normal' },
];

// `--rows service-warm,service-redis-warm`: only those rows, in the plan's order; a goal whose rows are left out shows no figure.
export function chosenRows(plan: readonly PlannedRun[], ids: readonly string[] | undefined): readonly PlannedRun[] {
  if (ids === undefined) return plan;
  const unknown = ids.filter((id) => !plan.some((run) => run.id === id));
  if (unknown.length > 0) throw new Error(`--rows names no planned row: ${unknown.join(', ')}`);
  return plan.filter((run) => ids.includes(run.id));
}

// The index of each server's last run, so it can stop as soon as it is no longer needed.
export function lastRunOf(plan: readonly PlannedRun[]): Map<string, number> {
  return new Map(plan.map((run, index) => [run.server, index]));
}
