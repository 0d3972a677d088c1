import { expect, test, type Page } from '@playwright/test';
import { connect, drawInVnet, dropFromPalette, edges, freshApp, node } from './helpers';

async function drawVnetWithSubnet(page: Page) {
  await drawInVnet(page, 'subnet', { x: 250, y: 120 });
  await expect(node(page, 'snet-1')).toBeVisible();
}

/** Where a box is drawn, in page coordinates. */
const screenOf = async (page: Page, id: string) => {
  const b = (await node(page, id).boundingBox())!;
  return { x: Math.round(b.x), y: Math.round(b.y) };
};

async function drag(page: Page, id: string, dx: number, dy: number) {
  const box = (await node(page, id).boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 30 + dx, box.y + 10 + dy, { steps: 12 });
  await page.mouse.up();
}

test('drag a VNet (its subnet moves with it) and a subnet inside it', async ({ page }) => {
  await drawVnetWithSubnet(page);
  const vnetBefore = await screenOf(page, 'vnet-1');
  const subnetScreen = await screenOf(page, 'snet-1');
  await drag(page, 'vnet-1', 120, 60);
  await expect.poll(() => screenOf(page, 'vnet-1')).not.toEqual(vnetBefore);
  await expect.poll(async () => (await screenOf(page, 'snet-1')).x).toBeGreaterThan(subnetScreen.x + 50);
  // The subnet moves inside the VNet; the VNet stays where it is.
  const vnetAfter = await screenOf(page, 'vnet-1');
  const subnetBefore = await screenOf(page, 'snet-1');
  await drag(page, 'snet-1', 0, 30);
  await expect.poll(() => screenOf(page, 'snet-1')).not.toEqual(subnetBefore);
  expect(await screenOf(page, 'vnet-1')).toEqual(vnetAfter);
});

test('undo and redo with the keyboard; reload keeps the design', async ({ page }) => {
  await drawVnetWithSubnet(page);
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(node(page, 'snet-1')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(node(page, 'snet-1')).toBeVisible();
  await page.getByTestId('undo').click();
  await page.getByTestId('undo').click();
  await expect(node(page, 'vnet-1')).toHaveCount(0);
  await page.getByTestId('redo').click();
  await page.getByTestId('redo').click();
  await expect(node(page, 'snet-1')).toBeVisible();
  await page.waitForTimeout(500);
  await page.reload();
  await expect(node(page, 'snet-1')).toBeVisible();
  await expect(node(page, 'vnet-1')).toContainText('10.1.0.0/16');
});

test('connect two VNets to peer them, and export the canvas as PNG', async ({ page }) => {
  await freshApp(page);
  await dropFromPalette(page, 'vnet', { testId: 'canvas', x: 60, y: 40 });
  await dropFromPalette(page, 'vnet', { testId: 'canvas', x: 60, y: 560 });
  await expect(node(page, 'vnet-2')).toBeVisible();
  await connect(page, 'vnet-1', 'vnet-2');
  await expect(edges(page, 'peering')).toHaveCount(1);
  await page.getByTestId('picture-menu').locator('summary').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('picture-png').click()]);
  expect(dl.suggestedFilename()).toBe('Untitled-design.png');
});

test('connect a subnet to an NSG to associate them; a meaningless pair explains itself', async ({ page }) => {
  await drawInVnet(page, 'subnet', { x: 60, y: 40 });
  // Below the VNet, clear of the canvas edges (a connection dragged near an edge pans the view).
  await dropFromPalette(page, 'nsg', { testId: 'canvas', x: 100, y: 470 });
  const nsg = node(page, 'nsg-1');
  await expect(nsg).toHaveAttribute('data-kind', 'nsg');
  const nsgName = (await nsg.locator('.box-name').textContent())!;
  const subnet = node(page, 'snet-1');
  await connect(page, 'snet-1', 'nsg-1');
  await expect(edges(page, 'assoc')).toHaveCount(1);
  await expect(page.getByTestId('edge-nsg:snet-1')).toHaveCount(1);
  await expect(subnet.locator('.box-tag')).toHaveText(['NSG']);
  await expect(subnet.locator('.box-tag')).toHaveAttribute('title', `NSG ${nsgName}`);

  // NSG to VNet means nothing: a message says what can be connected, and nothing changes.
  await connect(page, 'nsg-1', 'vnet-1');
  await expect(page.getByTestId('banner')).toContainText('NSG and VNet: nothing to connect.');
  await expect(edges(page, 'assoc')).toHaveCount(1);
});

test('copy and paste a VNet with the keyboard: the copy gets a free address space; Delete removes it', async ({
  page,
}) => {
  await drawVnetWithSubnet(page);
  await node(page, 'vnet-1').click({ position: { x: 30, y: 8 } });
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  // Taken: 10.0.0.0/16 (default service CIDR), 10.1.0.0/16 (vnet-1), 10.244.0.0/16 (default pod CIDR).
  const copy = node(page, 'vnet-2');
  await expect(copy).toContainText('10.2.0.0/16');
  await expect(page.locator('[data-kind="subnet"]')).toHaveCount(2);
  // The pasted copy is selected: Delete removes it and its subnet, and nothing else.
  await page.keyboard.press('Delete');
  await expect(copy).toHaveCount(0);
  await expect(page.locator('[data-kind="subnet"]')).toHaveCount(1);
  await expect(node(page, 'vnet-1')).toContainText('10.1.0.0/16');
});

test('connection handles show on the box under the pointer and the selected box only', async ({ page }) => {
  await drawVnetWithSubnet(page);
  const handles = page.locator('[data-testid^="handle-"]');
  // The dropped subnet is selected: its two handles, no one else's.
  await node(page, 'snet-1').click({ position: { x: 12, y: 8 } });
  await page.mouse.move(5, 300);
  await expect(handles).toHaveCount(2);
  await expect(page.getByTestId('handle-snet-1-source')).toHaveCount(1);
  // Pointing at the VNet's header adds its two.
  await node(page, 'vnet-1').hover({ position: { x: 12, y: 8 } });
  await expect(handles).toHaveCount(4);
  await expect(page.getByTestId('handle-vnet-1-target')).toHaveCount(1);
  // Nothing selected, nothing pointed at: no handle is mounted.
  await page.keyboard.press('Escape');
  await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
  await page.mouse.move(5, 300);
  await expect(handles).toHaveCount(0);
});
