import { expect, type Page } from '@playwright/test';
import { node, openTemplate, test } from './helpers';

/** Selects a canvas element by clicking its header. */
async function selectOnCanvas(page: Page, id: string) {
  await node(page, id).locator('.box-head').click();
}

test('changing the network plugin in the inspector changes the subnet consumption', async ({ page }) => {
  await openTemplate(page, 'seed-kubenet');
  await page.getByTestId('tab-plan').click();
  // kubenet, 3 nodes + 1 surge in 192.168.1.0/24: 4 used, 256 − 5 − 4 = 247 free, no pod IPs in the subnet.
  await expect(page.getByTestId('plan-used-snet-aks')).toHaveText('4');
  await expect(page.getByTestId('plan-free-snet-aks')).toHaveText('247');
  await expect(page.getByTestId('plan-item-snet-aks-pods')).toHaveCount(0);
  await selectOnCanvas(page, 'aks');
  await page.getByTestId('tab-inspector').click();
  await page.getByTestId('field-networkPlugin').selectOption('azure');
  // Azure CNI on the node subnet: (3 + 1 surge) × 30 default max pods = 120 pod IPs; 4 + 120 = 124 used, 256 − 5 − 124 = 127 free.
  await expect(node(page, 'snet-aks').getByTestId('usage-text')).toHaveText('124 used · 127 free · 5 reserved');
  await page.getByTestId('tab-plan').click();
  await expect(page.getByTestId('plan-used-snet-aks')).toHaveText('124');
  await expect(page.getByTestId('plan-free-snet-aks')).toHaveText('127');
  await expect(page.getByTestId('plan-item-snet-aks-pods')).toContainText('120');
  await expect(page.getByTestId('plan-item-snet-aks-pods')).toContainText('(3 + 1 surge) × 30 max pods');
});

test('a bad address space shows a message, keeps the typed text and the last valid design', async ({ page }) => {
  await openTemplate(page, 'seed-kubenet');
  await selectOnCanvas(page, 'vnet-aks');
  const space = page.getByTestId('field-addressSpaces-0');
  await expect(space).toHaveValue('192.168.0.0/16');
  await space.fill('192.168.0/16');
  await expect(page.getByTestId('field-error-addressSpaces-0')).toHaveText(
    '"192.168.0" is not a four-part decimal IPv4 address',
  );
  await expect(space).toHaveValue('192.168.0/16');
  // The design still holds the last valid space: the subnet stays inside its VNet and keeps planning.
  await expect(node(page, 'vnet-aks')).toContainText('192.168.0.0/16');
  await expect(node(page, 'snet-aks').getByTestId('usage-text')).toHaveText('4 used · 247 free · 5 reserved');
  // No finding appears (the subnet is still inside 192.168.0.0/16): the tab counts only kubenet's retirement note.
  await expect(page.getByTestId('findings-count')).toHaveText('1');
  // A second space waits until every row is valid, then both reach the design.
  await page.getByTestId('add-addressSpaces').click();
  await page.getByTestId('field-addressSpaces-1').fill('10.50.0.0/16');
  await expect(node(page, 'vnet-aks')).not.toContainText('10.50.0.0/16');
  await space.fill('192.168.0.0/16');
  await expect(page.getByTestId('field-error-addressSpaces-0')).toHaveCount(0);
  await expect(node(page, 'vnet-aks')).toContainText('10.50.0.0/16');
  await page.getByTestId('remove-addressSpaces-1').click();
  await expect(node(page, 'vnet-aks')).not.toContainText('10.50.0.0/16');
  await expect(page.getByTestId('remove-addressSpaces-0')).toBeDisabled();
});

