import request from 'supertest';
import { startFakePrimer, type FakePrimer } from '../../support/fake-primer';
import { buildTestApp, type TestApp } from '../../support/test-app';

const SHOP = 'https://shop.example.com';
const OTHER = 'https://evil.example.net';

let primer: FakePrimer;
let subject: TestApp;

beforeEach(async () => {
  primer = await startFakePrimer();
  subject = buildTestApp({ PRIMER_API_URL: primer.url, CORS_ORIGINS: `${SHOP}, https://admin.example.com` });
});

afterEach(() => primer.close());

function corsHeaders(headers: Record<string, string>): string[] {
  return Object.keys(headers).filter((name) => name.startsWith('access-control-'));
}

describe('CORS', () => {
  it('when a listed origin posts, then it may read the answer with credentials and see the request id', async () => {
    const res = await request(subject.app).post('/checkout/session').set('Origin', SHOP).send({ cartId: 'demo-gbp' });

    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(SHOP);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-expose-headers']?.split(',')).toEqual(expect.arrayContaining(['X-Request-Id', 'Retry-After', 'Date']));
    expect(res.headers['vary']).toContain('Origin');
  });

  it('when a listed origin sends a preflight, then 204 allows POST with JSON and credentials, and nothing is loaded', async () => {
    const res = await request(subject.app)
      .options('/checkout/session')
      .set('Origin', SHOP)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type, authorization');

    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(SHOP);
    expect(res.headers['access-control-allow-methods']?.split(',')).toContain('POST');
    expect(res.headers['access-control-allow-headers']?.toLowerCase()).toContain('content-type');
    expect(res.headers['access-control-allow-headers']?.toLowerCase()).toContain('authorization');
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(Number(res.headers['access-control-max-age'])).toBeGreaterThan(0);
    expect(primer.requests).toHaveLength(0);
  });

  it('when an unlisted origin posts, then the answer carries no CORS header at all', async () => {
    const res = await request(subject.app).post('/checkout/session').set('Origin', OTHER).send({ cartId: 'demo-gbp' });

    expect(corsHeaders(res.headers)).toEqual([]);
    expect(res.headers['vary']).toContain('Origin');
  });

  it('when an unlisted origin sends a preflight, then it gets no CORS header and the route says 405 with Allow', async () => {
    const res = await request(subject.app).options('/checkout/session').set('Origin', OTHER).set('Access-Control-Request-Method', 'POST');

    expect(corsHeaders(res.headers)).toEqual([]);
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('POST');
  });

  it.each([
    ['the null origin of a sandboxed frame', 'null'],
    ['a listed origin on another scheme', 'http://shop.example.com'],
    ['a listed origin on another port', 'https://shop.example.com:8443'],
    ['a subdomain of a listed origin', 'https://x.shop.example.com'],
    ['a listed origin as a prefix', 'https://shop.example.com.evil.net'],
  ])('when the origin is %s, then it gets no CORS header', async (_name, origin) => {
    const res = await request(subject.app).post('/checkout/session').set('Origin', origin).send({ cartId: 'demo-gbp' });

    expect(corsHeaders(res.headers)).toEqual([]);
  });

  it('when CORS_ORIGINS is empty, then no origin gets CORS headers', async () => {
    const closed = buildTestApp({ PRIMER_API_URL: primer.url });

    const res = await request(closed.app).post('/checkout/session').set('Origin', SHOP).send({ cartId: 'demo-gbp' });

    expect(res.status).toBe(200);
    expect(corsHeaders(res.headers)).toEqual([]);
  });
});
