import { expect, test, type Page } from '@playwright/test';
import { dropFromPalette, freshApp } from './helpers';

async function drawVnetWithSubnet(page: Page) {
  await freshApp(page);
  await dropFromPalette(page, 'vnet', { testId: 'canvas', x: 250, y: 120 });
  await dropFromPalette(page, 'subnet', { testId: 'node-vnet-1' });
  await expect(page.getByTestId('node-snet-1')).toBeVisible();
}

const transformOf = (page: Page, name: string) =>
  page
    .getByTestId(`node-${name}`)
    .locator('xpath=ancestor::div[contains(@class,"react-flow__node")][1]')
    .evaluate((el) => (el as HTMLElement).style.transform);

async function drag(page: Page, name: string, dx: number, dy: number) {
  const box = (await page.getByTestId(`node-${name}`).boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 30 + dx, box.y + 10 + dy, { steps: 12 });
  await page.mouse.up();
}

test('drag a VNet (its subnet moves with it) and a subnet inside it', async ({ page }) => {
  await drawVnetWithSubnet(page);
  const vnetBefore = await transformOf(page, 'vnet-1');
  const subnetScreen = (await page.getByTestId('node-snet-1').boundingBox())!;
  await drag(page, 'vnet-1', 120, 60);
  await expect.poll(() => transformOf(page, 'vnet-1')).not.toBe(vnetBefore);
  const moved = (await page.getByTestId('node-snet-1').boundingBox())!;
  expect(moved.x).toBeGreaterThan(subnetScreen.x + 50);
  // The subnet's own position is relative to the VNet: dragging it changes only that.
  const subnetBefore = await transformOf(page, 'snet-1');
  await drag(page, 'snet-1', 0, 30);
  await expect.poll(() => transformOf(page, 'snet-1')).not.toBe(subnetBefore);
});

test('undo and redo with the keyboard; reload keeps the design', async ({ page }) => {
  await drawVnetWithSubnet(page);
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-snet-1')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('node-snet-1')).toBeVisible();
  await page.getByTestId('undo').click();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('node-vnet-1')).toHaveCount(0);
  await page.getByTestId('redo').click();
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('node-snet-1')).toBeVisible();
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByTestId('node-snet-1')).toBeVisible();
  await expect(page.getByTestId('node-vnet-1')).toContainText('10.1.0.0/16');
});

test('connect two VNets to peer them, and export the canvas as PNG', async ({ page }) => {
  await freshApp(page);
  await dropFromPalette(page, 'vnet', { testId: 'canvas', x: 60, y: 40 });
  await dropFromPalette(page, 'vnet', { testId: 'canvas', x: 60, y: 560 });
  await expect(page.getByTestId('node-vnet-2')).toBeVisible();
  const handle = (name: string, kind: 'source' | 'target') =>
    page.getByTestId(`node-${name}`).locator(`xpath=..`).locator(`.react-flow__handle.${kind}`);
  const from = (await handle('vnet-1', 'source').boundingBox())!;
  const to = (await handle('vnet-2', 'target').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge.edge-peering')).toHaveCount(1);
  await page.getByTestId('picture-menu').locator('summary').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('picture-png').click()]);
  expect(dl.suggestedFilename()).toBe('Untitled design.png');
});

test('connect a subnet to an NSG to associate them; a meaningless pair explains itself', async ({ page }) => {
  await freshApp(page);
  await dropFromPalette(page, 'vnet', { testId: 'canvas', x: 60, y: 40 });
  await dropFromPalette(page, 'subnet', { testId: 'node-vnet-1' });
  await dropFromPalette(page, 'nsg', { testId: 'canvas', x: 600, y: 500 });
  const nsg = page.locator('.react-flow__node-resource').filter({ hasText: 'NSG' });
  await expect(nsg).toHaveCount(1);
  const nsgName = (await nsg.locator('.box-name').textContent())!;
  const subnet = page.getByTestId('node-snet-1');
  const from = (await subnet.locator('xpath=..').locator('.react-flow__handle.source').boundingBox())!;
  const to = (await nsg.locator('.react-flow__handle.target').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge.edge-assoc')).toHaveCount(1);
  await expect(subnet.locator('.box-tag')).toHaveText(['NSG']);
  await expect(subnet.locator('.box-tag')).toHaveAttribute('title', `NSG ${nsgName}`);

  // NSG to VNet means nothing: a message says what can be connected, and nothing changes.
  const nsgOut = (await nsg.locator('.react-flow__handle.source').boundingBox())!;
  const vnetIn = (await page
    .getByTestId('node-vnet-1')
    .locator('xpath=..')
    .locator('.react-flow__handle.target')
    .first()
    .boundingBox())!;
  await page.mouse.move(nsgOut.x + nsgOut.width / 2, nsgOut.y + nsgOut.height / 2);
  await page.mouse.down();
  await page.mouse.move(vnetIn.x + vnetIn.width / 2, vnetIn.y + vnetIn.height / 2, { steps: 15 });
  await page.mouse.up();
  await expect(page.getByTestId('banner')).toContainText('NSG and VNet: nothing to connect.');
  await expect(page.locator('.react-flow__edge.edge-assoc')).toHaveCount(1);
});

test('copy and paste a VNet with the keyboard: the copy gets a free address space; Delete removes it', async ({
  page,
}) => {
  await drawVnetWithSubnet(page);
  await page.getByTestId('node-vnet-1').click({ position: { x: 30, y: 8 } });
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  // Taken: 10.0.0.0/16 (default service CIDR), 10.1.0.0/16 (vnet-1), 10.244.0.0/16 (default pod CIDR).
  const copy = page.getByTestId('node-vnet-1-copy');
  await expect(copy).toContainText('10.2.0.0/16');
  await expect(page.locator('.react-flow__node-subnet')).toHaveCount(2);
  // The pasted copy is selected: Delete removes it and its subnet, and nothing else.
  await page.keyboard.press('Delete');
  await expect(copy).toHaveCount(0);
  await expect(page.locator('.react-flow__node-subnet')).toHaveCount(1);
  await expect(page.getByTestId('node-vnet-1')).toContainText('10.1.0.0/16');
});
