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
});