test('a bad subnet CIDR shows a message next to the field and the plan keeps the last valid one', async ({ page }) => {
  await openTemplate(page, 'seed-kubenet');
  await page.getByTestId('tab-plan').click();
  await page.getByTestId('plan-row-snet-aks').click();
  await page.getByTestId('tab-inspector').click();
  const cidr = page.getByTestId('field-cidr');
  await cidr.fill('192.168.1.0/33');
  await expect(page.getByTestId('field-error-cidr')).toBeVisible();
  await expect(cidr).toHaveAttribute('aria-invalid', 'true');
  await expect(cidr).toHaveValue('192.168.1.0/33');
  await expect(node(page, 'snet-aks')).toContainText('192.168.1.0/24');
  // A /25 halves the subnet: 128 − 5 − 4 = 119 free.
  await cidr.fill('192.168.1.0/25');
  await expect(node(page, 'snet-aks').getByTestId('usage-text')).toHaveText('4 used · 119 free · 5 reserved');
  await page.getByTestId('undo').click();
  await expect(node(page, 'snet-aks')).toContainText('192.168.1.0/24');
  await expect(cidr).toHaveValue('192.168.1.0/24');
});

test('route rows: a bad prefix is refused, a new route shows in the effective routes', async ({ page }) => {
  await openTemplate(page, 'aks-baseline');
  await selectOnCanvas(page, 'rt-to-hub-fw');
  await page.getByTestId('field-routes-0-addressPrefix').fill('0.0.0/0');
  await expect(page.getByTestId('field-error-routes-0-addressPrefix')).toBeVisible();
  await page.getByTestId('field-routes-0-addressPrefix').fill('0.0.0.0/0');
  await page.getByTestId('add-routes').click();
  await page.getByTestId('field-routes-1-addressPrefix').fill('172.16.50.0/24');
  await page.getByTestId('field-routes-1-nextHopType').selectOption('None');
  await page.getByTestId('tab-plan').click();
  await page.getByTestId('plan-row-snet-nodes').click();
  await page.getByTestId('tab-routes').click();
  await expect(
    page.getByTestId('routes-panel').locator('[data-prefix="0.0.0.0/0"][data-state="Active"]'),
  ).toContainText('VirtualAppliance 10.200.0.4');
  await expect(page.getByTestId('routes-panel').locator('[data-prefix="172.16.50.0/24"]')).toContainText('None');
});

test('the egress path of a node pool is drawn on the canvas on request', async ({ page }) => {
  await openTemplate(page, 'aks-baseline');
  await selectOnCanvas(page, 'pool-system');
  await page.getByTestId('tab-paths').click();
  const egress = page.getByTestId('trace-egress');
  await expect(egress).toHaveAttribute('data-outcome', 'delivered');
  await expect(egress).toContainText('fw-eastus2');
  await page.getByTestId('trace-egress-show').check();
  await expect(node(page, 'fw-hub')).toHaveClass(/box-highlight/);
  await expect(node(page, 'pool-system')).toHaveClass(/box-highlight/);
  await page.getByTestId('trace-egress-show').uncheck();
  await expect(node(page, 'fw-hub')).not.toHaveClass(/box-highlight/);
  // A bad destination gets a message; a valid one adds its trace.
  await page.getByTestId('trace-to').fill('10.240.4');
  await expect(page.getByTestId('field-error-trace-to')).toBeVisible();
  await page.getByTestId('trace-to').fill('10.240.4.4');
  await expect(page.getByTestId('trace-egress-ip')).toBeVisible();
});

test('a finding click selects its subject; its Learn link opens in a new tab', async ({ page }) => {
  await openTemplate(page, 'broken');
  await page.getByTestId('tab-findings').click();
  await expect(page.getByTestId('findings-error')).toBeVisible();
  const outside = page.getByTestId('finding-subnet-outside-vnet');
  await outside.locator('.finding-main').click();
  await expect(outside).toHaveClass(/finding-selected/);
  const link = outside.getByRole('link', { name: 'Microsoft Learn' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('href', /^https:\/\/learn\.microsoft\.com\//);
  await page.getByTestId('tab-inspector').click();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-kind', 'subnet');
});

test('copy puts the export text on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openTemplate(page, 'seed-azure-cni');
  await page.getByTestId('tab-export').click();
  await page.getByTestId('export-format').selectOption('bicep');
  await page.getByTestId('export-copy').click();
  await expect(page.getByTestId('export-copy')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.getByTestId('export-text').textContent());
  expect(copied).toContain('Microsoft.ContainerService/managedClusters');
});
