// Run by `npm run build` after tsc: each module below becomes Ajv's standalone code for the schemas it compiles, the same
// validators without compiling them at start (docs/performance.md, "What changed, and what each was worth").
// Each entry repeats the options its module compiles with; test/service/orders and test/demo/emulator hold the two to agree.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { CartSchema } from '../dist/service/orders/cart.js';
import { ClientSessionApiRequest, ClientSessionUpdateApiRequest } from '../dist/service/primer/schema/client-session-request.js';

const DIST = path.join(import.meta.dirname, '..', 'dist');

const MODULES = [
  { module: 'service/orders/is-cart.js', options: { allErrors: false }, formats: [], exports: { isCart: CartSchema } },
  {
    module: 'demo/emulator/schema/compiled-validators.js',
    options: { allErrors: true, strict: false },
    formats: ['email', 'uri', 'date-time'],
    exports: { validateRequest: ClientSessionApiRequest, validateUpdate: ClientSessionUpdateApiRequest },
  },
];

for (const { module, options, formats, exports } of MODULES) {
  const ajv = new Ajv({ ...options, code: { source: true } });
  if (formats.length > 0) addFormats(ajv, formats);
  for (const [name, schema] of Object.entries(exports)) ajv.addSchema(schema, name);
  const file = path.join(DIST, module);
  writeFileSync(file, `${standaloneCode(ajv, Object.fromEntries(Object.keys(exports).map((name) => [name, name])))}\n`);
  // tsc's map describes the module this replaces.
  rmSync(`${file}.map`, { force: true });
}
