import Ajv from 'ajv';
import { CartSchema, type Cart } from './cart';

// Ajv compiles the cart schema here when the tests run src/; `npm run build` replaces the built module by Ajv's standalone
// code for the same schema (scripts/precompile-validators.mjs), so the built service loads neither Ajv nor TypeBox.
export const isCart = new Ajv({ allErrors: false }).compile<Cart>(CartSchema);
