// When a client token must be replaced: Primer client tokens live 24 hours, and a checkout must not start on one about to lapse.
import type { CheckoutSession } from './checkout-session-client.js';

// Replace a token this long before it expires, so a shopper filling in the form is never caught by the expiry.
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60 * 1000;
// Never schedule sooner than this, so a token issued already near expiry cannot start a request loop.
const SHORTEST_REFRESH_DELAY_MS = 30 * 1000;
// setTimeout fires at once for delays over 2^31 - 1 ms.
const LONGEST_TIMER_MS = 2 ** 31 - 1;

// Milliseconds of life left, by the server's count at arrival plus the time since on this page's clock.
export function msUntilExpiry(session: CheckoutSession, nowMs: number): number {
  return session.receivedAt + session.expiresInMs - nowMs;
}

export function isNearExpiry(session: CheckoutSession, nowMs: number, marginMs = REFRESH_BEFORE_EXPIRY_MS): boolean {
  return msUntilExpiry(session, nowMs) <= marginMs;
}

// Calls `refresh` shortly before the token expires; returns a function that cancels it.
export function whenNearExpiry(session: CheckoutSession, refresh: () => void, marginMs = REFRESH_BEFORE_EXPIRY_MS): () => void {
  const delay = msUntilExpiry(session, Date.now()) - marginMs;
  const timer = setTimeout(refresh, Math.min(Math.max(delay, SHORTEST_REFRESH_DELAY_MS), LONGEST_TIMER_MS));
  return () => clearTimeout(timer);
}
