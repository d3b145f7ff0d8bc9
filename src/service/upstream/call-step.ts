import type { RequestContext } from './request-context';

// One step of a request against one upstream: every call made in it (a PATCH Primer refuses and the create after it)
// shares one deadline, so retries and follow-up calls together never outlast the step's budget.
export interface StepContext extends RequestContext {
  // Epoch milliseconds.
  readonly deadline: number;
}

export function openStep(context: RequestContext, budgetMs: number, now: number = Date.now()): StepContext {
  return { requestId: context.requestId, trace: context.trace, deadline: now + budgetMs };
}
