import { validateClientSessionRequest, validateClientSessionUpdate } from '../../src/demo/emulator/schema/validators';
import { startEmulator, type RunningEmulator } from '../../src/demo/emulator/start-emulator';
import { emulatorClient, GBP_SESSION } from '../demo/emulator/support/emulator-client';
import { loadPrimerOpenApi, primerSchemaErrors } from '../support/primer-openapi';
import { describeWithPrimerOpenApi } from './support/describe-with-primer-openapi';

type Operation = { requestBody?: { content?: Record<string, { schema?: { $ref?: string }; example?: unknown; examples?: Record<string, { value: unknown }> }> } };

// Every request example Primer's file gives for /client-session: on the operation and on the schema it names.
function requestExamples(method: 'post' | 'patch'): { schemaName: string; examples: unknown[] } {
  const document = loadPrimerOpenApi();
  const content = (document.paths['/client-session']?.[method] as Operation).requestBody?.content?.['application/json'];
  const schemaName = String(content?.schema?.$ref).replace('#/components/schemas/', '');
  const schemaExample = document.components.schemas[schemaName]?.example;
  const examples = [
    ...(content?.example === undefined ? [] : [content.example]),
    ...Object.values(content?.examples ?? {}).map(({ value }) => value),
    ...(schemaExample === undefined ? [] : [schemaExample]),
  ];
  return { schemaName, examples };
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

type Examples = ReturnType<typeof requestExamples>;

describeWithPrimerOpenApi("Primer's request examples for /client-session", () => {
  let post: Examples;
  let patch: Examples;
  beforeAll(() => {
    post = requestExamples('post');
    patch = requestExamples('patch');
  });

  it('are found in the file, for POST and for PATCH', () => {
    expect(post.schemaName).toBe('ClientSessionAPIRequest');
    expect(patch.schemaName).toBe('ClientSessionUpdateAPIRequest');
    expect(post.examples.length).toBeGreaterThan(0);
    expect(patch.examples.length).toBeGreaterThan(0);
  });

  it("are accepted by the project's validator wherever Primer's own schema accepts them", () => {
    for (const example of post.examples) {
      expect(validateClientSessionRequest(example).valid).toBe(primerSchemaErrors(post.schemaName, example).length === 0);
    }
    for (const example of patch.examples) {
      expect(validateClientSessionUpdate(example).valid).toBe(primerSchemaErrors(patch.schemaName, example).length === 0);
    }
  });

  // The POST example's `"countryCode": "FR,"` is a typo in Primer's file: both schemas refuse it, on the same field.
  it('when an example breaks Primer’s own schema, then ours refuses the same field, and accepts it mended', () => {
    for (const example of post.examples) {
      const primerPaths = primerSchemaErrors(post.schemaName, example).map((error) => error.instancePath);
      const verdict = validateClientSessionRequest(example);
      if (primerPaths.length === 0) continue;
      expect(verdict.valid ? [] : verdict.errors.map((error) => error.path)).toEqual(['$.order.countryCode']);
      expect(primerPaths).toEqual(['/order/countryCode']);
      const mended = clone(example) as { order: { countryCode: string } };
      mended.order.countryCode = 'FR';
      expect(validateClientSessionRequest(mended)).toEqual({ valid: true });
      expect(primerSchemaErrors(post.schemaName, mended)).toEqual([]);
    }
  });

  describe('sent to the emulator', () => {
    let emulator: RunningEmulator;
    beforeAll(async () => {
      emulator = await startEmulator();
    });
    afterAll(() => emulator.close());

    it('when each POST example (mended where Primer’s file breaks itself) is sent, then a session is created', async () => {
      const client = emulatorClient(emulator.url);
      for (const example of post.examples) {
        const body = clone(example) as { order?: { countryCode?: string } };
        if (body.order?.countryCode === 'FR,') body.order.countryCode = 'FR';
        const response = await client.post('/client-session', body);
        expect(response.status).toBe(200);
        expect(typeof response.data.clientToken).toBe('string');
      }
    });

    it('when each PATCH example is sent with a live token, then the session is updated', async () => {
      const client = emulatorClient(emulator.url);
      for (const example of patch.examples) {
        const created = await client.post('/client-session', GBP_SESSION);
        const response = await client.patch('/client-session', { ...(example as object), clientToken: created.data.clientToken });
        expect(response.status).toBe(200);
      }
    });
  });
});
