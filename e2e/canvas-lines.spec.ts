import { expect, test } from '@playwright/test';
import { edges, node, openTemplate } from './helpers';

test('association lines: all, or only those of the selection; the box names its associations either way', async ({
  page,
}) => {
  await openTemplate(page, 'aks-baseline');
  const nodes = node(page, 'snet-nodes');
  await expect(nodes).toBeVisible();
  // A small design: auto draws them all (9 subnet associations: 6 NSGs and 3 route tables).
  const assoc = edges(page, 'assoc');
  await expect(assoc).toHaveCount(9);
  const tags = nodes.locator('.box-tag');
  await expect(tags).toHaveText(['NSG', 'RT']);
  await expect(tags.first()).toHaveAttribute('title', 'NSG nsg-vnet-spoke-BU0001A0008-00-nodepools');
  await expect(tags.last()).toHaveAttribute('title', 'RT route-to-eastus2-hub-fw');

  await page.getByTestId('lines').selectOption('selection');
  await expect(assoc).toHaveCount(0);
  await nodes.click();
  await expect(assoc).toHaveCount(2);
  await page.getByTestId('lines').selectOption('all');
  await expect(assoc).toHaveCount(9);
});
