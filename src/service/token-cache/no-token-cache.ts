import type { TokenCache, CachedToken } from './token-cache';

// SESSION_REUSE_MIN_TTL_S=0 turns reuse off: remembers nothing, so every call goes to Primer.
export class NoTokenCache implements TokenCache {
  async get(): Promise<CachedToken | undefined> {
    return undefined;
  }

  async set(): Promise<void> {}

  async delete(): Promise<void> {}
}
