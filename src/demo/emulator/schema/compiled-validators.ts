import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { ClientSessionApiRequest, ClientSessionUpdateApiRequest } from '../../../service/primer/schema/client-session-request';

// Ajv compiles Primer's payload schemas here when the tests run src/; `npm run build` replaces the built module by Ajv's
// standalone code for the same schemas (scripts/precompile-validators.mjs), so the demo world starts without compiling them.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv, ['email', 'uri', 'date-time']);

export const validateRequest = ajv.compile(ClientSessionApiRequest);
export const validateUpdate = ajv.compile(ClientSessionUpdateApiRequest);
