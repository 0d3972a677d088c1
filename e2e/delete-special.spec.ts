import { expect } from '@playwright/test';
import { drawInVnet, dropFromPalette, node, test } from './helpers';

test('a firewall dropped on a VNet uses its existing AzureFirewallSubnet; no name is doubled', async ({ page }) => {
  await drawInVnet(page, 'subnet');
  // The new subnet is selected: name it for the firewall by hand.
  await page.getByTestId('field-name').fill('AzureFirewallSubnet');
  await page.getByTestId('field-name').press('Enter');
  await expect(node(page, 'snet-1')).toContainText('AzureFirewallSubnet');
  await dropFromPalette(page, 'firewall', { testId: 'node-vnet-1' });
  await expect(node(page, 'fw-1')).toBeVisible();
  // The dropped firewall is selected: its subnet is the existing one, and it is drawn inside that subnet's box.
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-kind', 'firewall');
  await expect(page.getByTestId('field-subnetId')).toHaveValue('snet-1');
  await expect(async () => {
    const fw = (await node(page, 'fw-1').boundingBox())!;
    const subnet = (await node(page, 'snet-1').boundingBox())!;
    expect(fw.x >= subnet.x - 0.5 && fw.y >= subnet.y - 0.5).toBe(true);
    expect(fw.x + fw.width <= subnet.x + subnet.width + 0.5 && fw.y + fw.height <= subnet.y + subnet.height + 0.5).toBe(
      true,
    );
  }).toPass({ intervals: [200, 300, 500] });
  await expect(page.locator('[data-kind="subnet"]')).toHaveCount(1);
  await page.getByTestId('tab-findings').click();
  await expect(page.getByTestId('finding-special-subnet-name')).toHaveCount(0);
});

test('deleting a subnet says what went with it and offers Undo; the public IP left behind is a finding', async ({
  page,
}) => {
  await drawInVnet(page, 'firewall');
  await expect(node(page, 'fw-1')).toBeVisible();
  await page.getByTestId('tab-plan').click();
  await page.getByTestId('plan-row-snet-1').click();
  await page.getByTestId('tab-inspector').click();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-kind', 'subnet');
  await page.getByTestId('delete-element').click();
  const banner = page.getByTestId('banner');
  await expect(banner).toContainText(
    'Deleted subnet AzureFirewallSubnet, and with it Azure Firewall fw-1. The public IP pip-fw-1 stays, attached to nothing.',
  );
  await expect(node(page, 'fw-1')).toHaveCount(0);
  await page.getByTestId('tab-findings').click();
  await expect(page.getByTestId('finding-public-ip-unattached')).toContainText('pip-fw-1');
  await page.getByTestId('banner-undo').click();
  await expect(node(page, 'fw-1')).toBeVisible();
  await expect(node(page, 'snet-1')).toContainText('AzureFirewallSubnet');
  await expect(page.getByTestId('finding-public-ip-unattached')).toHaveCount(0);
  await expect(banner).toHaveCount(0);
});
