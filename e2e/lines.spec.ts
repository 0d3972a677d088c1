import { expect, type Page } from '@playwright/test';
import { drawInVnet, dropFromPalette, freshApp, inside, node, overlap, rectOf, stableBox, test } from './helpers';

/** Zooms out from the first drop's fit (zoom 2) so boxes and handles have room on screen. */
async function zoomOut(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom Out' }).click();
}

test.describe('placing and sizing at 1440 × 900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('a VNet dropped onto another near the top of the view lands in view, clear of it', async ({ page }) => {
    await freshApp(page);
    await dropFromPalette(page, 'vnet', { testId: 'canvas', x: 300, y: 150 });
    const first = node(page, 'vnet-1');
    await expect(first).toBeVisible();
    await zoomOut(page);
    // vnet-1 moved near the top of the canvas: at most 150 px below it, less than the 200 px above it that a
    // VNet drop there needs (172 units at zoom 1.16).
    const canvas = await rectOf(page.getByTestId('canvas'));
    const head = await stableBox(page, first.locator('.box-head'));
    const a = await rectOf(first);
    await page.mouse.move(head.x, head.y);
    await page.mouse.down();
    await page.mouse.move(head.x, head.y - (a.y - canvas.y - 100), { steps: 10 });
    await page.mouse.up();
    await expect(async () => expect((await rectOf(first)).y).toBeLessThan(canvas.y + 150)).toPass();
    // 50 px above vnet-1's top: the new VNet covers it, and the nearest free spot, above, is out of sight.
    const top = await rectOf(first);
    await dropFromPalette(page, 'vnet', { testId: 'canvas', x: top.x - canvas.x + 20, y: top.y - canvas.y - 50 });
    const vnets = page.locator('[data-testid^="node-"][data-kind="vnet"]');
    await expect(vnets).toHaveCount(2);
    await expect(async () => {
      const canvas = await rectOf(page.getByTestId('canvas'));
      const [a, b] = [await rectOf(vnets.nth(0)), await rectOf(vnets.nth(1))];
      expect(inside(b, canvas)).toBe(true);
      expect(overlap(a, b)).toBe(false);
    }).toPass({ intervals: [200, 300, 500] });
  });

  test('a VNet resized from its corner grows, and never gets smaller than its subnet', async ({ page }) => {
    await drawInVnet(page, 'node-subnet', { x: 200, y: 100 });
    const subnet = page.locator('[data-testid^="node-"][data-kind="subnet"]').first();
    await expect(subnet).toBeVisible();
    await zoomOut(page);
    const vnet = node(page, 'vnet-1');
    await vnet.locator('.box-head').click();
    const handle = page.getByTestId('resize-vnet-1');
    const drag = async (dx: number, dy: number) => {
      const at = await stableBox(page, handle);
      await page.mouse.move(at.x, at.y);
      await page.mouse.down();
      await page.mouse.move(at.x + dx, at.y + dy, { steps: 10 });
      await page.mouse.up();
    };
    const before = await rectOf(vnet);
    await drag(120, 80);
    await expect(async () => {
      const r = await rectOf(vnet);
      expect(r.w).toBeGreaterThan(before.w + 100);
      expect(r.h).toBeGreaterThan(before.h + 60);
    }).toPass({ intervals: [200, 300, 500] });
    await drag(-900, -600);
    await expect(async () => {
      expect(inside(await rectOf(subnet), await rectOf(vnet))).toBe(true);
      expect((await rectOf(vnet)).w).toBeLessThan(before.w + 100);
    }).toPass({ intervals: [200, 300, 500] });
  });
});

test('the Lessons and Picture menus close on a click outside and on Escape', async ({ page }) => {
  await freshApp(page);
  for (const id of ['lessons-menu', 'picture-menu']) {
    const menu = page.getByTestId(id);
    const open = () => menu.evaluate((d) => (d as HTMLDetailsElement).open);
    await menu.locator('summary').click();
    expect(await open()).toBe(true);
    await page.getByTestId('canvas').click({ position: { x: 400, y: 300 } });
    await expect.poll(open).toBe(false);
    await menu.locator('summary').click();
    expect(await open()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(open).toBe(false);
  }
});
