import { expect } from '@playwright/test';
import { drawInVnet, dropFromPalette, freshApp, node, test } from './helpers';

test('draw a VNet, a node subnet, a cluster and its pool from an empty canvas; the numbers follow the inspector', async ({
  page,
}) => {
  await freshApp(page);
  await dropFromPalette(page, 'vnet', { testId: 'canvas', x: 300, y: 150 });
  await expect(node(page, 'vnet-1')).toBeVisible();
  await dropFromPalette(page, 'node-subnet', { testId: 'node-vnet-1' });
  await expect(node(page, 'snet-1')).toContainText('snet-nodes');
  // Below the VNet (the first box is zoomed to fit the canvas): on the canvas, not under the side panel.
  await dropFromPalette(page, 'cluster', { testId: 'canvas', x: 40, y: 480 });
  await expect(node(page, 'aks-1')).toBeVisible();
  // The cluster is selected: the pool dropped on the node subnet joins it.
  await dropFromPalette(page, 'pool', { testId: 'node-snet-1' });
  await expect(node(page, 'pool-1')).toContainText('system1');
  // Overlay cluster, 3 nodes + 1 surge in the /22: 4 used, 1024 − 5 − 4 = 1015 free.
  const usage = node(page, 'snet-1').getByTestId('usage-text');
  await expect(usage).toHaveText('4 used · 1,015 free · 5 reserved');
  // The new pool is selected: raise its count in the inspector.
  await page.getByTestId('field-count').fill('10');
  await expect(usage).toHaveText('11 used · 1,008 free · 5 reserved');
  // Switch the cluster to legacy Azure CNI: (10 + 1) × (30 + 1) = 341 used.
  // The grown VNet may now cover part of the cluster's box: select it from the keyboard (Enter on the focused
  // node), as a keyboard user would.
  await node(page, 'aks-1').locator('xpath=..').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('field-networkPluginMode').selectOption('');
  await expect(usage).toHaveText('341 used · 678 free · 5 reserved');
  await page.getByTestId('field-networkPlugin').selectOption('kubenet');
  await expect(usage).toHaveText('11 used · 1,008 free · 5 reserved');
});

test('a bad CIDR shows a message next to the field and loses nothing', async ({ page }) => {
  await drawInVnet(page, 'subnet');
  const cidr = page.getByTestId('field-cidr');
  await expect(cidr).toHaveValue('10.1.0.0/24');
  await cidr.fill('10.1.0/24');
  await expect(page.getByTestId('field-error-cidr')).toHaveText('"10.1.0" is not a four-part decimal IPv4 address');
  await expect(cidr).toHaveValue('10.1.0/24');
  // The design keeps the last valid CIDR.
  await expect(node(page, 'snet-1')).toContainText('10.1.0.0/24');
  await cidr.fill('10.1.8.0/24');
  await expect(page.getByTestId('field-error-cidr')).toHaveCount(0);
  await expect(node(page, 'snet-1')).toContainText('10.1.8.0/24');
});
