// Run by `npm run build` after tsc: dist/service/orders/is-cart.js becomes Ajv's standalone code for the cart schema, the
// same validator without compiling it (or loading Ajv and TypeBox) at start (docs/performance.md, "Starting as production starts").
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { CartSchema } from '../dist/service/orders/cart.js';

const ORDERS_DIST = path.join(import.meta.dirname, '..', 'dist', 'service', 'orders');

// The options src/service/orders/is-cart.ts compiles with, plus the source code the standalone output is made from.
const ajv = new Ajv({ allErrors: false, code: { source: true } }).addSchema(CartSchema, 'cart');
writeFileSync(path.join(ORDERS_DIST, 'is-cart.js'), `${standaloneCode(ajv, { isCart: 'cart' })}\n`);
// tsc's map describes the module this replaces.
rmSync(path.join(ORDERS_DIST, 'is-cart.js.map'), { force: true });
