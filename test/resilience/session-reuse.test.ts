import type { Cart } from '../../src/service/orders/cart';
import { DEMO_CARTS } from '../../src/demo/orders/demo-carts';
import { afterDelay, sendText } from '../support/fake-http-server';
import { startFakeOrderService, type FakeOrderService } from '../support/fake-order-service';
import { createdWith, primerError, primerExpiryIn, startFakePrimer, type FakePrimer, type PrimerReply } from '../support/fake-primer';
import { projectSchemaErrors } from '../support/project-schema';
import { buildTestApp, type TestApp } from '../support/test-app';
import { openSessionTimed } from './support/shopper-answer';

const HOUR_MS = 3_600_000;

let primer: FakePrimer;
let orders: FakeOrderService;

beforeEach(async () => {
  primer = await startFakePrimer();
  // Primer's tokens live 24 hours; relative to now, so the suite does not age out.
  primer.expiry = primerExpiryIn(24 * HOUR_MS);
  orders = await startFakeOrderService(DEMO_CARTS);
});

afterEach(async () => {
  await primer.close();
  await orders.close();
});

function subjectWith(env: Record<string, string> = {}): TestApp {
  return buildTestApp({ PRIMER_API_URL: primer.url, ORDER_SERVICE_URL: orders.url, PRIMER_TIMEOUT_MS: '1500', ORDER_SERVICE_TIMEOUT_MS: '600', ...env });
}

async function tokenFor(subject: TestApp, cartId = 'demo-gbp', headers: Record<string, string> = {}): Promise<string> {
  const { res } = await openSessionTimed(subject.app, cartId, headers);
  expect(res.status).toBe(200);
  return (res.body as { clientToken: string }).clientToken;
}

// The cart after the shopper added one more of the first item: a new version and a new amount.
function changeCart(cartId: string): Cart {
  const cart = orders.carts.get(cartId)!;
  const [first, ...others] = cart.items;
  const changed: Cart = { ...cart, version: `${cart.version}-changed`, items: [{ ...first!, quantity: first!.quantity + 1 }, ...others] };
  // The stated total would no longer match the items.
  delete changed.totalAmount;
  orders.carts.set(cartId, changed);
  return changed;
}

const methods = () => primer.requests.map((req) => req.method);

// Holds Primer's answer until every shopper's cart has loaded (and a moment more), so all of them are waiting on this one call.
const onceAllCartsLoaded =
  (count: number, reply: PrimerReply): PrimerReply =>
  (req, res) => {
    const poll = setInterval(() => {
      if (orders.requests.length < count) return;
      clearInterval(poll);
      afterDelay(res, 100, () => reply(req, res));
    }, 10);
    res.on('close', () => clearInterval(poll));
  };

