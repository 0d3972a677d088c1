/**
 * The README's screenshots: three templates laid out and fitted at 1440 × 900, written to docs/screenshots/.
 * Run on purpose only (SCREENSHOTS=1), so a test run never rewrites the docs.
 */
import { expect, test } from '@playwright/test';
import { freshApp } from './helpers';

const SHOTS = ['workshop-hub-spoke', 'aks-baseline', 'landing-zone-private'];

test.use({ viewport: { width: 1440, height: 900 } });

test('screenshots of three templates at fit', async ({ page }) => {
  test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to write docs/screenshots/');
  test.setTimeout(120_000);
  await freshApp(page);
  for (const t of SHOTS) {
    await page.getByTestId('templates').selectOption(t);
    await expect(page.locator('[data-testid^="node-"]').first()).toBeVisible();
    await page.getByTestId('auto-layout').click();
    let before = '';
    await expect(async () => {
      const now = JSON.stringify(
        await page.locator('[data-testid^="node-"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x)),
      );
      const was = before;
      before = now;
      expect(now).toBe(was);
    }).toPass({ intervals: [400, 400, 600, 1000] });
    await page.screenshot({ path: `docs/screenshots/${t}.png` });
  }
});
