import request from 'supertest';
import { primerError } from '../../support/fake-primer';
import { useComponentStack } from '../../support/component-stack';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const stack = useComponentStack({ RATE_LIMIT_PER_MINUTE: '1' });

describe('request ids', () => {
  it.each(['abcd1234', 'req-2f9c0a77-edge', 'trace.id:01HZY5V8Q0_x', 'a'.repeat(64)])('when the incoming id %s is sane, then it is kept and returned', async (id) => {
    const res = await request(stack.subject.app).get('/healthz').set('X-Request-Id', id);

    expect(res.headers['x-request-id']).toBe(id);
  });

  it.each([
    ['too short', 'abc1234'],
    ['too long', 'a'.repeat(65)],
    ['with a space', 'abc 12345678'],
    ['with markup', '<script>alert(1)</script>'],
    ['with a slash', 'abcd/1234/efgh'],
    ['with non-ASCII', 'réquest-0000001'],
    ['with a quote', 'abcd"12345678'],
  ])('when the incoming id is %s, then a fresh UUID replaces it', async (_name, id) => {
    const res = await request(stack.subject.app).get('/healthz').set('X-Request-Id', id);

    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  it('when no id comes in, then each response gets its own', async () => {
    const first = await request(stack.subject.app).get('/healthz');
    const second = await request(stack.subject.app).get('/healthz');

    expect(first.headers['x-request-id']).toMatch(UUID);
    expect(second.headers['x-request-id']).toMatch(UUID);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });

  it('when a request reaches both upstreams, then both get the same id the browser gets back', async () => {
    const res = await request(stack.subject.app).post('/checkout/session').set('X-Request-Id', 'req-upstreams-0001').send({ cartId: 'demo-gbp' });

    expect(res.status).toBe(200);
    expect(stack.orders.requests.map((sent) => sent.headers['x-request-id'])).toEqual(['req-upstreams-0001']);
    expect(stack.primer.requests.map((sent) => sent.headers['x-request-id'])).toEqual(['req-upstreams-0001']);
  });

  it('when a made-up id is used, then the upstreams get that id too', async () => {
    const res = await request(stack.subject.app).post('/checkout/session').set('X-Request-Id', 'bad id').send({ cartId: 'demo-gbp' });

    const id = res.headers['x-request-id'];
    expect(id).toMatch(UUID);
    expect(stack.orders.requests[0]?.headers['x-request-id']).toBe(id);
    expect(stack.primer.requests[0]?.headers['x-request-id']).toBe(id);
  });

  it.each([
    ['404', () => request(stack.subject.app).get('/nope')],
    ['405', () => request(stack.subject.app).delete('/checkout/session')],
    ['415', () => request(stack.subject.app).post('/checkout/session').set('Content-Type', 'text/plain').send('cartId=demo-gbp')],
    ['400', () => request(stack.subject.app).post('/checkout/session').send({ cartId: '../etc' })],
    ['413', () => request(stack.subject.app).post('/checkout/session').send({ cartId: 'demo-gbp', pad: 'x'.repeat(17 * 1024) })],
  ])('when the answer is a %s problem, then its body carries the response id', async (_status, send) => {
    const res = await send();

    expect(res.type).toBe('application/problem+json');
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('when the answer is a 429 problem, then its body carries the response id', async () => {
    await request(stack.subject.app).post('/checkout/session').send({ cartId: 'demo-gbp' });
    const res = await request(stack.subject.app).post('/checkout/session').send({ cartId: 'demo-gbp' });

    expect(res.status).toBe(429);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('when a request goes through retries and fails, then every log line it caused names its id', async () => {
    stack.primer.queue(primerError(503), primerError(503), primerError(503));
    stack.subject.logs.length = 0;

    const res = await request(stack.subject.app).post('/checkout/session').set('X-Request-Id', 'req-logged-00001').send({ cartId: 'demo-gbp' });

    expect(res.status).toBe(503);
    const lines = stack.subject.logs.map((line) => JSON.parse(line) as { requestId?: string; msg: string });
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['retrying Primer', 'upstream failure', 'request']));
    for (const line of lines) expect(line).toMatchObject({ requestId: 'req-logged-00001' });
  });
});
