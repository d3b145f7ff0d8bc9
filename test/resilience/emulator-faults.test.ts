import type { Cart } from '../../src/service/orders/cart';
import { DEMO_CARTS } from '../../src/demo/orders/demo-carts';
import { startEmulator, type RunningEmulator } from '../../src/demo/emulator/start-emulator';
import { startFakeOrderService, type FakeOrderService } from '../support/fake-order-service';
import { buildTestApp, TEST_API_KEY, type TestApp } from '../support/test-app';
import { expectNothingLeaked, expectProblem, openSessionTimed } from './support/shopper-answer';

const PRIMER_TIMEOUT_MS = 1000;
const ORDER_SERVICE_TIMEOUT_MS = 600;
const WITHIN_BUDGET_MS = PRIMER_TIMEOUT_MS + ORDER_SERVICE_TIMEOUT_MS + 300;
const ON_CREATE = { method: 'POST', path: '/client-session' };

let emulator: RunningEmulator;
let orders: FakeOrderService;
let subject: TestApp;

beforeEach(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, control: true, apiKey: TEST_API_KEY });
  orders = await startFakeOrderService(DEMO_CARTS);
  subject = buildTestApp({
    PRIMER_API_URL: emulator.url,
    ORDER_SERVICE_URL: orders.url,
    PRIMER_TIMEOUT_MS: String(PRIMER_TIMEOUT_MS),
    ORDER_SERVICE_TIMEOUT_MS: String(ORDER_SERVICE_TIMEOUT_MS),
    PRIMER_MAX_RETRIES: '2',
  });
});

afterEach(async () => {
  await emulator.close();
  await orders.close();
});

const emulatorPort = () => Number(new URL(emulator.url).port);
const creates = () => emulator.requests().filter((req) => req.method === 'POST' && req.path === '/client-session');

describe('against the Primer emulator', () => {
  it('when nothing fails, then the emulator accepts the session and the shopper gets its token and expiry', async () => {
    const { res } = await openSessionTimed(subject.app, 'demo-gbp');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ clientToken: expect.any(String), clientTokenExpirationDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) });
    expect(Date.parse((res.body as { clientTokenExpirationDate: string }).clientTokenExpirationDate) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect(creates()).toHaveLength(1);
  });

  it('when the cart version changes, then the emulator accepts the PATCH and the token stays the same', async () => {
    const first = await openSessionTimed(subject.app, 'demo-jpy');
    const cart = orders.carts.get('demo-jpy')!;
    const changed: Cart = { ...cart, version: `${cart.version}-2`, items: cart.items.map((item) => ({ ...item, quantity: item.quantity + 1 })) };
    // The stated total would no longer match the items.
    delete changed.totalAmount;
    orders.carts.set('demo-jpy', changed);

    const second = await openSessionTimed(subject.app, 'demo-jpy');

    expect(second.res.status).toBe(200);
    expect(second.res.body).toEqual(first.res.body);
    expect(emulator.requests().map((req) => req.method)).toEqual(['POST', 'PATCH']);
  });

  it('when the emulator answers 503 with Retry-After three times, then 503 upstream_unavailable after 3 attempts, leaking nothing', async () => {
    emulator.faults.enqueue({ match: ON_CREATE, times: 3, fault: { kind: 'status', status: 503, retryAfter: 0 } });

    const { res, elapsedMs } = await openSessionTimed(subject.app, 'demo-gbp');

    expectProblem(res, 503, 'upstream_unavailable');
    expect(creates()).toHaveLength(3);
    expect(elapsedMs).toBeLessThan(WITHIN_BUDGET_MS);
    expectNothingLeaked(res, [emulatorPort(), orders.port]);
    expect(res.text).not.toContain('Emulated');
  });

  it('when the emulator drops the connection once, then the retry succeeds', async () => {
    emulator.faults.enqueue({ match: ON_CREATE, fault: { kind: 'drop' } });

    const { res } = await openSessionTimed(subject.app, 'demo-gbp');

    expect(res.status).toBe(200);
    expect(creates()).toHaveLength(2);
  });

  it('when the emulator holds its headers past the budget, then 504 upstream_timeout within the budget after one attempt', async () => {
    emulator.faults.enqueue({ match: ON_CREATE, fault: { kind: 'delay-headers', ms: PRIMER_TIMEOUT_MS + 1000 } });

    const { res, elapsedMs } = await openSessionTimed(subject.app, 'demo-gbp');

    expectProblem(res, 504, 'upstream_timeout');
    expect(creates()).toHaveLength(1);
    expect(elapsedMs).toBeLessThan(WITHIN_BUDGET_MS);
    expectNothingLeaked(res, [emulatorPort(), orders.port]);
  });

  it('when the emulator stalls halfway through the body past the budget, then 504 upstream_timeout within the budget', async () => {
    emulator.faults.enqueue({ match: ON_CREATE, fault: { kind: 'delay-body', ms: PRIMER_TIMEOUT_MS + 1000 } });

    const { res, elapsedMs } = await openSessionTimed(subject.app, 'demo-gbp');

    expectProblem(res, 504, 'upstream_timeout');
    expect(creates()).toHaveLength(1);
    expect(elapsedMs).toBeLessThan(WITHIN_BUDGET_MS);
  });

  it.each([
    ['invalid JSON', { kind: 'invalid-json' } as const],
    ['no clientToken', { kind: 'no-token' } as const],
    ['an HTML 400 page', { kind: 'html', status: 400 } as const],
  ])('when the emulator answers %s, then 502 upstream_error after one attempt, leaking nothing', async (_case, fault) => {
    emulator.faults.enqueue({ match: ON_CREATE, fault });

    const { res } = await openSessionTimed(subject.app, 'demo-gbp');

    expectProblem(res, 502, 'upstream_error');
    expect(creates()).toHaveLength(1);
    expectNothingLeaked(res, [emulatorPort(), orders.port]);
  });

  it('when the emulator answers an HTML 502 page each time, then 503 upstream_unavailable after 3 attempts', async () => {
    emulator.faults.enqueue({ match: ON_CREATE, times: 3, fault: { kind: 'html', status: 502 } });

    const { res } = await openSessionTimed(subject.app, 'demo-gbp');

    expectProblem(res, 503, 'upstream_unavailable');
    expect(creates()).toHaveLength(3);
  });
});
