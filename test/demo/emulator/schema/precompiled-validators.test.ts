import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { validateRequest, validateUpdate } from '../../../../src/demo/emulator/schema/compiled-validators';
import { ClientSessionApiRequest, ClientSessionUpdateApiRequest } from '../../../../src/service/primer/schema/client-session-request';
import { FULL_CLIENT_SESSION } from '../../../contract/support/full-client-session';
import { assertFreshBuild } from '../../../edge/support/service-process';
import { brokenCopies, WRONG_VALUES } from '../../../support/broken-copies';

const BUILT = path.resolve(__dirname, '../../../../dist/demo/emulator/schema/compiled-validators.js');

beforeAll(() => assertFreshBuild());

// What a validator says about a body: its verdict and, when it refuses, every error Ajv reports (the emulator answers with them).
function reading(validate: ValidateFunction, body: unknown) {
  return validate(body) ? 'valid' : validate.errors;
}

describe("the emulator's validators the build compiles ahead of time", () => {
  const precompiled = createRequire(__filename)(BUILT) as { validateRequest: ValidateFunction; validateUpdate: ValidateFunction };
  const bodies = [FULL_CLIENT_SESSION, ...brokenCopies(FULL_CLIENT_SESSION), ...WRONG_VALUES];

  it('when the build has run, then dist/ holds Ajv standalone code for both of Primer\'s payload schemas', () => {
    const code = readFileSync(BUILT, 'utf8');

    expect(code).toContain(JSON.stringify(ClientSessionApiRequest));
    expect(code).toContain(JSON.stringify(ClientSessionUpdateApiRequest));
  });

  it.each([
    ['POST', 'validateRequest'],
    ['PATCH', 'validateUpdate'],
  ] as const)('when a %s body and every broken copy of it are read, then the built validator reports exactly the errors Ajv compiling the schema does', (_method, name) => {
    const compiled = { validateRequest, validateUpdate }[name];
    const readings = bodies.map((body) => [reading(precompiled[name], body), reading(compiled, body)]);

    expect(readings.filter(([built, fresh]) => JSON.stringify(built) !== JSON.stringify(fresh))).toEqual([]);
    expect(readings.filter(([built]) => built === 'valid').length).toBeGreaterThan(0);
    expect(readings.filter(([built]) => built !== 'valid').length).toBeGreaterThan(bodies.length / 2);
  });
});
