export interface PendingRule<M, F> {
  match: M;
  remaining: number;
  fault: F;
}

// Faults wait here for the next matching requests or deliveries, first queued first served.
export class RuleQueue<M extends object, F> {
  private pendingRules: PendingRule<M, F>[] = [];

  enqueue(rule: { match?: M; times?: number; fault: F }): void {
    this.pendingRules.push({ match: rule.match ?? ({} as M), remaining: rule.times ?? 1, fault: rule.fault });
  }

  pending(): PendingRule<M, F>[] {
    return this.pendingRules.map((pending) => ({ ...pending, match: { ...pending.match } }));
  }

  clear(): void {
    this.pendingRules = [];
  }

  protected takeFirst(matches: (match: M) => boolean): F | undefined {
    const index = this.pendingRules.findIndex(({ match }) => matches(match));
    const pending = this.pendingRules[index];
    if (!pending) return undefined;
    pending.remaining -= 1;
    if (pending.remaining === 0) this.pendingRules.splice(index, 1);
    return pending.fault;
  }
}
