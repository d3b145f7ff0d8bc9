import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { ARTIFACTS_DIR, startDemoModeService, type Running } from './support/stack';

let service: Running;
let browser: Browser;

beforeAll(async () => {
  service = await startDemoModeService();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

describe('npm start without a Primer key', () => {
  it('serves the page at / and a chosen cart gets a demo token from the built-in emulator', async () => {
    const page = await browser.newPage();
    await page.goto(service.url);
    await page.click('button[data-cart-id="demo-gbp"]');
    await page.locator('#status[data-state="ready"], #status[data-state="retryable-error"], #status[data-state="error"]').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, '10-demo-mode.png'), fullPage: true });
    await expect(page.locator('#status').getAttribute('data-state')).resolves.toBe('ready');
    await page.locator('#checkout[data-state="demo"]').waitFor();
  });

  it('when the shopper pays through the emulator, then the webhook reaches the demo order service and the page shows the server-confirmed status', async () => {
    const page = await browser.newPage();
    await page.goto(service.url);
    await page.click('button[data-cart-id="demo-gbp"]');
    await page.locator('#checkout[data-state="demo"]').waitFor();
    await page.locator('#simulated-payment:not([hidden])').waitFor();

    await page.selectOption('#simulated-status', 'AUTHORIZED');
    await page.click('#simulated-pay');

    await page.locator('#payment-outcome[data-outcome="paid"]').waitFor();
    await expect(page.locator('#payment-outcome .server-status').innerText()).resolves.toBe('AUTHORIZED');
    const events = page.locator('#payment-events li[data-payment-id]');
    await events.first().waitFor();
    await expect(events.count()).resolves.toBe(1);
    // The webhook came first; the page's confirmation of the same state was a duplicate and reached nobody.
    await expect(events.first().getAttribute('data-source')).resolves.toBe('webhook');
    await expect(events.first().locator('.event-status').innerText()).resolves.toBe('AUTHORIZED');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, '11-demo-mode-paid.png'), fullPage: true });
  });

  it('when the emulator declines, then the page says so although the browser was told success', async () => {
    const page = await browser.newPage();
    await page.goto(service.url);
    await page.click('button[data-cart-id="demo-kwd"]');
    await page.locator('#simulated-payment:not([hidden])').waitFor();

    await page.selectOption('#simulated-status', 'DECLINED');
    await page.click('#simulated-pay');

    await page.locator('#payment-outcome[data-outcome="failed"]').waitFor();
    await expect(page.locator('#payment-outcome').innerText()).resolves.toContain('The browser was told: success');
    await expect(page.locator('#payment-events li[data-payment-id] .event-status').first().innerText()).resolves.toBe('DECLINED');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, '12-demo-mode-declined.png'), fullPage: true });
  });
});
