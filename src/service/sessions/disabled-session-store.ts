import type { SessionStore, StoredSession } from './session-store';

// SESSION_REUSE_MIN_TTL_S=0 turns reuse off: remembers nothing, so every call goes to Primer.
export class DisabledSessionStore implements SessionStore {
  async get(): Promise<StoredSession | undefined> {
    return undefined;
  }

  async set(): Promise<void> {}

  async delete(): Promise<void> {}
}