describe('session reuse', () => {
  it('when the same cart is asked for twice, then Primer is called once and both answers carry the same token and expiry', async () => {
    const subject = subjectWith();

    const first = await openSessionTimed(subject.app, 'demo-gbp');
    const second = await openSessionTimed(subject.app, 'demo-gbp');

    expect(second.res.status).toBe(200);
    expect(second.res.body).toEqual(first.res.body);
    expect(methods()).toEqual(['POST']);
    expect(orders.requests).toHaveLength(2);
  });

  it('when the cart version changed, then one PATCH that the project\'s schema accepts updates the session and the token stays the same', async () => {
    const subject = subjectWith();
    const token = await tokenFor(subject);
    changeCart('demo-gbp');

    expect(await tokenFor(subject)).toBe(token);

    expect(methods()).toEqual(['POST', 'PATCH']);
    const patch = JSON.parse(primer.calls('PATCH')[0]!.body) as { clientToken: string; amount: number };
    expect(projectSchemaErrors('ClientSessionUpdateAPIRequest', patch)).toEqual([]);
    expect(patch.clientToken).toBe(token);
    const created = JSON.parse(primer.calls('POST')[0]!.body) as { amount: number };
    expect(patch.amount).toBeGreaterThan(created.amount);
  });

  it('when the updated cart is asked for again, then the updated session is reused without another call', async () => {
    const subject = subjectWith();
    const token = await tokenFor(subject);
    changeCart('demo-gbp');
    await tokenFor(subject);

    expect(await tokenFor(subject)).toBe(token);
    expect(methods()).toEqual(['POST', 'PATCH']);
  });

  it.each([400, 404, 410, 422])('when Primer refuses the update with %i, then a new session is created, returned, and reused afterwards', async (status) => {
    const subject = subjectWith();
    const oldToken = await tokenFor(subject);
    changeCart('demo-gbp');
    primer.queue(primerError(status));

    const newToken = await tokenFor(subject);

    expect(newToken).not.toBe(oldToken);
    expect(methods()).toEqual(['POST', 'PATCH', 'POST']);
    expect(await tokenFor(subject)).toBe(newToken);
    expect(methods()).toEqual(['POST', 'PATCH', 'POST']);
  });

  it('when Primer refuses the update slowly and then never answers the create, then update and create share one PRIMER_TIMEOUT_MS', async () => {
    const subject = subjectWith();
    await tokenFor(subject);
    changeCart('demo-gbp');
    primer.queue((req, res) => afterDelay(res, 1000, () => primerError(400)(req, res)), () => undefined);

    const { res, elapsedMs } = await openSessionTimed(subject.app, 'demo-gbp');

    expect(res.status).toBe(504);
    expect(methods()).toEqual(['POST', 'PATCH', 'POST']);
    expect(elapsedMs).toBeLessThan(1500 + 600 + 300);
  });

  it('when Primer refuses the update and the new session fails too, then the next request does not offer Primer the refused token again', async () => {
    const subject = subjectWith({ PRIMER_MAX_RETRIES: '0' });
    await tokenFor(subject);
    changeCart('demo-gbp');
    primer.queue(primerError(404), primerError(503));
    expect((await openSessionTimed(subject.app, 'demo-gbp')).res.status).toBe(503);

    await tokenFor(subject);

    expect(methods()).toEqual(['POST', 'PATCH', 'POST', 'POST']);
  });

  it('when Primer is unavailable for the update, then the shopper gets 503 and no new session is created behind its back', async () => {
    const subject = subjectWith({ PRIMER_MAX_RETRIES: '0' });
    await tokenFor(subject);
    changeCart('demo-gbp');
    primer.queue(primerError(503));

    const { res } = await openSessionTimed(subject.app, 'demo-gbp');

    expect(res.status).toBe(503);
    expect(methods()).toEqual(['POST', 'PATCH']);
  });

  it('when 50 identical requests arrive together, then Primer is called once and all 50 shoppers get the same token', async () => {
    const subject = subjectWith();
    primer.queue(onceAllCartsLoaded(50, (req, res) => createdWith(primer.expiry)(req, res)));

    const answers = await Promise.all(Array.from({ length: 50 }, () => openSessionTimed(subject.app, 'demo-gbp')));

    expect(answers.map(({ res }) => res.status)).toEqual(Array(50).fill(200));
    expect(new Set(answers.map(({ res }) => (res.body as { clientToken: string }).clientToken)).size).toBe(1);
    expect(primer.requests).toHaveLength(1);
    // Sharing the Primer call never skips the ownership check: every request loaded the cart.
    expect(orders.requests).toHaveLength(50);
  });

  it('when 50 identical requests arrive together and the shared Primer call fails, then all 50 get the same error from one call', async () => {
    const subject = subjectWith({ PRIMER_MAX_RETRIES: '0' });
    primer.queue(onceAllCartsLoaded(50, primerError(400)));

    const answers = await Promise.all(Array.from({ length: 50 }, () => openSessionTimed(subject.app, 'demo-gbp')));

    expect(new Set(answers.map(({ res }) => res.status))).toEqual(new Set([502]));
    expect(primer.requests).toHaveLength(1);
  });

  it('when SESSION_REUSE_MIN_TTL_S=0, then every request creates its own session', async () => {
    const subject = subjectWith({ SESSION_REUSE_MIN_TTL_S: '0' });

    const first = await tokenFor(subject);
    const second = await tokenFor(subject);

    expect(second).not.toBe(first);
    expect(methods()).toEqual(['POST', 'POST']);
  });

  it('when the stored token has less than SESSION_REUSE_MIN_TTL_S left, then it is not reused', async () => {
    const subject = subjectWith({ SESSION_REUSE_MIN_TTL_S: '3600' });
    primer.expiry = primerExpiryIn(10 * 60_000);

    const first = await tokenFor(subject);
    const second = await tokenFor(subject);

    expect(second).not.toBe(first);
    expect(methods()).toEqual(['POST', 'POST']);
  });

  it('when the stored token has more than SESSION_REUSE_MIN_TTL_S left, then it is reused', async () => {
    const subject = subjectWith({ SESSION_REUSE_MIN_TTL_S: '3600' });
    primer.expiry = primerExpiryIn(2 * HOUR_MS);

    expect(await tokenFor(subject)).toBe(await tokenFor(subject));
    expect(methods()).toEqual(['POST']);
  });

  it('when a stored token exists but the order service refuses this shopper, then 404 and the token is not handed out', async () => {
    const subject = subjectWith();
    const token = await tokenFor(subject, 'demo-gbp', { Cookie: 'sid=owner' });
    orders.queue((_req, res) => sendText(res, 404, 'application/json', '{}'));

    const { res } = await openSessionTimed(subject.app, 'demo-gbp', { Cookie: 'sid=someone-else' });

    expect(res.status).toBe(404);
    expect(res.text).not.toContain(token);
    expect(orders.requests[1]?.headers.cookie).toBe('sid=someone-else');
  });
});
