import { expect, type Locator, type Page } from '@playwright/test';
import { inspect, openTemplate, test } from './helpers';

/** The cluster's migration section with one choice made in it; its status says whether the migration can go ahead. */
async function migrateWith(page: Page, choose: (section: Locator) => Promise<unknown>, possible: boolean) {
  await inspect(page, 'aks');
  const section = page.getByTestId('migrate');
  await choose(section);
  await expect(section.getByTestId('migrate-status')).toHaveAttribute('data-possible', String(possible));
  return section;
}

test('migrating the kubenet seed to Overlay removes the kubenet route table from the plan, in one undo step', async ({
  page,
}) => {
  await openTemplate(page, 'seed-kubenet');
  await page.getByTestId('tab-plan').click();
  // kubenet: 3 nodes + 1 surge = 4 routes in the managed route table, 4 node addresses in the /24.
  await expect(page.getByTestId('plan-kubenet-routes-aks')).toHaveText('4 of 400 routes in the kubenet route table');
  await expect(page.getByTestId('plan-used-snet-aks')).toHaveText('4');

  const section = await migrateWith(page, (m) => m.getByTestId('migrate-target').selectOption('overlay'), true);
  await expect(section.getByTestId('migrate-commands')).toContainText(
    'az aks update --resource-group "$RESOURCE_GROUP" --name myAKSCluster --network-plugin azure --network-plugin-mode overlay',
  );
  await expect(section.getByTestId('migrate-check-migrate-kubenet-retirement')).toContainText('31 March 2028');
  // Before and after: 4 kubenet routes → none; one node-subnet address per node on both sides (4 → 4).
  await expect(section.getByTestId('migrate-before-routes')).toHaveText('4');
  await expect(section.getByTestId('migrate-after-routes')).toHaveText('none');
  await expect(section.getByTestId('migrate-after-subnet-snet-aks')).toHaveText('4');
  await section.getByTestId('migrate-apply').click();

  await page.getByTestId('tab-plan').click();
  await expect(page.getByTestId('plan-cluster-aks')).toContainText('azure-cni-overlay');
  await expect(page.getByTestId('plan-kubenet-routes-aks')).toHaveCount(0);
  await expect(page.getByTestId('plan-used-snet-aks')).toHaveText('4');
  await expect(page.getByTestId('plan-free-snet-aks')).toHaveText('247');

  // One undo step brings kubenet and its route table back.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('plan-kubenet-routes-aks')).toHaveText('4 of 400 routes in the kubenet route table');
});

test('a blocked migration says why and cannot be applied', async ({ page }) => {
  await openTemplate(page, 'seed-azure-cni');
  const section = await migrateWith(page, (m) => m.getByTestId('migrate-pod-cidr').fill('10.1.0.0/16'), false);
  await expect(section.getByTestId('migrate-check-migrate-overlay-pod-cidr-overlap')).toContainText(
    'overlaps VNet myVnet (10.1.0.0/16)',
  );
  await expect(section.getByTestId('migrate-apply')).toBeDisabled();
  // Without the pod CIDR the default 10.244.0.0/16 is free: (3 + 1) × 31 = 124 VNet addresses become 4.
  await section.getByTestId('migrate-pod-cidr').fill('');
  await expect(section.getByTestId('migrate-before-vnet')).toHaveText('124');
  await expect(section.getByTestId('migrate-after-vnet')).toHaveText('4');
  await expect(section.getByTestId('migrate-apply')).toBeEnabled();
});
