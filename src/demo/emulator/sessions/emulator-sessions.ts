import { randomBytes, randomInt } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { CLIENT_TOKEN_TTL_MS, primerTimestamp } from './expiry-date';
import type { SessionFields } from './session-fields';

export interface EmulatorSession {
  clientToken: string;
  expiresAt: Date;
  clientTokenExpirationDate: string;
  fields: SessionFields;
}

// In-memory sessions, bounded: the least recently used one goes when the limit is reached.
export class EmulatorSessions {
  private readonly sessions: LRUCache<string, EmulatorSession>;

  constructor(
    maxSessions: number,
    private readonly now: () => Date,
  ) {
    this.sessions = new LRUCache({ max: maxSessions });
  }

  create(fields: SessionFields): EmulatorSession {
    const expiresAt = new Date(this.now().getTime() + CLIENT_TOKEN_TTL_MS);
    const session = {
      clientToken: randomBytes(32).toString('base64url'),
      expiresAt,
      // A clock in milliseconds has no microseconds: the last three digits only keep Primer's shape.
      clientTokenExpirationDate: primerTimestamp(expiresAt, randomInt(1000)),
      fields,
    };
    this.sessions.set(session.clientToken, session);
    return session;
  }

  // Unknown and expired tokens look the same to the caller, as they do at Primer.
  find(clientToken: string): EmulatorSession | undefined {
    const session = this.sessions.get(clientToken);
    if (!session) return undefined;
    if (session.expiresAt.getTime() <= this.now().getTime()) {
      this.sessions.delete(clientToken);
      return undefined;
    }
    return session;
  }

  replace(session: EmulatorSession, fields: SessionFields): EmulatorSession {
    const updated = { ...session, fields };
    this.sessions.set(session.clientToken, updated);
    return updated;
  }

  clear(): void {
    this.sessions.clear();
  }
}
