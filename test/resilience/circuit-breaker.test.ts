import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { DEMO_CARTS } from '../../src/demo/orders/demo-carts';
import { afterDelay } from '../support/fake-http-server';
import { startFakeOrderService, type FakeOrderService } from '../support/fake-order-service';
import { createdWith, primerError, primerExpiryIn, startFakePrimer, type FakePrimer } from '../support/fake-primer';
import { buildTestApp, type TestApp } from '../support/test-app';
import { breakerStateShown, expectNothingLeaked, expectProblem, logLinesWith, openSessionTimed } from './support/shopper-answer';

const FAILURES = 3;
const RESET_MS = 500;
const PRIMER_TIMEOUT_MS = 1000;
// "At once": the cart is still loaded, but no Primer attempt or budget is spent.
const FAST_MS = PRIMER_TIMEOUT_MS / 4;
// Payable demo carts: distinct carts so that neither shared calls nor reuse hides a Primer call.
const CARTS = ['demo-gbp', 'demo-jpy', 'demo-kwd', 'demo-unicode'] as const;

let primer: FakePrimer;
let orders: FakeOrderService;
let subject: TestApp;

beforeEach(async () => {
  primer = await startFakePrimer();
  primer.expiry = primerExpiryIn(24 * 3_600_000);
  orders = await startFakeOrderService(DEMO_CARTS);
  subject = buildTestApp({
    PRIMER_API_URL: primer.url,
    ORDER_SERVICE_URL: orders.url,
    PRIMER_TIMEOUT_MS: String(PRIMER_TIMEOUT_MS),
    ORDER_SERVICE_TIMEOUT_MS: '600',
    PRIMER_MAX_RETRIES: '0',
    PRIMER_BREAKER_FAILURES: String(FAILURES),
    PRIMER_BREAKER_RESET_MS: String(RESET_MS),
  });
});

afterEach(async () => {
  await primer.close();
  await orders.close();
});

async function openTheBreaker(): Promise<void> {
  const before = primer.requests.length;
  primer.queue(...Array.from({ length: FAILURES }, () => primerError(503)));
  for (let i = 0; i < FAILURES; i += 1) expect((await openSessionTimed(subject.app, 'demo-gbp')).res.status).toBe(503);
  expect(primer.requests).toHaveLength(before + FAILURES);
}

const breakerTransitions = () => logLinesWith(subject.logs, 'circuit breaker state changed').map((line) => `${String(line.from)}→${String(line.to)}`);

describe('circuit breaker around Primer', () => {
  it('when Primer fails fewer times in a row than PRIMER_BREAKER_FAILURES, then the next request still reaches Primer', async () => {
    primer.queue(...Array.from({ length: FAILURES - 1 }, () => primerError(503)));
    for (let i = 1; i < FAILURES; i += 1) await openSessionTimed(subject.app, 'demo-gbp');

    const { res } = await openSessionTimed(subject.app, 'demo-gbp');

    expect(res.status).toBe(200);
    expect(primer.requests).toHaveLength(FAILURES);
  });

  it('when Primer fails PRIMER_BREAKER_FAILURES times in a row, then it opens: 503 at once with Retry-After and Primer not called', async () => {
    await openTheBreaker();

    const { res, elapsedMs } = await openSessionTimed(subject.app, 'demo-jpy');

    expectProblem(res, 503, 'upstream_unavailable');
    expect(Number(res.headers['retry-after'])).toBe(Math.ceil(RESET_MS / 1000));
    expect(elapsedMs).toBeLessThan(FAST_MS);
    expect(primer.requests).toHaveLength(FAILURES);
    expectNothingLeaked(res, [primer.port, orders.port]);
    expect(breakerTransitions()).toEqual(['closed→open']);
    expect(await breakerStateShown(subject)).toBe('open');
  });

  it('when the breaker is open, then /readyz stays ready and a stored token is still reused', async () => {
    const stored = (await openSessionTimed(subject.app, 'demo-kwd')).res.body as { clientToken: string };
    await openTheBreaker();

    const ready = await request(subject.app).get('/readyz');
    const reused = await openSessionTimed(subject.app, 'demo-kwd');

    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
    expect(reused.res.status).toBe(200);
    expect(reused.res.body).toEqual(stored);
    expect(primer.requests).toHaveLength(1 + FAILURES);
  });

  it('when PRIMER_BREAKER_RESET_MS has passed, then it half-opens: exactly one probe reaches Primer while others get 503 at once', async () => {
    await openTheBreaker();
    await sleep(RESET_MS + 50);
    primer.queue((req, res) => afterDelay(res, 300, () => createdWith(primer.expiry)(req, res)));

    const probe = openSessionTimed(subject.app, 'demo-jpy');
    await sleep(100);
    const turnedAway = await openSessionTimed(subject.app, 'demo-kwd');

    expectProblem(turnedAway.res, 503, 'upstream_unavailable');
    expect(Number(turnedAway.res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(turnedAway.elapsedMs).toBeLessThan(FAST_MS);
    expect((await probe).res.status).toBe(200);
    expect(primer.requests).toHaveLength(FAILURES + 1);
    expect(breakerTransitions()).toEqual(['closed→open', 'open→half-open', 'half-open→closed']);
  });

  it('when the probe succeeds, then it closes and every request reaches Primer again', async () => {
    await openTheBreaker();
    await sleep(RESET_MS + 50);

    const answers = [];
    for (const cartId of CARTS) answers.push((await openSessionTimed(subject.app, cartId)).res.status);

    expect(answers).toEqual([200, 200, 200, 200]);
    expect(primer.requests).toHaveLength(FAILURES + CARTS.length);
    expect(await breakerStateShown(subject)).toBe('closed');
  });

  it('when the probe fails, then it opens again for another PRIMER_BREAKER_RESET_MS', async () => {
    await openTheBreaker();
    await sleep(RESET_MS + 50);
    primer.queue(primerError(503));

    expect((await openSessionTimed(subject.app, 'demo-jpy')).res.status).toBe(503);
    const { res, elapsedMs } = await openSessionTimed(subject.app, 'demo-kwd');

    expectProblem(res, 503, 'upstream_unavailable');
    expect(elapsedMs).toBeLessThan(FAST_MS);
    expect(primer.requests).toHaveLength(FAILURES + 1);
    expect(breakerTransitions()).toEqual(['closed→open', 'open→half-open', 'half-open→open']);
  });

  it('when Primer times out PRIMER_BREAKER_FAILURES times in a row, then it opens as well', async () => {
    primer.queue(...Array.from({ length: FAILURES }, () => () => undefined));
    for (let i = 0; i < FAILURES; i += 1) expect((await openSessionTimed(subject.app, 'demo-gbp')).res.status).toBe(504);

    const { res, elapsedMs } = await openSessionTimed(subject.app, 'demo-gbp');

    expectProblem(res, 503, 'upstream_unavailable');
    expect(elapsedMs).toBeLessThan(FAST_MS);
    expect(primer.requests).toHaveLength(FAILURES);
  });

  it('when Primer answers 4xx many times in a row, then it stays closed: those answers say nothing about availability', async () => {
    primer.queue(...Array.from({ length: FAILURES * 2 }, () => primerError(400)));
    for (let i = 0; i < FAILURES * 2; i += 1) expect((await openSessionTimed(subject.app, 'demo-gbp')).res.status).toBe(502);

    const { res } = await openSessionTimed(subject.app, 'demo-gbp');

    expect(res.status).toBe(200);
    expect(primer.requests).toHaveLength(FAILURES * 2 + 1);
    expect(breakerTransitions()).toEqual([]);
  });
});
