// Replaces secrets in text an upstream sent before it becomes a logged error detail (docs/security.md): an upstream
// that repeats the API key or a client token in its error description must not put it in a log line.
export type Redactor = (text: string, callSecrets?: readonly string[]) => string;

export const REDACTED = '[redacted]';

// Three base64url parts, the first a JSON header: how client tokens look, whichever session they belong to.
const JWT_LIKE = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

// `secrets` are the values known at composition (API key, order-service token, webhook secrets);
// `callSecrets` those one call sends or receives (the client token in a PATCH body, the one an answer carries).
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const known = secrets.filter(isNonEmpty);
  return (text, callSecrets = []) => {
    // Longest first, so a secret that contains another is replaced whole.
    const all = [...known, ...callSecrets.filter(isNonEmpty)].sort((a, b) => b.length - a.length);
    let redacted = text;
    for (const secret of all) redacted = redacted.split(secret).join(REDACTED);
    return redacted.replace(JWT_LIKE, REDACTED);
  };
}

function isNonEmpty(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}
