import request from 'supertest';
import { DEMO_CARTS } from '../../src/orders/demo-carts';
import { startFakeOrderService, type FakeOrderService } from '../support/fake-order-service';
import { startFakePrimer, type FakePrimer } from '../support/fake-primer';
import { buildTestApp, type TestApp } from '../support/test-app';

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

let primer: FakePrimer;
let orders: FakeOrderService;
let subject: TestApp;

beforeEach(async () => {
  primer = await startFakePrimer();
  orders = await startFakeOrderService(DEMO_CARTS);
  subject = buildTestApp({ PRIMER_API_URL: primer.url, ORDER_SERVICE_URL: orders.url, TRUST_PROXY: 'loopback' });
});

afterEach(async () => {
  await primer.close();
  await orders.close();
});

describe('what of the shopper goes where', () => {
  it('when the browser sends credentials and identifying headers, then the order service gets exactly the credentials, unchanged', async () => {
    await request(subject.app).post('/checkout/session').set(SHOPPER).send({ cartId: 'demo-gbp' }).expect(200);

    const sent = orders.requests[0]!;
    expect(sent.headers['authorization']).toBe(SHOPPER.Authorization);
    expect(sent.headers['cookie']).toBe(SHOPPER.Cookie);
    expect(sent.headers['user-agent']).not.toBe(SHOPPER['User-Agent']);
    expect(sent.headers['x-forwarded-for']).toBeUndefined();
    expect(sent.headers['referer']).toBeUndefined();
  });

  it('when the browser sends credentials and identifying headers, then Primer gets none of them, in headers or body', async () => {
    await request(subject.app).post('/checkout/session').set(SHOPPER).send({ cartId: 'demo-gbp', email: 'shopper@evil.example' }).expect(200);

    const sent = primer.requests[0]!;
    expect(Object.keys(sent.headers).filter((name) => !PRIMER_HEADERS.includes(name))).toEqual([]);
    const everything = JSON.stringify(sent.headers) + sent.body;
    for (const value of ['shopper-jwt', 'shopper-cookie', 'tok-9i0j', 'fingerprint-k1l2', '198.51.100.77', 'x-shopper', 'shopper-ref', 'shopper@evil']) {
      expect(everything).not.toContain(value);
    }
  });
});
