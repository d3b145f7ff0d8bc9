import type { ErrorObject } from 'ajv';

// One entry of Primer's 422 `validationErrors[].errors[]`: https://primer.io/docs/api#section/API-Usage-Guide/Errors
export interface PrimerFieldError {
  path: string;
  description: string;
}

// Ajv's JSON pointer (`/order/lineItems/0/amount`) in Primer's style (`$.order.lineItems[0].amount`).
export function primerPath(instancePath: string, child?: string): string {
  const segments = instancePath === '' ? [] : instancePath.slice(1).split('/');
  if (child !== undefined) segments.push(child);
  let path = '$';
  for (const raw of segments) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`;
  }
  return path;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'Field required';
    case 'additionalProperties':
      return 'Extra fields not permitted';
    case 'type':
      return `Value must be a valid ${String(params.type)}`;
    case 'enum':
      return 'Value is not a valid enumeration member';
    case 'minLength':
      return `Ensure this value has at least ${String(params.limit)} characters`;
    case 'maxLength':
      return `Ensure this value has at most ${String(params.limit)} characters`;
    case 'minimum':
      return `Ensure this value is greater than or equal to ${String(params.limit)}`;
    case 'format':
      return `Value must be a valid ${String(params.format)}`;
    default:
      return error.message ?? 'Value is not valid';
  }
}

function fieldPath(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return primerPath(error.instancePath, String(params.missingProperty));
  if (error.keyword === 'additionalProperties') return primerPath(error.instancePath, String(params.additionalProperty));
  return primerPath(error.instancePath);
}

// A metadata value that is neither string nor integer fails both branches of its union: report it once.
export function toPrimerFieldErrors(errors: readonly ErrorObject[]): PrimerFieldError[] {
  const byPath = new Map<string, PrimerFieldError>();
  for (const error of errors) {
    const path = fieldPath(error);
    if (error.keyword === 'anyOf') {
      byPath.set(path, { path, description: 'Value must be a valid string or integer' });
    } else if (!byPath.has(path)) {
      byPath.set(path, { path, description: describe(error) });
    }
  }
  return [...byPath.values()];
}
