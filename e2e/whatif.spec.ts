import { expect, type Locator, type Page } from '@playwright/test';
import { edges, inspect, node, openTemplate, test } from './helpers';

/** seed-azure-cni's node subnet as the template has it: (3 nodes + 1 surge) × 31 = 124 of 251 used. */
const SEED_USAGE = '124 used · 127 free · 5 reserved';

/** One undo step, back to the seed's node subnet. */
async function undoToSeed(page: Page, subnet: Locator): Promise<void> {
  await page.keyboard.press('Control+z');
  await expect(subnet.getByTestId('usage-text')).toHaveText(SEED_USAGE);
}

/** The plan tab: whether it shows a preview, and the text of some of its cells, by test id. */
async function expectPlan(page: Page, previewing: boolean, cells: Record<string, string>): Promise<void> {
  await page.getByTestId('tab-plan').click();
  if (previewing) await expect(page.getByTestId('plan-previewing')).toBeVisible();
  else await expect(page.getByTestId('plan-previewing')).toHaveCount(0);
  for (const [testId, text] of Object.entries(cells)) await expect(page.getByTestId(testId)).toHaveText(text);
}

test('scaling until the node subnet overflows, applying it as one step, then a larger layout turns it green', async ({
  page,
}) => {
  // seed-azure-cni: Azure CNI on the node subnet, 3 nodes, 30 max pods, surge 1, in a /24 (256 − 5 = 251 usable).
  await openTemplate(page, 'seed-azure-cni');
  const subnet = node(page, 'snet-aks');
  await expect(subnet.getByTestId('usage-text')).toHaveText(SEED_USAGE);
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
  await expect(page.getByTestId('whatif-scale-pool-nodepool1')).toHaveText('nodepool1: 3 → 8 nodes');
  // The headroom follows the preview: 251 / 31 = 8 nodes at peak → max 7, one less than the 8 previewed;
  // the bar is 279 − 251 = 28 over, floor(−28 / 31) = −1 node.
  await expect(page.getByTestId('whatif-headroom-pool-nodepool1')).toHaveText(' · reachable max 7 (node-subnet), −1');
  await expect(subnet.getByTestId('usage-headroom')).toHaveText('over at peak: −1 nodepool1 nodes');

  // Reset leaves the design as it was.
  await page.getByTestId('whatif-reset').click();
  await expect(subnet.getByTestId('usage-text')).toHaveText(SEED_USAGE);
  await expect(subnet.getByTestId('usage-over')).toHaveCount(0);

  // The same scale again, applied: one undo step brings the 3 nodes back, redo the 8.
  await page.getByTestId('whatif-amount').fill('2.4');
  await expect(subnet.getByTestId('usage-over')).toHaveText('279 needed > 251 usable');
  await page.getByTestId('whatif-apply').click();
  await expect(page.getByTestId('whatif-preview')).toHaveCount(0);
  await expect(subnet.getByTestId('usage-over')).toHaveText('279 needed > 251 usable');
  await undoToSeed(page, subnet);
  await page.keyboard.press('Control+Shift+z');
  await expect(subnet.getByTestId('usage-over')).toHaveText('279 needed > 251 usable');

  // The fix: allocate the VNet with 30% headroom. 279 × 1.3 = 362.7 → 363 > 251 (a /24), ≤ 507 (a /23).
  await inspect(page, 'vnet-my');
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

test('a preflight fix from the preview: scale until red, read the numbers, apply the scale and the fix as one step', async ({
  page,
}) => {
  await openTemplate(page, 'seed-azure-cni');
  const subnet = node(page, 'snet-aks');
  await page.getByTestId('tab-whatif').click();
  await page.getByTestId('whatif-amount').fill('2.4');
  // 8 nodes: (8 + 1) × 31 = 279 > 251.
  const pf = page.getByTestId('whatif-preflight-aks');
  await expect(pf).toContainText('Pre-allocated IPs 279 exceeds IPs available 251 in Subnet Cidr 10.1.0.0/24');
  // 9 × (1 + m) ≤ 251 → max pods 26, 9 × 27 = 243; surge 0: 8 × 31 = 248.
  await expect(pf.getByTestId('preflight-after-smaller-max-pods')).toHaveText(
    'after: 243 pre-allocated of 251 available',
  );
  await expect(pf.getByTestId('preflight-after-smaller-surge')).toHaveText('after: 248 pre-allocated of 251 available');
  // The plan tab shows the preview too.
  await expectPlan(page, true, {
    'plan-max-pool-nodepool1': '8',
    'plan-reachable-pool-nodepool1': '7',
    'plan-used-snet-aks': '279',
  });
  await page.getByTestId('tab-whatif').click();
  await pf.getByTestId('preflight-apply-smaller-max-pods').click();
  // Written: 8 nodes at 26 max pods, 9 × 27 = 243 used, 8 free; the preview is over.
  await expect(page.getByTestId('whatif-preview')).toHaveCount(0);
  await expect(subnet.getByTestId('usage-text')).toHaveText('243 used · 8 free · 5 reserved');
  await expectPlan(page, false, { 'plan-max-pool-nodepool1': '8' });
  // One undo step back to 3 nodes at 30 max pods.
  await undoToSeed(page, subnet);
});

test('the preview lists the limits it passes: kubenet routes and pod CIDR /24s', async ({ page }) => {
  await openTemplate(page, 'seed-kubenet');
  await page.getByTestId('tab-whatif').click();
  await page.getByTestId('whatif-mode').selectOption('nodes');
  await page.getByTestId('whatif-amount').fill('400');
  // 400 nodes (kubenet's most) + 1 surge = 401 at peak: 401 routes of 400, 401 /24s of the /16's 2^(24 − 16) = 256,
  // 401 node addresses of the /24's 251.
  await expect(page.getByTestId('whatif-limit-kubenet-node-limit-aks')).toContainText(
    '401 routes needed, 400 available',
  );
  await expect(page.getByTestId('whatif-limit-pod-cidr-aks')).toContainText(
    'myAKSCluster pod CIDR 10.244.0.0/16: 401 node /24s needed, 256 available',
  );
  await expect(page.getByTestId('whatif-overflow-snet-aks')).toContainText('401 needed, 251 usable');
  await expect(page.getByTestId('whatif-fits')).toHaveCount(0);
});
