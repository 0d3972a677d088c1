import { expect } from '@playwright/test';
import { openTemplate, test } from './helpers';

const SCRIPT = [
  '# the current network, as az commands',
  'az network vnet create -g rg -n vnet-imported --address-prefixes 10.50.0.0/16 \\',
  '  --subnet-name snet-app --subnet-prefixes 10.50.1.0/24',
].join('\n');

test('paste an az script, read the report, merge it beside the drawing; Undo takes it back', async ({ page }) => {
  await openTemplate(page, 'seed-kubenet');
  const vnets = page.locator('[data-testid^="node-"][data-kind="vnet"]');
  const before = await vnets.count();
  expect(before).toBeGreaterThan(0);

  await page.getByTestId('file-import').click();
  await expect(page.getByTestId('import-merge')).toBeDisabled();
  await page.getByTestId('import-text').fill('az network vnet create --name');
  // An incomplete command: nothing is applied, the report says why.
  await expect(page.getByTestId('import-report')).toBeVisible();
  await page.getByTestId('import-text').fill(SCRIPT);
  await expect(page.getByTestId('import-source')).toHaveText('Read as az CLI script');
  const imported = page.getByTestId('import-group-imported').getByTestId('import-item');
  await expect(imported).toHaveCount(1);
  await expect(imported).toContainText('VNet vnet-imported (10.50.0.0/16) with subnet snet-app');
  await expect(page.getByTestId('import-group-defaulted')).toContainText('eastus2');
  // Nothing changes before a choice is made.
  await expect(vnets).toHaveCount(before);
  await expect(page.getByTestId('import-diff')).toBeVisible();

  await page.getByTestId('import-merge').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await expect(vnets).toHaveCount(before + 1);
  const added = vnets.filter({ hasText: 'vnet-imported' });
  await expect(added).toBeVisible();
  // Placed to the right of everything that was drawn: no overlap.
  const boxes = await vnets.evaluateAll((els) =>
    els.map((e) => ({ text: e.textContent ?? '', ...e.getBoundingClientRect().toJSON() })),
  );
  const mine = boxes.find((b) => b.text.includes('vnet-imported'))!;
  for (const b of boxes.filter((x) => x !== mine)) expect(mine.left).toBeGreaterThan(b.right);
  await expect(page.getByTestId('banner')).toContainText('merged into the design');

  await page.getByTestId('banner-undo').click();
  await expect(vnets).toHaveCount(before);
  await expect(vnets.filter({ hasText: 'vnet-imported' })).toHaveCount(0);
});
