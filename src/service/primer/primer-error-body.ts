import { parseJson } from '../upstream/http-attempt';
import type { UpstreamWords } from '../upstream/upstream-client';

// Primer's error envelope: {"error": {errorId, description, diagnosticsId, …}} (Primer's API reference, "Errors").
export interface PrimerErrorBody {
  errorId?: unknown;
  description?: unknown;
  diagnosticsId?: unknown;
}

export function primerErrorOf(body: string): PrimerErrorBody | undefined {
  const parsed = parseJson(body) as { error?: unknown } | undefined;
  const error = parsed?.error;
  return typeof error === 'object' && error !== null ? error : undefined;
}

// Worth logging (redacted), never worth showing.
export function primerErrorWords(body: string): UpstreamWords {
  const error = primerErrorOf(body);
  if (!error) return { text: `unparsed body (${body.length} bytes)` };
  return { text: `${String(error.errorId)}: ${String(error.description)} (diagnosticsId ${String(error.diagnosticsId)})`, secrets: tokenIn(body) };
}

// An error answer that repeats a client token carries it in a clientToken field.
function tokenIn(body: string): string[] {
  const token = (parseJson(body) as { clientToken?: unknown } | undefined)?.clientToken;
  return typeof token === 'string' ? [token] : [];
}
