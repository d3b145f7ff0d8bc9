import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { watchTraffic, type PageTraffic } from './support/page-traffic';
import { ARTIFACTS_DIR, startStack, type Stack } from './support/stack';

const HOUR_MS = 3600 * 1000;

let stack: Stack;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

afterEach(async () => {
  await context?.close();
});

async function openPage(sessionDelayMs = 0): Promise<{ page: Page; traffic: PageTraffic }> {
  context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
  const traffic = await watchTraffic(context, stack.serviceUrl, sessionDelayMs);
  const page = await context.newPage();
  await page.goto(stack.serviceUrl);
  await page.locator('button[data-cart-id]').first().waitFor();
  return { page, traffic };
}

async function chooseCart(page: Page, cartId: string, expectedState: string): Promise<void> {
  await page.click(`button[data-cart-id="${cartId}"]`);
  await page.locator(`#status[data-state="${expectedState}"]`).waitFor();
}

// Shaped like Primer's client tokens as the SDK reads them: a JWT whose payload names Primer's configuration URL.
function primerShapedToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = { accessToken: 'e2e', configurationUrl: 'https://api.sandbox.primer.io/client-sdk/configuration', exp: Math.floor(Date.now() / 1000) + 3600 };
  return `${part({ alg: 'none' })}.${part(payload)}.e2e`;
}

function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

