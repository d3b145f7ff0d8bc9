import type { StepContext } from '../upstream/call-step';
import { UpstreamRejectedError } from '../upstream/upstream-rejected-error';
import type { ClientSessionRequest, ClientSessionUpdate } from './schema/client-session-request';

export interface IssuedToken {
  clientToken: string;
  // Epoch milliseconds, parsed from Primer's zone-less UTC timestamp.
  expiresAt: number;
}

// Primer answered an update but will not apply it (a 4xx, or a body it would send again): create a new session instead.
export class SessionUpdateRefusedError extends UpstreamRejectedError {
  constructor(detail: string, status?: number, options?: { cause?: unknown }) {
    super('primer', detail, status, options);
  }
}

// The port the use case sees; adapters throw only UpstreamError subclasses, and `update` a SessionUpdateRefusedError when refused.
// Calls made with one step share its deadline (an update Primer refuses and the create after it).
export interface PrimerSessions {
  create(body: ClientSessionRequest, step: StepContext): Promise<IssuedToken>;
  update(body: ClientSessionUpdate, step: StepContext): Promise<void>;
}
