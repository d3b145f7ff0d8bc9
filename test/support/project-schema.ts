import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { ClientSessionApiRequest, ClientSessionUpdateApiRequest } from '../../src/service/primer/schema/client-session-request';

// The project's own schema of Primer's payload, compiled as the emulator compiles it; test/contract holds it against Primer's file.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv, ['email', 'uri', 'date-time']);

const VALIDATORS = {
  ClientSessionAPIRequest: ajv.compile(ClientSessionApiRequest),
  ClientSessionUpdateAPIRequest: ajv.compile(ClientSessionUpdateApiRequest),
};

// Returns Ajv's errors for `body` against the named schema of ours, as Primer names it; an empty list means valid.
export function projectSchemaErrors(schemaName: keyof typeof VALIDATORS, body: unknown): ErrorObject[] {
  const validate = VALIDATORS[schemaName];
  return validate(body) ? [] : [...(validate.errors ?? [])];
}
