import { expect } from '@playwright/test';
import { inspect, node, openTemplate, test } from './helpers';

test('headroom on the subnet bar and in the plan; the preflight fails with the numbers Azure reports', async ({
  page,
}) => {
  await openTemplate(page, 'seed-azure-cni');
  // Azure CNI, max pods 30, on a /24: (256 − 5) / 31 = 8 nodes at peak → max 7; the pool is at 3, so 4 more.
  await expect(node(page, 'snet-aks').getByTestId('usage-text')).toHaveText('124 used · 127 free · 5 reserved');
  await expect(node(page, 'snet-aks').getByTestId('usage-headroom')).toHaveText('room at peak: +4 nodepool1 nodes');
  await page.getByTestId('tab-plan').click();
  await expect(page.getByTestId('plan-reachable-pool-nodepool1')).toHaveText('7');
  await expect(page.getByTestId('plan-limit-pool-nodepool1')).toHaveText('node-subnet');
  await expect(page.getByTestId('plan-more-snet-aks-pool-nodepool1')).toContainText('+4');
  await expect(page.getByTestId('plan-preflight-aks')).toHaveCount(0);
  // 10 nodes: (10 + 1 surge) × 31 = 341 pre-allocated against 251 usable.
  await inspect(page, 'pool-nodepool1');
  await page.getByTestId('field-count').fill('10');
  await page.getByTestId('field-count').press('Enter');
  await expect(node(page, 'snet-aks').getByTestId('usage-headroom')).toHaveText('over at peak: −3 nodepool1 nodes');
  await page.getByTestId('tab-plan').click();
  await expect(page.getByTestId('plan-preflight-aks')).toContainText(
    'Pre-allocated IPs 341 exceeds IPs available 251 in Subnet Cidr 10.1.0.0/24',
  );
  // 10 × (1 + m) + ... ≤ 251 with surge: 11 × (1 + m) ≤ 251 → m ≤ 21.
  await expect(page.getByTestId('plan-preflight-aks')).toContainText('Set max pods to 21');
  // After it: 11 × (1 + 21) = 242 of 251.
  const fix = page.getByTestId('plan-preflight-aks').getByTestId('preflight-fix-smaller-max-pods');
  await expect(fix.getByTestId('preflight-after-smaller-max-pods')).toHaveText(
    'after: 242 pre-allocated of 251 available',
  );
  await fix.getByTestId('preflight-apply-smaller-max-pods').click();
  await expect(page.getByTestId('plan-preflight-aks')).toHaveCount(0);
  await expect(node(page, 'snet-aks').getByTestId('usage-text')).toHaveText('242 used · 9 free · 5 reserved');
  // One undo step: back to 30 max pods and the failing preflight.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('plan-preflight-aks')).toContainText('Pre-allocated IPs 341');
});
