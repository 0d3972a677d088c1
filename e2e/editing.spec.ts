import { expect, type Page } from '@playwright/test';
import { drawInVnet, dropFromPalette, freshApp, node, test } from './helpers';

async function vnetWithSubnet(page: Page) {
  await drawInVnet(page, 'subnet');
  await expect(node(page, 'snet-1')).toContainText('10.1.0.0/24');
}

/** Ids of canvas boxes drawn (even partly) outside the canvas. */
const outsideCanvas = (page: Page) =>
  page.evaluate(() => {
    const c = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    return [...document.querySelectorAll('[data-testid^="node-"]')]
      .filter((n) => {
        const r = n.getBoundingClientRect();
        return r.left < c.left - 1 || r.top < c.top - 1 || r.right > c.right + 1 || r.bottom > c.bottom + 1;
      })
      .map((n) => n.getAttribute('data-testid'));
  });

/**
 * Stops the page's timers (a pause on a value then cannot happen however slow the machine is). While stopped,
 * only keyboard input and assertions are used: actions that wait for a stable element need animation frames.
 */
const stopTimers = async (page: Page) => page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));

async function typeInto(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await stopTimers(page);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}

test('a field writes only the complete value: a valid prefix is never written, Escape restores, one edit is one undo step', async ({
  page,
}) => {
  await page.clock.install();
  await vnetWithSubnet(page);
  const cidr = page.getByTestId('field-cidr');
  const subnet = node(page, 'snet-1');
  // "/3" is valid on the way to "/33": it must not reach the design, neither while typing nor on Enter.
  await typeInto(page, 'field-cidr', '10.1.0.0/33');
  await expect(page.getByTestId('field-error-cidr')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(subnet).toContainText('10.1.0.0/24');
  await expect(subnet).not.toContainText('10.1.0.0/3');
  // Escape: the field shows the design's value again and the message goes.
  await page.keyboard.press('Escape');
  await expect(cidr).toHaveValue('10.1.0.0/24');
  await expect(page.getByTestId('field-error-cidr')).toHaveCount(0);

  // A valid value waits for Enter (no pause can pass: timers are stopped) ...
  await page.keyboard.press('Control+a');
  await page.keyboard.type('10.1.4.0/24');
  await expect(subnet).toContainText('10.1.0.0/24');
  await page.keyboard.press('Enter');
  await expect(subnet).toContainText('10.1.4.0/24');
  // ... and is one undo step: one Undo brings back the CIDR, the subnet stays.
  await page.clock.resume();
  await page.getByTestId('undo').click();
  await expect(subnet).toContainText('10.1.0.0/24');

  // A pause on a valid value writes it; Enter afterwards joins the same undo step.
  await typeInto(page, 'field-cidr', '10.1.8.0/24');
  await expect(subnet).toContainText('10.1.0.0/24');
  await page.clock.runFor(700);
  await expect(subnet).toContainText('10.1.8.0/24');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('10.1.9.0/24');
  await page.keyboard.press('Enter');
  await expect(subnet).toContainText('10.1.9.0/24');
  // Escape after a written edit takes the whole edit back.
  await page.keyboard.press('Escape');
  await expect(subnet).toContainText('10.1.0.0/24');
  await expect(cidr).toHaveValue('10.1.0.0/24');
});

test('a count field never writes the valid prefix of what is being typed', async ({ page }) => {
  await page.clock.install();
  await drawInVnet(page, 'node-subnet');
  await dropFromPalette(page, 'cluster', { testId: 'canvas', x: 700, y: 150 });
  await dropFromPalette(page, 'pool', { testId: 'node-snet-1' });
  await expect(page.getByTestId('field-count')).toHaveValue('3');
  // "1001" passes through the valid "100", "1.5" through "1"; neither is written, even on blur.
  for (const typed of ['1001', '1.5']) {
    await typeInto(page, 'field-count', typed);
    await expect(page.getByTestId('field-error-count')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(node(page, 'pool-1')).toContainText('3+1 nodes');
    await page.clock.resume();
  }
});

test('the inspector follows the selection after a peering is added from the palette', async ({ page }) => {
  await freshApp(page);
  await dropFromPalette(page, 'vnet', { testId: 'canvas', x: 60, y: 40 });
  await dropFromPalette(page, 'vnet', { testId: 'canvas', x: 60, y: 560 });
  // Clear of vnet-1's box: a drop on a sibling moves to the nearest free spot, which may be above the view.
  await dropFromPalette(page, 'cluster', { testId: 'canvas', x: 700, y: 40 });
  await page.getByTestId('palette-peering').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toHaveAttribute('data-kind', 'peering');
  await node(page, 'vnet-1').locator('.box-head').click();
  await expect(inspector).toHaveAttribute('data-kind', 'vnet');
  await expect(inspector.locator('h2')).toContainText('vnet-1');
  await node(page, 'aks-1').locator('.box-head').click();
  await expect(inspector).toHaveAttribute('data-kind', 'cluster');
  await node(page, 'vnet-2').locator('.box-head').click();
  await expect(inspector.locator('h2')).toContainText('vnet-2');
});

test('a template, New and Open replace the design with a banner offering Undo; the view fits the new design', async ({
  page,
}) => {
  await vnetWithSubnet(page);
  await page.getByTestId('templates').selectOption('aks-baseline');
  const banner = page.getByTestId('banner');
  await expect(banner).toContainText('replaced the design');
  await expect(node(page, 'snet-nodes')).toBeVisible();
  // Every box of the template is inside the canvas, without pressing Fit.
  await expect.poll(() => outsideCanvas(page)).toEqual([]);
  await page.getByTestId('banner-undo').click();
  await expect(node(page, 'snet-1')).toContainText('10.1.0.0/24');
  await expect(node(page, 'snet-nodes')).toHaveCount(0);
  await expect(banner).toHaveCount(0);

  await page.getByTestId('file-new').click();
  await expect(banner).toContainText('A new design replaced the current one.');
  await expect(node(page, 'vnet-1')).toHaveCount(0);
  await page.getByTestId('banner-undo').click();
  await expect(node(page, 'vnet-1')).toBeVisible();

  // After another change, the banner's Undo is gone: it would undo something else.
  await page.getByTestId('templates').selectOption('seed-kubenet');
  await expect(page.getByTestId('banner-undo')).toBeVisible();
  await node(page, 'vnet-aks').locator('.box-head').click();
  await page.getByTestId('field-name').fill('vnet-renamed');
  await page.getByTestId('field-name').press('Enter');
  await expect(node(page, 'vnet-aks')).toContainText('vnet-renamed');
  await expect(page.getByTestId('banner-undo')).toHaveCount(0);
});
