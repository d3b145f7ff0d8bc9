import type { Fault } from './fault-rule';
import { RuleQueue, type PendingRule } from './rule-queue';

type RequestMatch = { method?: string; path?: string };

export type PendingFault = PendingRule<RequestMatch, Fault>;

// Faults for the next matching requests to the emulator's API.
export class FaultQueue extends RuleQueue<RequestMatch, Fault> {
  take(method: string, path: string): Fault | undefined {
    return this.takeFirst(
      (match) => (match.method === undefined || match.method.toUpperCase() === method) && (match.path === undefined || match.path === path),
    );
  }
}
