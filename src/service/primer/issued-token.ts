import { parsePrimerExpiry } from './parse-expiry';
import type { IssuedToken } from './primer-sessions';

// Bounds on what Primer hands out before it reaches the browser or the store (docs/resilience.md, "Answer bounds"):
// Primer's tokens are a few hundred bytes and live 24 hours.
export const MAX_CLIENT_TOKEN_BYTES = 8 * 1024;
export const MAX_TOKEN_LIFETIME_MS = 48 * 3_600_000;

// The token and expiry of a create answer, or why they cannot be used.
export function issuedTokenOf(answer: Readonly<Record<string, unknown>>, now: number): IssuedToken | { unusable: string } {
  const { clientToken } = answer;
  const expiresAt = parsePrimerExpiry(answer.clientTokenExpirationDate);
  if (typeof clientToken !== 'string' || clientToken.length === 0 || expiresAt === undefined) {
    return { unusable: 'answer without a usable clientToken and clientTokenExpirationDate' };
  }
  if (Buffer.byteLength(clientToken, 'utf8') > MAX_CLIENT_TOKEN_BYTES) return { unusable: 'clientToken over 8 KiB' };
  if (expiresAt <= now) return { unusable: 'clientTokenExpirationDate already past' };
  if (expiresAt > now + MAX_TOKEN_LIFETIME_MS) return { unusable: 'clientTokenExpirationDate more than 48 hours ahead' };
  return { clientToken, expiresAt };
}
