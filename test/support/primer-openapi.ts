import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { HOW_TO_GET_PRIMER_OPENAPI, primerOpenApiFile } from './primer-openapi-file';

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

let cachedDocument: OpenApiDocument | undefined;

// Read when a contract test first needs it, never at collection: a skipped suite must not touch the file.
export function loadPrimerOpenApi(): OpenApiDocument {
  const file = primerOpenApiFile();
  if (file === undefined) throw new Error(`Primer's OpenAPI file is required here and not found. ${HOW_TO_GET_PRIMER_OPENAPI}`);
  cachedDocument ??= parse(readFileSync(file, 'utf8')) as OpenApiDocument;
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
