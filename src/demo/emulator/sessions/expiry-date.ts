// Client tokens live 24 hours: https://primer.io/docs/api/api-reference/client-session-api/create-client-side-token-client-session-post
export const CLIENT_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

// Primer writes the expiry in UTC with microseconds and no zone, e.g. `2026-11-26T14:53:51.578695`.
export function primerTimestamp(instant: Date, microseconds = 0): string {
  return `${instant.toISOString().slice(0, 23)}${String(microseconds % 1000).padStart(3, '0')}`;
}
