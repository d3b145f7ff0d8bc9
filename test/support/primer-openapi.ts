import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

// Primer's own OpenAPI description: test data only, the product never reads it.
export const PRIMER_OPENAPI_PATH = path.resolve(__dirname, '../../../shared/primer/openapi-2.4.yml');

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

let cachedDocument: OpenApiDocument | undefined;

export function loadPrimerOpenApi(): OpenApiDocument {
  cachedDocument ??= parse(readFileSync(PRIMER_OPENAPI_PATH, 'utf8')) as OpenApiDocument;
  return cachedDocument;
}

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

// Ajv in OpenAPI 3.0 mode: `nullable` and `discriminator` understood, `example` and friends ignored.
function openApiAjv(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, discriminator: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'primer.json', components: loadPrimerOpenApi().components });
  }
  return ajv;
}

export function primerSchemaValidator(schemaName: string): ValidateFunction {
  let validate = validators.get(schemaName);
  if (!validate) {
    validate = openApiAjv().compile({ $ref: `primer.json#/components/schemas/${schemaName}` });
    validators.set(schemaName, validate);
  }
  return validate;
}

// Returns Ajv's errors for `body` against the named schema of Primer's file; an empty list means valid.
export function primerSchemaErrors(schemaName: string, body: unknown): ErrorObject[] {
  const validate = primerSchemaValidator(schemaName);
  return validate(body) ? [] : [...(validate.errors ?? [])];
}
