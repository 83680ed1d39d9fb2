import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
// CI installs Chromium: there a missing browser is a failure, not a skip.
if (process.env.CI === 'true' && !hasChromium) throw new Error(`CI needs Chromium at ${CHROMIUM}`);

/** `describe` when Chromium is installed; otherwise a skipped block that says why. */
export const describeWithBrowser: jest.Describe = hasChromium
  ? describe
  : (((name: string, fn: () => void) => {
      describe(name, () => {
        it.skip(`skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`, () => undefined);
        void fn;
      });
    }) as unknown as jest.Describe);

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run'],
  });
}
