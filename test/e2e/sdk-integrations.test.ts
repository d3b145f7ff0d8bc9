import path from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { watchTraffic, type PageTraffic } from './support/page-traffic';
import { PRIMER_CHECKOUT_LOADER_STAND_IN, UNIVERSAL_CHECKOUT_SCRIPT_STAND_IN, type StandInRecord } from './support/sdk-stand-ins';
import { ARTIFACTS_DIR, startStack, type MadePayment, type Stack } from './support/stack';

type SdkName = 'primer-checkout' | 'universal-checkout';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  // Session reuse on, as in production: a cart change makes the service PATCH the session and answer the same token.
  stack = await startStack({ SESSION_REUSE_MIN_TTL_S: '3600' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

afterEach(async () => {
  await context?.close();
});

// The SDKs start only with a token that names Primer's configuration URL: the real token rides inside one.
function primerShaped(realToken: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ accessToken: realToken, configurationUrl: 'https://api.sandbox.primer.io/client-sdk/configuration' })}.e2e`;
}

interface Harness {
  page: Page;
  traffic: PageTraffic;
  // Every answer the page got for POST /checkout/session, as the page received it, and the emulator's token inside it.
  answers: { status: number; clientToken?: string; emulatorToken?: string }[];
  // Canned answers used before the service is asked (for 429/503 with Retry-After).
  canned: { status: number; retryAfter: string; code: string }[];
}

async function openPage(sdk: SdkName, installClock = false): Promise<Harness> {
  context = await browser.newContext({ viewport: { width: 900, height: 1200 } });
  const traffic = await watchTraffic(context, stack.serviceUrl);
  const harness = { traffic, answers: [], canned: [] } as unknown as Harness;
  await context.route('**/demo/vendor/primer-checkout/primer-loader.js', (route) => route.fulfill({ contentType: 'text/javascript', body: PRIMER_CHECKOUT_LOADER_STAND_IN }));
  await context.route('**/demo/vendor/primer/Primer.js', (route) => route.fulfill({ contentType: 'text/javascript', body: UNIVERSAL_CHECKOUT_SCRIPT_STAND_IN }));
  await context.route('**/checkout/session', (route) => answerSession(route, harness));
  harness.page = await context.newPage();
  if (installClock) await harness.page.clock.install();
  await harness.page.goto(`${stack.serviceUrl}/?sdk=${sdk}`);
  await harness.page.locator('button[data-cart-id]').first().waitFor();
  return harness;
}

async function answerSession(route: Route, harness: Harness): Promise<void> {
  const canned = harness.canned.shift();
  if (canned) {
    const body = { type: `urn:checkout-session:problem:${canned.code}`, title: canned.code, status: canned.status, detail: canned.code, code: canned.code, requestId: 'e2e-canned' };
    harness.answers.push({ status: canned.status });
    return route.fulfill({ status: canned.status, contentType: 'application/problem+json', headers: { 'Retry-After': canned.retryAfter }, body: JSON.stringify(body) });
  }
  const response = await route.fetch();
  const json = (await response.json()) as { clientToken?: string; clientTokenExpirationDate?: string };
  const emulatorToken = json.clientToken;
  if (response.ok() && emulatorToken) json.clientToken = primerShaped(emulatorToken);
  harness.answers.push({ status: response.status(), ...(json.clientToken && emulatorToken ? { clientToken: json.clientToken, emulatorToken } : {}) });
  return route.fulfill({ response, json });
}

function record(page: Page): Promise<StandInRecord> {
  return page.evaluate(() => {
    const { tokens, refreshes, teardowns, shows } = window.sdkStandIn ?? { tokens: [], refreshes: -1, teardowns: -1, shows: -1 };
    return { tokens, refreshes, teardowns, shows };
  });
}

async function chooseCart(page: Page, cartId: string): Promise<void> {
  await page.click(`button[data-cart-id="${cartId}"]`);
  await page.locator('#checkout[data-state="shown"]').waitFor();
}

function screenshot(page: Page, sdk: SdkName, name: string): Promise<Buffer> {
  return page.screenshot({ path: path.join(ARTIFACTS_DIR, `sdk-${sdk}-${name}.png`), fullPage: true });
}

// The payment result as each SDK reports it: the element's events, or the callbacks given to showUniversalCheckout.
async function reportResult(page: Page, sdk: SdkName, outcome: 'success' | 'failure', payment: MadePayment = { id: 'pay_e2e_1', orderId: 'order-demo-gbp-1001' }): Promise<void> {
  await page.evaluate(
    ({ sdk, outcome, payment }) => {
      const error = { code: 'PAYMENT_FAILED', message: 'The card was declined.', diagnosticsId: 'diag-e2e-1' };
      if (sdk === 'primer-checkout') {
        const detail = outcome === 'success' ? { payment, timestamp: 1 } : { error, payment, timestamp: 1 };
        document.querySelector('primer-checkout')?.dispatchEvent(new CustomEvent(`primer:payment-${outcome}`, { detail, bubbles: true, composed: true }));
        return;
      }
      const options = window.sdkStandIn?.options as { onCheckoutComplete(data: unknown): void; onCheckoutFail(e: unknown, d: unknown, h: unknown): void };
      if (outcome === 'success') options.onCheckoutComplete({ payment });
      else options.onCheckoutFail(error, { payment }, { showErrorMessage: () => {} });
    },
    { sdk, outcome, payment },
  );
}

// What the emulator's session behind the page's token pays with, as the shopper's card would.
async function payInEmulator(answers: Harness['answers'], status: string): Promise<MadePayment> {
  const token = answers.at(-1)?.emulatorToken;
  if (!token) throw new Error('the page got no token to pay with');
  return stack.pay(token, status);
}

describe.each<SdkName>(['primer-checkout', 'universal-checkout'])('%s on the demo page, with a recording stand-in for the SDK', (sdk) => {
  it('hands the service\'s token to the SDK, shows the paid outcome the service confirmed, and no API key reaches the page', async () => {
    const { page, traffic, answers } = await openPage(sdk);
    await expect(page.locator('#sdk-choice a[aria-current="page"]').getAttribute('data-sdk')).resolves.toBe(sdk);
    await chooseCart(page, 'demo-gbp');
    const handed = await record(page);
    expect(handed.tokens).toEqual([answers[0]?.clientToken]);
    await screenshot(page, sdk, '1-shown');

    const payment = await payInEmulator(answers, 'AUTHORIZED');
    await reportResult(page, sdk, 'success', payment);
    await page.locator('#payment-outcome[data-outcome="paid"]').waitFor();
    await expect(page.locator('#payment-outcome .server-status').innerText()).resolves.toBe('AUTHORIZED');
    await expect(page.locator('#payment-outcome').innerText()).resolves.toContain('Payment confirmed. Thank you!');
    await page.locator(`#payment-events li[data-payment-id="${payment.id}"]`).waitFor();
    await expect(page.locator('#checkout').getAttribute('data-state')).resolves.toBe('submitted');
    await screenshot(page, sdk, '2-paid');

    await traffic.settle();
    expect(traffic.cspViolations).toEqual([]);
    expect(traffic.offOriginUrls).toEqual([]);
    expect(traffic.responseTexts.filter((text) => text.includes(stack.apiKey))).toEqual([]);
    expect(await page.content()).not.toContain(stack.apiKey);
  });

  it('when the SDK reports success for a payment Primer declined, then the page shows the server\'s "failed", not the browser\'s success', async () => {
    const { page, answers, traffic } = await openPage(sdk);
    await chooseCart(page, 'demo-jpy');
    const payment = await payInEmulator(answers, 'DECLINED');

    await reportResult(page, sdk, 'success', payment);

    await page.locator('#payment-outcome[data-outcome="failed"]').waitFor();
    await expect(page.locator('#payment-outcome .server-status').innerText()).resolves.toBe('DECLINED');
    await expect(page.locator('#payment-outcome').innerText()).resolves.toContain('The browser was told: success');
    await expect(page.locator('#payment-outcome .message').innerText()).resolves.toBe('The payment did not go through. Please try another payment method.');
    const event = page.locator(`#payment-events li[data-payment-id="${payment.id}"]`);
    await event.waitFor();
    await expect(event.locator('.event-status').innerText()).resolves.toBe('DECLINED');
    await traffic.settle();
    expect(traffic.responseTexts.filter((text) => text.includes(stack.webhookSecret))).toEqual([]);
    await screenshot(page, sdk, '2b-declined');
  });

  it('when the SDK reports a payment the service cannot find, then the page says it is unconfirmed', async () => {
    const { page } = await openPage(sdk);
    await chooseCart(page, 'demo-minimal');

    await reportResult(page, sdk, 'success', { id: 'pay_unknown_1', orderId: 'order-demo-minimal' });

    await page.locator('#payment-outcome[data-outcome="unconfirmed"]').waitFor();
    await expect(page.locator('#payment-outcome').innerText()).resolves.toContain('payment_not_found');
  });

  it('when the payment fails, then the shopper reads why and the form stays', async () => {
    const { page } = await openPage(sdk);
    await chooseCart(page, 'demo-kwd');
    await reportResult(page, sdk, 'failure');
    await page.locator('#checkout[data-state="payment-failed"]').waitFor();
    await expect(page.locator('#checkout-note').innerText()).resolves.toContain('The payment did not go through: The card was declined.');
    expect((await record(page)).teardowns).toBe(0);
    await screenshot(page, sdk, '3-payment-failed');
  });

  it('when the cart changes, then the same token comes back and the SDK refreshes its session without teardown', async () => {
    const { page, answers } = await openPage(sdk);
    await chooseCart(page, 'demo-jpy');
    const quantity = page.locator('#basket-lines li[data-line-id="matcha"] .line-quantity');
    const before = Number(await quantity.innerText());
    await page.click('#basket-lines li[data-line-id="matcha"] button[data-step="more"]');
    await page.locator('#status[data-change="refreshed"]').waitFor();
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(answers[1]?.clientToken).toBe(answers[0]?.clientToken);
    const after = await record(page);
    expect(after).toMatchObject({ refreshes: 1, teardowns: 0, shows: 1 });
    expect(after.tokens).toEqual([answers[0]?.clientToken]);
    await expect(quantity.innerText()).resolves.toBe(String(before + 1));
    await expect(page.locator('#carts button[data-cart-id="demo-jpy"] .cart-total').innerText()).resolves.toBe(await page.locator('#basket-total').innerText());
    await screenshot(page, sdk, '4-cart-changed');
  });

  it('when rate limited, then the retry waits out Retry-After and then gets a token', async () => {
    const harness = await openPage(sdk);
    const { page, canned, answers } = harness;
    canned.push({ status: 429, retryAfter: '2', code: 'rate_limited' });
    await page.click('button[data-cart-id="demo-unicode"]');
    await page.locator('#status[data-state="retryable-error"]').waitFor();
    await expect(page.locator('#status .message').innerText()).resolves.toBe('Too many attempts in a short time. Please wait a moment and try again.');
    await expect(page.locator('#retry').innerText()).resolves.toMatch(/^Try again in [12] s$/);
    await expect(page.locator('#retry').isDisabled()).resolves.toBe(true);
    expect(answers).toHaveLength(1);
    await screenshot(page, sdk, '5-rate-limited');
    await page.locator('#retry:not([disabled])').click({ timeout: 5000 });
    await page.locator('#checkout[data-state="shown"]').waitFor();
    expect((await record(page)).tokens).toEqual([answers[1]?.clientToken]);
  });

  it('when Primer stays unavailable, then the client retries once by itself and leaves the next try to the shopper', async () => {
    const { page, canned, answers } = await openPage(sdk);
    canned.push({ status: 503, retryAfter: '1', code: 'upstream_unavailable' }, { status: 503, retryAfter: '3', code: 'upstream_unavailable' });
    await page.click('button[data-cart-id="demo-gbp"]');
    await page.locator('#status[data-state="retryable-error"]').waitFor();
    expect(answers.map((answer) => answer.status)).toEqual([503, 503]);
    await expect(page.locator('#retry').innerText()).resolves.toMatch(/^Try again in [1-3] s$/);
    await screenshot(page, sdk, '6-unavailable');
  });

  it('when the token nears expiry, then the page asks the service again before it lapses and the SDK takes the answer', async () => {
    const { page, answers } = await openPage(sdk, true);
    await chooseCart(page, 'demo-minimal');
    const expiry = Date.parse((await page.locator('#token-expiry').getAttribute('datetime')) ?? '');
    await page.clock.fastForward(expiry - (await page.evaluate(() => Date.now())) - 4 * 60 * 1000);
    // Only the page's clock moved: the service still sees 24 hours left and answers the same token, which the SDK re-reads.
    await page.locator('#status[data-change="refreshed"]').waitFor();
    expect(answers).toHaveLength(2);
    const handed = await record(page);
    expect(handed).toMatchObject({ tokens: [answers[0]?.clientToken], refreshes: 1, teardowns: 0 });
    await screenshot(page, sdk, '7-expiry');
  });
});
