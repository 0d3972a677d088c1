/**
 * The packet walk of the workshop template's egress: pod 10.240.0.5 (aks-subnet 10.240.0.0/22: the first node
 * takes .4 and legacy Azure CNI reserves its pods right after it) → route 0.0.0.0/0 to the hub firewall
 * 10.100.0.4 → the firewall SNATs to its public IP fw-pip → the Internet.
 */
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { freshApp, openTemplate, stableBox, test } from './helpers';

const EGRESS = 'Pod → Internet (aks-workshop)';

async function openWalk(page: import('@playwright/test').Page) {
  await page.getByTestId('tab-paths').click();
  await page.getByTestId('walk-flow').selectOption({ label: EGRESS });
  await expect(page.getByTestId('walk-step-index')).toHaveText('Step 1 of 5');
}

test('the workshop egress walk steps forward and back through the firewall SNAT, on the canvas too', async ({
  page,
}) => {
  await openTemplate(page, 'workshop-hub-spoke');
  await openWalk(page);
  await expect(page.getByTestId('walk-src')).toHaveText('10.240.0.5');
  await expect(page.getByTestId('walk-dst')).toHaveText('203.0.113.10');
  // The packet sits on the node pool, the path is drawn as numbered arrows: pool → aks-subnet → hub-fw.
  const packet = page.getByTestId('walk-packet');
  await expect(packet).toHaveAttribute('data-step', '0');
  await expect(page.getByTestId('walk-arrow-2')).toBeVisible();
  await expect(page.getByTestId('walk-arrow-3')).toBeVisible();
  await expect(page.getByTestId('walk-arrow-label-3')).toHaveText('fw-pip (public IP of hub-fw) → 203.0.113.10');

  await page.getByTestId('walk-next').click();
  await expect(page.getByTestId('walk-step-index')).toHaveText('Step 2 of 5');
  await expect(page.getByTestId('walk-rule')).toContainText('0.0.0.0/0 → VirtualAppliance 10.100.0.4');
  await expect(page.getByTestId('walk-src')).toHaveText('10.240.0.5');
  await page.getByTestId('walk-next').click();
  // The firewall hop: the source address changes.
  await expect(page.getByTestId('walk-at')).toContainText('Azure Firewall hub-fw (10.100.0.4)');
  await expect(page.getByTestId('walk-src')).toHaveText('fw-pip (public IP of hub-fw)');
  await expect(page.getByTestId('walk-nat')).toHaveText('SNAT 10.240.0.5 → fw-pip (public IP of hub-fw)');
  await expect(packet).toHaveAttribute('data-step', '2');
  await page.getByTestId('walk-back').click();
  await expect(page.getByTestId('walk-src')).toHaveText('10.240.0.5');
  await expect(packet).toHaveAttribute('data-step', '1');
  // The packet box is drawn over the aks-subnet box at step 2.
  // Read once the packet has stopped moving (it glides from hop to hop).
  const { x: cx, y: cy } = await stableBox(page, packet);
  const subnet = (await page.getByTestId('node-snet-aks').boundingBox())!;
  expect(cx).toBeGreaterThan(subnet.x);
  expect(cx).toBeLessThan(subnet.x + subnet.width);
  expect(cy).toBeGreaterThan(subnet.y);
  expect(cy).toBeLessThan(subnet.y + subnet.height);
});

test('the keyboard steps the walk: arrows, End and Space', async ({ page }) => {
  await openTemplate(page, 'workshop-hub-spoke');
  await openWalk(page);
  await page.getByTestId('walk').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('walk-step-index')).toHaveText('Step 3 of 5');
  await expect(page.getByTestId('walk-src')).toHaveText('fw-pip (public IP of hub-fw)');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('walk-step-index')).toHaveText('Step 2 of 5');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('walk-play')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('walk-play')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('End');
  await expect(page.getByTestId('walk-step-index')).toHaveText('Step 5 of 5');
  await expect(page.getByTestId('walk-card')).toHaveAttribute('data-verdict', 'deliver');
});

test('play runs to the end and stops', async ({ page }) => {
  await openTemplate(page, 'workshop-hub-spoke');
  await openWalk(page);
  await page.getByTestId('walk-play').click();
  await expect(page.getByTestId('walk-step-index')).toHaveText('Step 5 of 5', { timeout: 15000 });
  await expect(page.getByTestId('walk-play')).toHaveAttribute('aria-pressed', 'false');
});

test('a dropped flow stops where it is dropped and says why', async ({ page }) => {
  await freshApp(page);
  // The workshop without its route table on aks-subnet: userDefinedRouting leaves no way out.
  const doc = JSON.parse(readFileSync(new URL('../examples/workshop-hub-spoke.json', import.meta.url), 'utf8'));
  delete doc.design.vnets[1].subnets[0].routeTableId;
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'no-udr.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.getByTestId('tab-paths').click();
  await page.getByTestId('walk-flow').selectOption({ label: EGRESS });
  await expect(page.getByTestId('walk-outcome')).toHaveAttribute('data-outcome', 'dropped');
  await expect(page.getByTestId('walk-reason')).toContainText('userDefinedRouting creates no outbound IP');
  await page.getByTestId('walk').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('walk-step-index')).toHaveText('Step 3 of 3');
  await expect(page.getByTestId('walk-card')).toHaveAttribute('data-verdict', 'drop');
  await expect(page.getByTestId('walk-next')).toBeDisabled();
  await expect(page.getByTestId('walk-packet')).toHaveAttribute('data-step', '2');
});

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('the packet jumps to its step: no transition', async ({ page }) => {
    await openTemplate(page, 'workshop-hub-spoke');
    await openWalk(page);
    const t = await page.getByTestId('walk-packet').evaluate((e) => getComputedStyle(e).transitionDuration);
    expect(t).toBe('0s');
  });
});
