import request from 'supertest';
import { useComponentStack } from '../../support/component-stack';

// What Primer needs and what any HTTP client sends; everything else would be the shopper's.
const PRIMER_HEADERS = ['accept', 'accept-encoding', 'connection', 'content-length', 'content-type', 'host', 'user-agent', 'x-api-key', 'x-api-version', 'x-request-id'];

const SHOPPER = {
  Authorization: 'Bearer shopper-jwt-a1b2c3d4e5',
  Cookie: 'session=shopper-cookie-f6g7h8; csrf=tok-9i0j',
  'User-Agent': 'ShopperBrowser/9.9 (fingerprint-k1l2)',
  'X-Forwarded-For': '198.51.100.77',
  'Accept-Language': 'en-GB-x-shopper',
  Referer: 'https://shop.example.com/basket?promo=shopper-ref-m3n4',
};

const stack = useComponentStack({ TRUST_PROXY: 'loopback' });

describe('what of the shopper goes where', () => {
  it('when the browser sends credentials and identifying headers, then the order service gets exactly the credentials, unchanged', async () => {
    await request(stack.subject.app).post('/checkout/session').set(SHOPPER).send({ cartId: 'demo-gbp' }).expect(200);

    const sent = stack.orders.requests[0]!;
    expect(sent.headers['authorization']).toBe(SHOPPER.Authorization);
    expect(sent.headers['cookie']).toBe(SHOPPER.Cookie);
    expect(sent.headers['user-agent']).not.toBe(SHOPPER['User-Agent']);
    expect(sent.headers['x-forwarded-for']).toBeUndefined();
    expect(sent.headers['referer']).toBeUndefined();
  });

  it('when the browser sends credentials and identifying headers, then Primer gets none of them, in headers or body', async () => {
    await request(stack.subject.app).post('/checkout/session').set(SHOPPER).send({ cartId: 'demo-gbp', email: 'shopper@evil.example' }).expect(200);

    const sent = stack.primer.requests[0]!;
    expect(Object.keys(sent.headers).filter((name) => !PRIMER_HEADERS.includes(name))).toEqual([]);
    const everything = JSON.stringify(sent.headers) + sent.body;
    for (const value of ['shopper-jwt', 'shopper-cookie', 'tok-9i0j', 'fingerprint-k1l2', '198.51.100.77', 'x-shopper', 'shopper-ref', 'shopper@evil']) {
      expect(everything).not.toContain(value);
    }
  });
});
