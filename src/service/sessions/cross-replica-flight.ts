export interface FlightSteps<T> {
  // The Primer call, made by the one replica that holds the claim.
  work(): Promise<T>;
  // What another replica's finished call left in the session store, once it is there.
  settledElsewhere(): Promise<T | undefined>;
}

// Behind SingleFlight: concurrent identical calls on several replicas make one Primer call between them.
export interface CrossReplicaFlight {
  run<T>(key: string, steps: FlightSteps<T>): Promise<T>;
}

// One replica (no REDIS_URL): the in-process SingleFlight already makes the call one, so there is nothing to share.
export class ProcessOnlyFlight implements CrossReplicaFlight {
  run<T>(_key: string, steps: FlightSteps<T>): Promise<T> {
    return steps.work();
  }
}
