// A Primer client token remembered for a cart, so a refresh or double click does not create a new session.
export interface CachedToken {
  clientToken: string;
  // Epoch milliseconds at which Primer stops accepting the token.
  expiresAt: number;
  // The cart version the session was created or last updated for.
  cartVersion: string;
}

// The port: async so that a shared store (Redis) can implement it without touching the use case.
export interface TokenCache {
  get(key: string): Promise<CachedToken | undefined>;
  set(key: string, session: CachedToken): Promise<void>;
  delete(key: string): Promise<void>;
}

// Each part is URI-encoded, so a ':' inside a cart id or version can never make two different pairs collide.
export function tokenCacheKey(cartId: string, apiVersion: string): string {
  return `${encodeURIComponent(cartId)}:${encodeURIComponent(apiVersion)}`;
}

// How much longer a stored token may be handed out: its life left minus SESSION_REUSE_MIN_TTL_S. An entry lapses then,
// which is always before the token itself expires.
export function reusableForMs(session: CachedToken, minTtlMs: number, now: number): number {
  return session.expiresAt - minTtlMs - now;
}
