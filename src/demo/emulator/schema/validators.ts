import type { ValidateFunction } from 'ajv';
import { validateRequest, validateUpdate } from './compiled-validators';
import { toPrimerFieldErrors, type PrimerFieldError } from './validation-errors';

export type { PrimerFieldError } from './validation-errors';

export type ValidationResult = { valid: true } | { valid: false; errors: PrimerFieldError[] };

function run(validate: ValidateFunction, body: unknown): ValidationResult {
  if (validate(body)) return { valid: true };
  return { valid: false, errors: toPrimerFieldErrors(validate.errors ?? []) };
}

export function validateClientSessionRequest(body: unknown): ValidationResult {
  return run(validateRequest, body);
}

// `null` means "clear this field" in a PATCH (top level and inside customer and order); the rest is checked as sent.
export function validateClientSessionUpdate(body: unknown): ValidationResult {
  return run(validateUpdate, withoutClearMarkers(body));
}

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutNulls(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
}

function withoutClearMarkers(body: unknown): unknown {
  if (!isObject(body)) return body;
  const fields = withoutNulls(body);
  if (isObject(fields.customer)) fields.customer = withoutNulls(fields.customer);
  if (isObject(fields.order)) fields.order = withoutNulls(fields.order);
  return fields;
}
