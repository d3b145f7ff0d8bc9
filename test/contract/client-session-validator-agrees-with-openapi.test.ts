import { validateClientSessionRequest } from '../../src/demo/emulator/schema/validators';
import { primerPath } from '../../src/demo/emulator/schema/validation-errors';
import { primerSchemaErrors } from '../support/primer-openapi';
import { describeWithPrimerOpenApi } from './support/describe-with-primer-openapi';
import { FULL_CLIENT_SESSION } from './support/full-client-session';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// Every leaf of a body, as a path of keys and indexes, with its value.
function leaves(value: Json, path: (string | number)[] = []): { path: (string | number)[]; value: Json }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [{ path, value }];
}

function withLeaf(body: Json, path: (string | number)[], replacement: Json): Json {
  const copy = JSON.parse(JSON.stringify(body)) as Json;
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path[path.length - 1] as string | number] = replacement;
  return copy;
}

// Wrong types, empty and over-long strings, negative and fractional numbers, in place of each valid leaf.
function breakages(value: Json): [string, Json][] {
  if (typeof value === 'string') return [['an empty string', ''], ['1025 characters', 'x'.repeat(1025)], ['a number', 7], ['null', null]];
  if (typeof value === 'number') return [['-1', -1], ['0.5', 0.5], ['a string', String(value)], ['null', null]];
  if (typeof value === 'boolean') return [['a string', 'true'], ['a number', 1]];
  return [];
}

// Where the project's schema is knowingly stricter than the file: metadata values (see client-session-request.ts).
const KNOWN_STRICTER = [/^\/metadata\//];

const cases = leaves(FULL_CLIENT_SESSION as Json).flatMap(({ path, value }) =>
  breakages(value).map(([change, replacement]) => ({
    change,
    at: primerPath(`/${path.join('/')}`),
    pointer: `/${path.join('/')}`,
    replacement,
    body: withLeaf(FULL_CLIENT_SESSION as Json, path, replacement),
  })),
);

describeWithPrimerOpenApi("the project's validator against Primer's file, field by field", () => {
  it('accepts the full body, as the file does', () => {
    expect(primerSchemaErrors('ClientSessionAPIRequest', FULL_CLIENT_SESSION)).toEqual([]);
    expect(validateClientSessionRequest(FULL_CLIENT_SESSION)).toEqual({ valid: true });
  });

  it.each(cases.filter(({ pointer }) => !KNOWN_STRICTER.some((pattern) => pattern.test(pointer))))(
    'when $at becomes $change, then both give the same verdict on the same fields',
    ({ body }) => {
      const primerPaths = primerSchemaErrors('ClientSessionAPIRequest', body).map((error) => primerPath(error.instancePath));
      const verdict = validateClientSessionRequest(body);
      const ourPaths = verdict.valid ? [] : verdict.errors.map((error) => error.path);

      expect([...new Set(ourPaths)].sort()).toEqual([...new Set(primerPaths)].sort());
    },
  );
});

// Needs only the project's validator, so it runs without Primer's file too.
describe("where the project's validator is knowingly stricter than Primer's file", () => {
  it('when a metadata value is neither a string nor an integer, then ours refuses it, as Primer describes', () => {
    const body = { ...FULL_CLIENT_SESSION, metadata: { ratio: 0.5, nested: { a: 1 } } };

    expect(validateClientSessionRequest(body)).toEqual({
      valid: false,
      errors: [
        { path: '$.metadata.ratio', description: 'Value must be a valid string or integer' },
        { path: '$.metadata.nested', description: 'Value must be a valid string or integer' },
      ],
    });
  });
});
