// How a wait for another replica's claim ended: it let go, and this is the state it was forwarding (if it said).
export interface ClaimReleased {
  readonly held: false;
  readonly forwarding: string | undefined;
}

export type ClaimOutcome<T> = { readonly held: true; readonly value: T } | ClaimReleased;

// Across replicas, the one that forwards a state of a payment; the others wait until it lets go (docs/payments.md).
export interface ForwardClaims {
  // `stateKey` names the state being forwarded, so a waiter can tell whether it was its own.
  whileHeld<T>(paymentId: string, stateKey: string, work: () => Promise<T>): Promise<ClaimOutcome<T>>;
}

// One replica (no REDIS_URL): the in-process queue already lets one forward of a payment run at a time.
export class ProcessOnlyClaims implements ForwardClaims {
  async whileHeld<T>(_paymentId: string, _stateKey: string, work: () => Promise<T>): Promise<ClaimOutcome<T>> {
    return { held: true, value: await work() };
  }
}
