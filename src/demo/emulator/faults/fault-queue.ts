import type { Fault, FaultRule } from './fault-rule';

export interface PendingFault {
  match: { method?: string; path?: string };
  remaining: number;
  fault: Fault;
}

// Faults wait here for the next matching requests, first queued first served.
export class FaultQueue {
  private pendingFaults: PendingFault[] = [];

  enqueue(rule: FaultRule): void {
    this.pendingFaults.push({ match: rule.match ?? {}, remaining: rule.times ?? 1, fault: rule.fault });
  }

  take(method: string, path: string): Fault | undefined {
    const index = this.pendingFaults.findIndex(
      ({ match }) =>
        (match.method === undefined || match.method.toUpperCase() === method) &&
        (match.path === undefined || match.path === path),
    );
    const pending = this.pendingFaults[index];
    if (!pending) return undefined;
    pending.remaining -= 1;
    if (pending.remaining === 0) this.pendingFaults.splice(index, 1);
    return pending.fault;
  }

  pending(): PendingFault[] {
    return this.pendingFaults.map((pending) => ({ ...pending, match: { ...pending.match } }));
  }

  clear(): void {
    this.pendingFaults = [];
  }
}
