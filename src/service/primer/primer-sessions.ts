import type { ClientSessionRequest, ClientSessionUpdate } from './schema/client-session-request';

export interface IssuedToken {
  clientToken: string;
  // Epoch milliseconds, parsed from Primer's zone-less UTC timestamp.
  expiresAt: number;
}

// One context object is one Primer step: calls made with the same object share one PRIMER_TIMEOUT_MS budget.
export interface PrimerCallContext {
  requestId: string;
}

// The port the use case sees; adapters throw only UpstreamError subclasses.
export interface PrimerSessions {
  create(body: ClientSessionRequest, context: PrimerCallContext): Promise<IssuedToken>;
  update(body: ClientSessionUpdate, context: PrimerCallContext): Promise<void>;
}
