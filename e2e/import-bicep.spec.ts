import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { freshApp, test } from './helpers';

/** The hub of mspnp/aks-baseline (network-team/hub-default.bicep), as fixtures/import keeps it. */
const HUB = readFileSync(new URL('../fixtures/import/aks-baseline/hub-default.bicep', import.meta.url), 'utf8');

/** Every URL the page asks for, and the CSP violations it reports. */
async function watchPage(page: Page) {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return { urls, violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

test('paste a Bicep hub: the Bicep reader loads on demand, the report shows, the VNet lands on the canvas', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const { urls, violations } = await watchPage(page);
  await freshApp(page);
  // The Bicep reader (tree-sitter and its grammar) is not loaded with the app.
  expect(urls.filter((u) => u.includes('bicep-reader'))).toEqual([]);

  await page.getByTestId('file-import').click();
  await page.getByTestId('import-text').fill(HUB);
  await expect(page.getByTestId('import-source')).toHaveText('Read as Bicep');
  // resourceGroup().location comes from the parameters box, prefilled with the design's region.
  await expect(page.getByTestId('import-params')).toHaveValue(/^location=/);
  await page.getByTestId('import-params').fill('location=eastus2');
  const imported = page.getByTestId('import-group-imported');
  await expect(imported).toContainText('vnet-eastus2-hub');
  await expect(imported).toContainText('fw-eastus2');
  // Log Analytics and diagnostic settings are outside the network design: ignored, each with why.
  await expect(page.getByTestId('import-group-ignored')).toContainText('not part of the network design');
  await expect(page.getByTestId('import-group-unresolved')).toHaveCount(0);

  await page.getByTestId('import-replace').click();
  // The first layout loads the layout engine before the dialog closes: seconds on a busy machine.
  await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 90_000 });
  const vnets = page.locator('[data-testid^="node-"][data-kind="vnet"]');
  await expect(vnets).toHaveCount(1);
  await expect(vnets).toContainText('vnet-eastus2-hub');
  const subnets = page.locator('[data-testid^="node-"][data-kind="subnet"]');
  for (const name of ['AzureFirewallSubnet', 'GatewaySubnet', 'AzureBastionSubnet'])
    await expect(subnets.filter({ hasText: name })).toHaveCount(1);
  await expect(page.locator('[data-testid^="node-"][data-kind="firewall"]')).toContainText('fw-eastus2');

  // Loaded from the app's own origin only, WASM included, under the CSP (connect-src 'none').
  const origin = new URL(page.url()).origin;
  expect(urls.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
  expect(urls.filter((u) => u.includes('bicep-reader'))).toHaveLength(1);
  expect(await violations()).toEqual([]);
});

test('a Bicep parameter line that is not NAME=VALUE is pointed out next to the box', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('file-import').click();
  await page.getByTestId('import-text').fill(HUB);
  await page.getByTestId('import-params').fill('location=eastus2\nhubVnetResourceId');
  await expect(page.getByTestId('import-params-error')).toHaveText(
    'line 2: expected NAME=VALUE, got "hubVnetResourceId"',
  );
});

const fixture = (name: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: readFileSync(new URL(`../fixtures/import/aks-baseline/${name}`, import.meta.url)),
});
const HUB_ID =
  '/subscriptions/0/resourceGroups/rg-enterprise-networking-hubs/providers/Microsoft.Network/virtualNetworks/vnet-eastus2-hub';

test('open the aks-baseline hub, spoke and peering module together: the spoke peers with the hub', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('file-import').click();
  await page
    .getByTestId('import-file')
    .setInputFiles(['spoke-BU0001A0008.bicep', 'hub-regionA.bicep', 'virtualNetworkPeering.bicep'].map(fixture));
  await expect(page.getByTestId('import-files')).toContainText('hub-regionA.bicep, virtualNetworkPeering.bicep');
  await page.getByTestId('import-params').fill(`location=eastus2\nhubVnetResourceId=${HUB_ID}`);
  const imported = page.getByTestId('import-group-imported');
  // Each peering module is read with the params the spoke gives it: spoke to hub, then hub to spoke.
  await expect(imported).toContainText('peering to_vnet-eastus2-hub with its return link to_vnet-spoke-BU0001A0008-00');
  await expect(imported).toContainText('module peeringSpokeToHub (virtualNetworkPeering.bicep)');
  await page.getByTestId('import-replace').click();
  // The layout (the first one loads the layout engine) runs before the dialog closes: seconds on a busy machine.
  await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 90_000 });
  const vnets = page.locator('[data-testid^="node-"][data-kind="vnet"]');
  await expect(vnets).toHaveCount(2);
  await expect(page.locator('[data-testid^="edge-"][data-kind="peering"]')).toHaveCount(1);
});

test('a Bicep file pasted alone: its modules are reported unresolved with their path', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('file-import').click();
  await page.getByTestId('import-text').fill(fixture('spoke-BU0001A0008.bicep').buffer.toString('utf8'));
  await page.getByTestId('import-params').fill(`location=eastus2\nhubVnetResourceId=${HUB_ID}`);
  const unresolved = page.getByTestId('import-group-unresolved');
  await expect(unresolved).toContainText(
    'module peeringSpokeToHub: virtualNetworkPeering.bicep: virtualNetworkPeering.bicep is not among the files given: open it together with this file',
  );
  await expect(page.getByTestId('import-group-imported')).toContainText('vnet-spoke-BU0001A0008-00');
});
