import type { SessionFields } from './session-fields';

type Fields = Record<string, unknown>;

// Inside these objects each field is replaced whole; the object itself is merged.
const MERGED_OBJECTS = new Set(['customer', 'order']);

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(current: Fields, changes: Fields): Fields {
  const next = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

// PATCH /client-session: only the sent fields change, arrays are replaced whole, `null` clears, and
// `paymentMethod.options` stays as created. https://primer.io/docs/api/api-reference/client-session-api/update-client-side-token-client-session-patch
export function applySessionUpdate(current: SessionFields, changes: Fields): SessionFields {
  const next: Fields = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'clientToken') continue;
    const existing = next[key];
    if (value === null) delete next[key];
    else if (MERGED_OBJECTS.has(key) && isObject(value)) next[key] = merge(isObject(existing) ? existing : {}, value);
    else if (key === 'paymentMethod' && isObject(value) && isObject(existing) && 'options' in existing) {
      next[key] = { ...value, options: existing.options };
    } else next[key] = value;
  }
  return next;
}
