import { expect, test, type Page } from '@playwright/test';
import { edges, freshApp, node, watchErrors } from './helpers';

async function openTemplate(page: Page, file: string) {
  await freshApp(page);
  await page.getByTestId('templates').selectOption(file);
}

test('scaling until the node subnet overflows, applying it as one step, then a larger layout turns it green', async ({
  page,
}) => {
  const errors = watchErrors(page);
  // seed-azure-cni: Azure CNI on the node subnet, 3 nodes, 30 max pods, surge 1, in a /24 (256 − 5 = 251 usable).
  await openTemplate(page, 'seed-azure-cni');
  const subnet = node(page, 'snet-aks');
  await expect(subnet.getByTestId('usage-text')).toHaveText('124 used · 127 free · 5 reserved');
  await page.getByTestId('tab-whatif').click();
  const range = page.getByTestId('whatif-range');
  await range.focus();
  // Factor 1 → 2.3 in steps of 0.1: 3 × 2.3 = 6.9 → 7 nodes, (7 + 1) × 31 = 248 ≤ 251: still fits.
  for (let i = 0; i < 13; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('whatif-amount')).toHaveValue('2.3');
  await expect(page.getByTestId('whatif-fits')).toBeVisible();
  await expect(subnet.getByTestId('usage-over')).toHaveCount(0);
  // 2.4: 3 × 2.4 = 7.2 → 8 nodes, (8 + 1) × 31 = 279 > 251: the subnet turns red with the numbers.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('whatif-overflow-snet-aks')).toHaveText('myAKSSubnet: 279 needed, 251 usable');
  await expect(subnet.getByTestId('usage-over')).toHaveText('279 needed > 251 usable');
  await expect(subnet).toHaveAttribute('data-over', 'true');
  await expect(page.getByTestId('whatif-pool-pool-nodepool1')).toHaveText('nodepool1: 3 → 8 nodes');

  // Reset leaves the design as it was.
  await page.getByTestId('whatif-reset').click();
  await expect(subnet.getByTestId('usage-text')).toHaveText('124 used · 127 free · 5 reserved');
  await expect(subnet.getByTestId('usage-over')).toHaveCount(0);

  // The same scale again, applied: one undo step brings the 3 nodes back, redo the 8.
  await page.getByTestId('whatif-amount').fill('2.4');
  await expect(subnet.getByTestId('usage-over')).toHaveText('279 needed > 251 usable');
  await page.getByTestId('whatif-apply').click();
  await expect(page.getByTestId('whatif-preview')).toHaveCount(0);
  await expect(subnet.getByTestId('usage-over')).toHaveText('279 needed > 251 usable');
  await page.keyboard.press('Control+z');
  await expect(subnet.getByTestId('usage-text')).toHaveText('124 used · 127 free · 5 reserved');
  await page.keyboard.press('Control+Shift+z');
  await expect(subnet.getByTestId('usage-over')).toHaveText('279 needed > 251 usable');

  // The fix: allocate the VNet with 30% headroom. 279 × 1.3 = 362.7 → 363 > 251 (a /24), ≤ 507 (a /23).
  await node(page, 'vnet-my').locator('.box-head').click();
  await page.getByTestId('tab-inspector').click();
  await page.getByTestId('allocate-headroom').fill('30');
  await page.getByTestId('allocate-propose').click();
  await expect(page.getByTestId('allocate-row-snet-aks')).toContainText('10.1.0.0/24');
  await expect(page.getByTestId('allocate-to-snet-aks')).toHaveText('10.1.0.0/23');
  await page.getByTestId('allocate-apply').click();
  // Green again: 512 − 5 − 279 = 228 free.
  await expect(subnet.getByTestId('usage-over')).toHaveCount(0);
  await expect(subnet.getByTestId('usage-text')).toHaveText('279 used · 228 free · 5 reserved');
  // One undo step takes the layout back to the /24.
  await page.keyboard.press('Control+z');
  await expect(subnet.getByTestId('usage-over')).toHaveText('279 needed > 251 usable');
  expect(errors).toEqual([]);
});

test('a new spoke takes a free address space and is peered with the hub', async ({ page }) => {
  await openTemplate(page, 'seed-azure-cni');
  await node(page, 'vnet-my').locator('.box-head').click();
  await expect(edges(page, 'peering')).toHaveCount(0);
  await page.getByTestId('add-spoke').click();
  // Taken: 10.1.0.0/16 (the VNet) and 10.2.0.0/24 (the service CIDR): 10.0.0.0/16 is the first free /16.
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-kind', 'vnet');
  await expect(page.getByTestId('field-addressSpaces-0')).toHaveValue('10.0.0.0/16');
  await expect(edges(page, 'peering')).toHaveCount(1);
});
