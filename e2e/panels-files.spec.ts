import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { freshApp, node, openTemplate, templateFiles, test } from './helpers';

test('every template loads without a console error', async ({ page }) => {
  await freshApp(page);
  const options = await page.getByTestId('templates').locator('option').allInnerTexts();
  const values = await templateFiles(page);
  expect(values.length).toBeGreaterThanOrEqual(6);
  for (const v of values) {
    await page.getByTestId('templates').selectOption(v);
    await expect(page.getByTestId('design-name')).not.toHaveText('Untitled design');
    await page.getByTestId('tab-findings').click();
    await page.getByTestId('tab-plan').click();
  }
  expect(options.length).toBe(values.length + 1);
});

test('share link round trip; a corrupt link keeps the current design', async ({ page, context }) => {
  await openTemplate(page, 'seed-kubenet');
  await expect(node(page, 'snet-aks')).toBeVisible();
  await page.getByTestId('file-share').click();
  const url = page.url();
  expect(url).toContain('#d=');
  const other = await context.newPage();
  await other.goto('/');
  await other.evaluate(() => localStorage.clear());
  await other.goto(url);
  await expect(node(other, 'snet-aks')).toBeVisible();
  await expect(other.getByTestId('design-name')).toHaveText('Seed: kubenet with your own VNet');
  expect(other.url()).toContain('#d=');
  // Once the design changes the link no longer describes it: it leaves the address bar, so a reload keeps the edit.
  await other.getByTestId('field-name').fill('Edited after sharing');
  await other.getByTestId('field-name').press('Enter');
  await expect(other.getByTestId('design-name')).toHaveText('Edited after sharing');
  await expect.poll(() => other.url()).not.toContain('#d=');
  // A corrupt link: an error banner, and the design stays.
  await other.evaluate(() => {
    location.hash = '#d=corrupt%%%payload';
  });
  await expect(other.getByTestId('banner')).toContainText('could not be opened, your design is unchanged');
  await expect(node(other, 'snet-aks')).toBeVisible();
});

test('download the az CLI export', async ({ page }) => {
  await openTemplate(page, 'seed-kubenet');
  await page.getByTestId('tab-export').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  // Named after the design ("Seed: kubenet with your own VNet"), as Save names the design file.
  expect(dl.suggestedFilename()).toBe('Seed-kubenet-with-your-own-VNet.sh');
  const text = readFileSync((await dl.path())!, 'utf8');
  expect(text).toBe(readFileSync(new URL('../src/export/golden/seed-kubenet.sh', import.meta.url), 'utf8'));
});

test('a finding fix applies from the findings panel', async ({ page }) => {
  await openTemplate(page, 'broken');
  await page.getByTestId('tab-findings').click();
  const outside = page.getByTestId('finding-subnet-outside-vnet');
  await expect(outside).toBeVisible();
  await outside.getByTestId('apply-fix').click();
  await expect(page.getByTestId('finding-subnet-outside-vnet')).toHaveCount(0);
});

test('save then open a design file; a hostile file is refused and the design stays', async ({ page }) => {
  await openTemplate(page, 'workshop-hub-spoke');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('file-save').click()]);
  const saved = readFileSync((await dl.path())!, 'utf8');
  expect(JSON.parse(saved).format).toBe('aks-network-design');
  await page.getByTestId('file-new').click();
  await expect(page.getByTestId('design-name')).toHaveText('Untitled design');
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'hub.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await expect(page.getByTestId('design-name')).not.toHaveText('Untitled design');
  const name = await page.getByTestId('design-name').textContent();
  const hostile =
    '{"format":"aks-network-design","schemaVersion":1,"meta":{"name":"x"},"design":{"__proto__":{"polluted":true},"vnets":"nope"},"layout":{"nodes":{}}}';
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from(hostile) });
  await expect(page.getByTestId('banner')).toContainText('"evil.json" could not be opened, your design is unchanged');
  await expect(page.getByTestId('design-name')).toHaveText(name!);
  expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
});