describe('demo checkout page in Chromium', () => {
  it('lists the demo carts, fetches a token for the chosen one and shows its expiry', async () => {
    const { page, traffic } = await openPage();
    const cartIds = await page.locator('button[data-cart-id]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-cart-id')));
    expect(cartIds).toEqual(expect.arrayContaining(['demo-gbp', 'demo-jpy', 'demo-kwd', 'demo-unicode', 'demo-empty', 'demo-mismatch']));
    await screenshot(page, '01-carts');

    await chooseCart(page, 'demo-gbp', 'ready');
    const expiry = Date.parse((await page.locator('#token-expiry').getAttribute('datetime')) ?? '');
    expect(expiry).toBeGreaterThan(Date.now() + 23 * HOUR_MS);
    expect(expiry).toBeLessThan(Date.now() + 25 * HOUR_MS);
    await expect(page.locator('#status').innerText()).resolves.toContain('Checkout session ready for demo-gbp');
    expect(traffic.sessionRequests).toHaveLength(1);
    expect(traffic.sessionRequests[0]?.postDataJSON()).toEqual({ cartId: 'demo-gbp' });
    expect(traffic.cspViolations).toEqual([]);
    await screenshot(page, '02-token');
  });

  it('shows the demo-token state instead of hanging when the emulator token cannot start Primer', async () => {
    const { page, traffic } = await openPage();
    await chooseCart(page, 'demo-unicode', 'ready');
    await page.locator('#checkout[data-state="demo"]').waitFor();
    await expect(page.locator('#checkout').innerText()).resolves.toContain('Demo token: checkout cannot load.');
    // The SDK itself (Primer Checkout, the default) loaded from the service: the page chose not to start it.
    expect(await page.evaluate("typeof customElements.get('primer-checkout')")).toBe('function');
    expect(traffic.offOriginUrls).toEqual([]);
    await screenshot(page, '03-demo-token');
  });

  it('when a real Primer token meets no Primer servers, then the page says checkout could not load instead of hanging', async () => {
    const { page, traffic } = await openPage();
    await context.route('**/checkout/session', (route) =>
      route.fulfill({ json: { clientToken: primerShapedToken(), clientTokenExpirationDate: new Date(Date.now() + HOUR_MS).toISOString() } }),
    );
    await chooseCart(page, 'demo-gbp', 'ready');
    await page.locator('#checkout[data-state="failed"]').waitFor({ timeout: 20000 });
    await expect(page.locator('#checkout').innerText()).resolves.toContain('Primer Checkout could not load.');
    expect(traffic.offOriginUrls.length).toBeGreaterThan(0);
    expect(traffic.offOriginUrls.filter((url) => !new URL(url).hostname.endsWith('.primer.io'))).toEqual([]);
    expect(traffic.cspViolations).toEqual([]);
    await screenshot(page, '09-real-token-offline');
  });

  it('never lets the API key reach the page or any response it receives', async () => {
    const { page, traffic } = await openPage();
    await chooseCart(page, 'demo-gbp', 'ready');
    await chooseCart(page, 'demo-mismatch', 'error');
    // Two: the browser client retries a 503 once by itself.
    await stack.failNextPrimerCalls(503, 2);
    await chooseCart(page, 'demo-kwd', 'retryable-error');
    await traffic.settle();
    expect(traffic.responseTexts.length).toBeGreaterThan(5);
    expect(traffic.responseTexts.filter((text) => text.includes(stack.apiKey))).toEqual([]);
    expect(await page.content()).not.toContain(stack.apiKey);
  });

  it('when the cart is empty, then the shopper reads the 422 message and gets no retry button', async () => {
    const { page } = await openPage();
    await chooseCart(page, 'demo-empty', 'error');
    await expect(page.locator('#status').getAttribute('data-code')).resolves.toBe('cart_not_payable');
    await expect(page.locator('#status .message').innerText()).resolves.toBe('This basket cannot be paid for as it is. Please review it and try again.');
    await expect(page.locator('#retry').isHidden()).resolves.toBe(true);
    await page.click('#status summary');
    await expect(page.locator('#status details').innerText()).resolves.toContain('HTTP 422 · cart_not_payable · The cart has no items. · request ');
    await screenshot(page, '04-empty-cart-422');
  });

  it('when Primer is down, then the page offers a retry after Retry-After, and the retry gets a token', async () => {
    const { page, traffic } = await openPage();
    // Two: the browser client retries a 503 once by itself, then leaves the next try to the shopper.
    await stack.failNextPrimerCalls(503, 2);
    await chooseCart(page, 'demo-jpy', 'retryable-error');
    await expect(page.locator('#status').getAttribute('data-code')).resolves.toBe('upstream_unavailable');
    await expect(page.locator('#status .message').innerText()).resolves.toBe('Payments are briefly unavailable. Please try again in a moment.');
    await expect(page.locator('#retry').innerText()).resolves.toMatch(/^Try again in \d+ s$/);
    await expect(page.locator('#retry').isDisabled()).resolves.toBe(true);
    await screenshot(page, '05-outage-retry');

    await page.locator('#retry:not([disabled])').click({ timeout: 15000 });
    await page.locator('#status[data-state="ready"]').waitFor();
    await expect(page.locator('#retry').isHidden()).resolves.toBe(true);
    expect(traffic.sessionRequests).toHaveLength(3);
    await screenshot(page, '06-recovered');
  });

  it('when a proxy answers with HTML or the network fails, then the client retries once and the shopper still reads plain words', async () => {
    const { page } = await openPage();
    let proxyAnswers = 0;
    await context.route('**/checkout/session', (route) => (proxyAnswers++, route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' })));
    await chooseCart(page, 'demo-gbp', 'retryable-error');
    await expect(page.locator('#status .message').innerText()).resolves.toBe('Something went wrong while preparing your payment. Please try again later.');
    await expect(page.locator('#status').getAttribute('data-code')).resolves.toBe('http_502');
    expect(proxyAnswers).toBe(2);

    await context.unroute('**/checkout/session');
    let refused = 0;
    await context.route('**/checkout/session', (route) => (refused++, route.abort('connectionrefused')));
    await chooseCart(page, 'demo-jpy', 'retryable-error');
    expect(refused).toBe(2);
    await expect(page.locator('#status .message').innerText()).resolves.toBe('We could not reach the shop. Check your connection and try again.');
    await expect(page.locator('#retry').innerText()).resolves.toBe('Try again');
  });

  it('when the shopper double-clicks a cart, then one token request is sent', async () => {
    const { page, traffic } = await openPage(400);
    await page.dblclick('button[data-cart-id="demo-kwd"]');
    await page.locator('#status[data-state="ready"]').waitFor();
    expect(traffic.sessionRequests).toHaveLength(1);
    await screenshot(page, '07-double-click');
  });

  it('when two token requests for one cart overlap, then the browser module sends one', async () => {
    const { page, traffic } = await openPage(400);
    // A string, so TypeScript's CommonJS output does not turn the browser's import() into require().
    const tokens: string[] = await page.evaluate(`(async () => {
      const { openCheckoutSession } = await import('/demo/app/checkout-session-client.js');
      const sessions = await Promise.all([openCheckoutSession('demo-gbp'), openCheckoutSession('demo-gbp')]);
      return sessions.map((session) => session.clientToken);
    })()`);
    expect(tokens[0]).toBe(tokens[1]);
    expect(traffic.sessionRequests).toHaveLength(1);
  });

  it('when the token is near expiry, then the page fetches a new one', async () => {
    context = await browser.newContext();
    const traffic = await watchTraffic(context, stack.serviceUrl);
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(stack.serviceUrl);
    await chooseCart(page, 'demo-minimal', 'ready');
    const firstToken = await page.locator('#status .muted').innerText();
    const expiry = Date.parse((await page.locator('#token-expiry').getAttribute('datetime')) ?? '');

    await page.clock.fastForward(expiry - (await page.evaluate(() => Date.now())) - 4 * 60 * 1000);
    await page.locator('#status', { hasText: 'New checkout session for demo-minimal' }).waitFor();
    expect(traffic.sessionRequests).toHaveLength(2);
    expect(await page.locator('#status .muted').innerText()).not.toBe(firstToken);
    await screenshot(page, '08-token-refreshed');
  });
});
