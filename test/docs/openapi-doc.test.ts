import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { parse } from 'yaml';
import { CART_ID } from '../../src/service/routes/checkout-session';
import { primerError } from '../support/fake-primer';
import { useComponentStack } from '../support/component-stack';

interface Operation {
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }>;
}
interface HeaderParameter {
  name: string;
  in: string;
  schema: { pattern?: string };
}
interface ServiceDoc {
  paths: Record<string, Record<string, Operation & { parameters?: { $ref: string }[]; security?: Record<string, string[]>[] }>>;
  components: {
    parameters: Record<string, HeaderParameter>;
    securitySchemes: Record<string, { type: string; scheme?: string }>; schemas: Record<string, { properties?: Record<string, { pattern?: string }> }>; responses: Record<string, Operation['responses'][string]> };
}

const doc = parse(readFileSync(path.resolve(__dirname, '../../docs/openapi.yaml'), 'utf8')) as ServiceDoc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'service.json', components: doc.components });

// The documented schema for this answer, following a $ref to components/responses when there is one.
function documentedSchema(route: string, method: string, status: number, mediaType: string): object | undefined {
  let response = doc.paths[route]?.[method]?.responses[String(status)];
  if (response?.$ref) response = doc.components.responses[response.$ref.split('/').pop()!];
  const schema = response?.content?.[mediaType]?.schema;
  return schema && JSON.parse(JSON.stringify(schema).replaceAll('"#/components', '"service.json#/components'));
}

function expectDocumented(res: request.Response, route: string, method: string): void {
  const mediaType = String(res.headers['content-type']).split(';')[0]!;
  const schema = documentedSchema(route, method, res.status, mediaType);
  expect(schema).toBeDefined();
  const validate = ajv.compile(schema!);
  expect(validate.errors ?? (validate(res.body) ? [] : validate.errors)).toEqual([]);
}

const stack = useComponentStack({ PRIMER_TIMEOUT_MS: '500', PRIMER_MAX_RETRIES: '0' });

describe('docs/openapi.yaml is in step with the code', () => {
  it('when a cart id is checked, then the documented pattern is the one the route enforces', () => {
    expect(doc.components.schemas.CheckoutSessionRequest?.properties?.cartId?.pattern).toBe(CART_ID.source);
  });

  it('when a header the service replaces rather than refuses is declared, then it has no pattern, and odd values still get 200', async () => {
    const operation = doc.paths['/checkout/session']!['post']!;
    const headers = (operation.parameters ?? []).map(({ $ref }) => doc.components.parameters[$ref.split('/').pop()!]!);

    expect(headers.map((header) => header.name).sort()).toEqual(['Cookie', 'X-Request-Id', 'traceparent', 'tracestate']);
    for (const header of headers) expect(header.schema.pattern).toBeUndefined();
    const odd = { 'X-Request-Id': 'no spaces allowed here', traceparent: 'not-a-traceparent', tracestate: '=', Cookie: 'x' };
    const res = await request(stack.subject.app).post('/checkout/session').set(odd).send({ cartId: 'demo-gbp' });
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).not.toBe(odd['X-Request-Id']);
  });

  it('when the forwarded Authorization is declared, then it is an optional security scheme, not a header parameter OpenAPI ignores', () => {
    const operation = doc.paths['/checkout/session']!['post']!;

    expect(operation.security).toEqual([{}, { shopAuthorization: [] }]);
    expect(doc.components.securitySchemes['shopAuthorization']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.values(doc.components.parameters).map((parameter) => parameter.name.toLowerCase())).not.toContain('authorization');
  });

  it.each([
    ['a payable cart', { cartId: 'demo-gbp' }, () => undefined, 200],
    ['a malformed cart id', { cartId: '../x' }, () => undefined, 400],
    ['an unknown cart', { cartId: 'no-such-cart' }, () => undefined, 404],
    ['an empty cart', { cartId: 'demo-empty' }, () => undefined, 422],
    ['Primer refusing', { cartId: 'demo-gbp' }, () => stack.primer.queue(primerError(422)), 502],
    ['Primer down', { cartId: 'demo-gbp' }, () => stack.primer.queue(primerError(503)), 503],
    ['Primer silent', { cartId: 'demo-gbp' }, () => stack.primer.queue(() => undefined), 504],
  ])('when POST /checkout/session meets %s, then the answer matches the documented %#', async (_case, body, arrange, status) => {
    arrange();
    const res = await request(stack.subject.app).post('/checkout/session').send(body);

    expect(res.status).toBe(status);
    expectDocumented(res, '/checkout/session', 'post');
  });

  it.each([
    ['a non-JSON body', 'text/plain', 'hello', 415],
    ['a body over 16 KiB', 'application/json', JSON.stringify({ cartId: 'demo-gbp', pad: 'x'.repeat(17_000) }), 413],
  ])('when POST /checkout/session gets %s, then the documented problem comes back', async (_case, type, body, status) => {
    const res = await request(stack.subject.app).post('/checkout/session').set('Content-Type', type).send(body);

    expect(res.status).toBe(status);
    expectDocumented(res, '/checkout/session', 'post');
  });

  it.each(['/healthz', '/readyz'])('when %s is probed, then the answer matches the documented one', async (route) => {
    const res = await request(stack.subject.app).get(route);

    expect(res.status).toBe(200);
    expectDocumented(res, route, 'get');
  });
});
