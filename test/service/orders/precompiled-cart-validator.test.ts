import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DEMO_CARTS } from '../../../src/demo/orders/demo-carts';
import { CartSchema } from '../../../src/service/orders/cart';
import { isCart } from '../../../src/service/orders/is-cart';
import { assertFreshBuild } from '../../edge/support/service-process';
import { brokenCopies, WRONG_VALUES } from '../../support/broken-copies';
import { randomCarts } from '../checkout/client-session/fixtures/random-carts';

const BUILT = path.resolve(__dirname, '../../../dist/service/orders/is-cart.js');

beforeAll(() => assertFreshBuild());

describe('the cart validator the build compiles ahead of time', () => {
  const precompiled = createRequire(__filename)(BUILT) as { isCart: (value: unknown) => boolean };
  const carts: unknown[] = [...DEMO_CARTS, ...randomCarts(20).map(({ cart }) => cart)];
  const candidates = [...carts, ...carts.flatMap(brokenCopies), ...WRONG_VALUES];

  it('when the build has run, then dist/ holds Ajv standalone code for the cart schema itself, not a call to Ajv', () => {
    const code = readFileSync(BUILT, 'utf8');

    expect(code).toContain(JSON.stringify(CartSchema));
    expect(code).not.toMatch(/require\(/);
  });

  it('when it reads valid carts and every broken copy of them, then it accepts and refuses exactly what Ajv compiling the schema does', () => {
    const verdicts = candidates.map((candidate) => [precompiled.isCart(candidate), isCart(candidate)]);

    expect(verdicts.filter(([built, compiled]) => built !== compiled)).toEqual([]);
    expect(verdicts.filter(([built]) => built === true).length).toBeGreaterThanOrEqual(carts.length);
    expect(verdicts.filter(([built]) => built === false).length).toBeGreaterThan(candidates.length / 2);
  });
});
