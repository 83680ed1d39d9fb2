import type { Browser } from 'playwright-core';
import { describeWithBrowser, hasChromium, launchBrowser } from '../helpers/browser';
import { startTestApp, TestApp } from '../helpers/test-app';

describeWithBrowser('API reference page in a real browser (e2e)', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 0 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renders the operations from the served OpenAPI document', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${t.baseUrl}/docs`);
    await page.getByText('Backbeat Web API').first().waitFor({ timeout: 15_000 });
    await page.getByText('/v1/search').first().waitFor();
    expect(await page.getByText('/v1/tracks/{id}').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

if (!hasChromium) console.warn('docs-page.e2e-spec: Chromium not found, browser test skipped');
