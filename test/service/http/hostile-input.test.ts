import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { useComponentStack } from '../../support/component-stack';

const stack = useComponentStack();

const postRaw = (body: string, contentType = 'application/json') => request(stack.subject.app).post('/checkout/session').set('Content-Type', contentType).send(body);

function expectNoUpstreamCall(): void {
  expect(stack.orders.requests).toHaveLength(0);
  expect(stack.primer.requests).toHaveLength(0);
}

describe('hostile cart ids', () => {
  it.each([
    ['a parent directory', '..'],
    ['a path climb', '../admin'],
    ['an encoded path climb', '%2e%2e%2fadmin'],
    ['a slash', 'demo-gbp/items'],
    ['an encoded slash', 'demo%2Fgbp'],
    ['a query', 'demo-gbp?admin=1'],
    ['a fragment', 'demo-gbp#x'],
    ['a leading dash', '-demo-gbp'],
    ['a dot', 'demo.gbp'],
    ['white space', ' demo-gbp'],
    ['a new line', 'demo-gbp\n'],
    ['a NUL byte', 'demo\u0000gbp'],
    ['non-ASCII letters', 'démo-gbp'],
    ['an absolute URL', 'http://169.254.169.254/latest'],
    ['129 characters', 'a'.repeat(129)],
    ['an empty string', ''],
  ])('when the cartId is %s, then 400 and the order service is never asked', async (_name, cartId) => {
    const res = await request(stack.subject.app).post('/checkout/session').send({ cartId });

    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
    expectNoUpstreamCall();
  });

  it.each([
    ['a number', 42],
    ['an array', ['demo-gbp']],
    ['an object', { id: 'demo-gbp' }],
    ['null', null],
    ['true', true],
  ])('when the cartId is %s, then 400 and the order service is never asked', async (_name, cartId) => {
    const res = await request(stack.subject.app).post('/checkout/session').send({ cartId });

    expect(res.status).toBe(400);
    expectNoUpstreamCall();
  });

  it('when the cartId sits only under __proto__, then 400: no prototype trick supplies it', async () => {
    const res = await postRaw('{"__proto__":{"cartId":"demo-gbp"},"constructor":{"prototype":{"cartId":"demo-gbp"}}}');

    expect(res.status).toBe(400);
    expectNoUpstreamCall();
  });

  it('when the longest allowed cartId is sent, then it reaches the order service URL-safe and whole', async () => {
    const cartId = `A${'b_-9'.repeat(31)}xyz`;

    const res = await request(stack.subject.app).post('/checkout/session').send({ cartId });

    expect(cartId).toHaveLength(128);
    expect(res.status).toBe(404);
    expect(stack.orders.requests.map((sent) => sent.url)).toEqual([`/carts/${cartId}`]);
    expect(stack.primer.requests).toHaveLength(0);
  });
});

describe('hostile bodies', () => {
  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['JSON in Latin-1', 'application/json; charset=iso-8859-1'],
    ['a JSON look-alike', 'application/jsonx'],
  ])('when the body is %s, then 415 and no upstream call', async (_name, contentType) => {
    const res = await postRaw('{"cartId":"demo-gbp"}', contentType);

    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported_media_type');
    expectNoUpstreamCall();
  });

  it('when no Content-Type is sent, then 415', async () => {
    const res = await request(stack.subject.app).post('/checkout/session').send(Buffer.from('{"cartId":"demo-gbp"}'));

    expect(res.status).toBe(415);
    expectNoUpstreamCall();
  });

  it.each([
    ['truncated JSON', '{"cartId":"demo-gbp"'],
    ['a JSON string', '"demo-gbp"'],
    ['a JSON array', '[{"cartId":"demo-gbp"}]'],
    ['an empty body', ''],
    ['binary junk', '\u0000\u00ff\u00fe{'],
  ])('when the body is %s, then 400 and no upstream call', async (_name, body) => {
    const res = await postRaw(body);

    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
    expectNoUpstreamCall();
  });

  it.each([
    ['gzip that is not gzip', 'gzip', Buffer.from('{"cartId":"demo-gbp"}')],
    ['brotli that is not brotli', 'br', Buffer.from('{"cartId":"demo-gbp"}')],
    ['real gzip', 'gzip', gzipSync('{"cartId":"demo-gbp"}')],
    ['an unknown encoding', 'x-custom', Buffer.from('{"cartId":"demo-gbp"}')],
  ])('when the body is %s, then 415 without decompressing anything, and no upstream call', async (_name, encoding, body) => {
    const res = await request(stack.subject.app).post('/checkout/session').set('Content-Type', 'application/json').set('Content-Encoding', encoding).send(body);

    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported_media_type');
    expectNoUpstreamCall();
  });

  it('when the body is one byte over 16 KiB, then 413 and no upstream call', async () => {
    const prefix = '{"cartId":"demo-gbp","pad":"';
    const body = `${prefix}${'x'.repeat(16 * 1024 - prefix.length - 1)}"}`;

    const res = await postRaw(body);

    expect(Buffer.byteLength(body)).toBe(16 * 1024 + 1);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
    expectNoUpstreamCall();
  });

  it('when a body is nested as deep as 16 KiB allows, then it is parsed without harm and only cartId is read', async () => {
    const depth = 8_000;
    const body = `{"cartId":"demo-gbp","deep":${'['.repeat(depth)}${']'.repeat(depth)}}`;

    const res = await postRaw(body);

    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(16 * 1024);
    expect(res.status).toBe(200);
    expect(stack.primer.requests[0]?.body).not.toContain('deep');
  });

  it('when the deep nesting hides the cartId, then 400 and no upstream call', async () => {
    const depth = 2_500;
    const body = `${'{"a":'.repeat(depth)}{"cartId":"demo-gbp"}${'}'.repeat(depth)}`;

    const res = await postRaw(body);

    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(16 * 1024);
    expect(res.status).toBe(400);
    expectNoUpstreamCall();
  });
});

describe('unknown methods on known routes', () => {
  it.each(['GET', 'PUT', 'PATCH', 'DELETE'])('when %s /checkout/session, then 405 with Allow: POST', async (method) => {
    const res = await request(stack.subject.app)[method.toLowerCase() as 'get' | 'put' | 'patch' | 'delete']('/checkout/session');

    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('POST');
    expect(res.body.code).toBe('method_not_allowed');
    expectNoUpstreamCall();
  });

  it.each(['/healthz', '/readyz'])('when POST %s, then 405 with Allow: GET', async (path) => {
    const res = await request(stack.subject.app).post(path);

    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('GET');
  });
});
