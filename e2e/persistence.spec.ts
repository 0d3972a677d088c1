import { expect, type Page } from '@playwright/test';
import { dropFromPalette, freshApp, node, test } from './helpers';

/** The autosaved text of a slot in IndexedDB ("" when there is none). */
const saved = (page: Page, slot = 'main') =>
  page.evaluate(
    (key) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('aksnet');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('autosave').objectStore('autosave').get(key);
          get.onsuccess = () => {
            db.close();
            resolve(typeof get.result === 'string' ? get.result : '');
          };
        };
      }),
    `design:${slot}`,
  );

/** Clicks a button and reloads in the same task: no timer can run between the two. */
const clickAndReload = (page: Page, testId: string) =>
  Promise.all([
    page.waitForEvent('load'),
    page
      .evaluate((id) => {
        (document.querySelector(`[data-testid="${id}"]`) as HTMLElement).click();
        location.reload();
      }, testId)
      // The reload may tear down the page before the result comes back.
      .catch(() => undefined),
  ]);

test('a reload within the autosave delay keeps the last edit', async ({ page }) => {
  await freshApp(page);
  await dropFromPalette(page, 'vnet', { testId: 'canvas', x: 300, y: 150 });
  await expect.poll(() => saved(page)).toContain('vnet-1');
  await clickAndReload(page, 'undo');
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(node(page, 'vnet-1')).toHaveCount(0);
  await dropFromPalette(page, 'cluster', { testId: 'canvas', x: 300, y: 150 });
  await expect.poll(() => saved(page)).toContain('aks-1');
  await clickAndReload(page, 'undo');
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(node(page, 'aks-1')).toHaveCount(0);
});

test('a huge unreadable autosave still gives a working app and a message; it is not overwritten', async ({ page }) => {
  await freshApp(page);
  // 6,000,000 characters: over what the loader reads and what localStorage could hold as a copy.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('aksnet');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('autosave', 'readwrite');
          tx.objectStore('autosave').put(`{"format":"aks-network-design","x":"${'x'.repeat(6_000_000)}`, 'design:main');
          tx.objectStore('autosave').put('main', 'last');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
  );
  await page.reload();
  await expect(page.getByTestId('banner')).toContainText('The autosaved design could not be read');
  await expect(page.getByTestId('banner')).toContainText('"design:main"');
  // The app works: draw, and the drawing survives a reload.
  await dropFromPalette(page, 'vnet', { testId: 'canvas', x: 300, y: 150 });
  await expect(node(page, 'vnet-1')).toBeVisible();
  await page.reload();
  await expect(node(page, 'vnet-1')).toBeVisible();
  expect((await saved(page)).length).toBe(6_000_000 + '{"format":"aks-network-design","x":"'.length);
});

test('an unreadable localStorage autosave from before is moved, reported, and the app works', async ({ page }) => {
  await freshApp(page);
  // 3,000,000 characters: the old copy to a backup key overflowed the quota and left a blank page.
  await page.evaluate(() => localStorage.setItem('aksnet.design', `{"format":${'x'.repeat(3_000_000)}`));
  await page.reload();
  await expect(page.getByTestId('banner')).toContainText('The autosaved design could not be read');
  expect(await page.evaluate(() => localStorage.getItem('aksnet.design'))).toBeNull();
  await dropFromPalette(page, 'vnet', { testId: 'canvas', x: 300, y: 150 });
  await expect(node(page, 'vnet-1')).toBeVisible();
});

test('two tabs: the stale one says the design changed elsewhere and offers reload or keep as new', async ({
  page,
  context,
}) => {
  await freshApp(page);
  await dropFromPalette(page, 'vnet', { testId: 'canvas', x: 300, y: 150 });
  await expect.poll(() => saved(page)).toContain('vnet-1');
  const other = await context.newPage();
  await other.goto('/');
  await expect(node(other, 'vnet-1')).toBeVisible();
  await dropFromPalette(other, 'subnet', { testId: 'node-vnet-1' });
  await expect(node(other, 'snet-1')).toBeVisible();

  // The first tab hears of it and stops saving; Reload takes the other tab's design.
  const banner = page.getByTestId('banner');
  await expect(banner).toContainText('This design was changed in another tab');
  await page.getByTestId('conflict-reload').click();
  await expect(node(page, 'snet-1')).toBeVisible();
  await expect(banner).toHaveCount(0);

  // Now the first tab edits: the second is the stale one and keeps its copy as a new design.
  await node(page, 'snet-1').locator('.box-head').click();
  await page.keyboard.press('Delete');
  await expect(node(page, 'snet-1')).toHaveCount(0);
  await expect(other.getByTestId('banner')).toContainText('This design was changed in another tab');
  await other.getByTestId('conflict-keep').click();
  await expect(other.getByTestId('banner')).toContainText('kept as a new design');
  await expect(node(other, 'snet-1')).toBeVisible();
  // Neither overwrote the other: each tab reloads its own design.
  await other.reload();
  await expect(node(other, 'snet-1')).toBeVisible();
  await page.reload();
  await expect(node(page, 'vnet-1')).toBeVisible();
  await expect(node(page, 'snet-1')).toHaveCount(0);
  await expect(page.getByTestId('banner')).toHaveCount(0);
});
