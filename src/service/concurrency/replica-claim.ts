export interface ClaimSteps<T> {
  // The Primer call, made by the one replica that holds the claim.
  work(): Promise<T>;
  // What another replica's finished call left in the session store, once it is there.
  settledElsewhere(): Promise<T | undefined>;
}

// Behind SharedCalls: concurrent identical calls on several replicas make one Primer call between them.
export interface ReplicaClaim {
  run<T>(key: string, steps: ClaimSteps<T>): Promise<T>;
}

// One replica (no REDIS_URL): the in-process SharedCalls already makes the call one, so there is nothing to share.
export class NoReplicaClaim implements ReplicaClaim {
  run<T>(_key: string, steps: ClaimSteps<T>): Promise<T> {
    return steps.work();
  }
}
