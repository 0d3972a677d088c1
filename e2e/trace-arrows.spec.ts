/**
 * A traced path shown on the canvas as numbered arrows. The workshop template's egress from nodepool1 has 4 hops:
 * 1 the pod (box pool-system), 2 Azure Firewall hub-fw (box fw-hub; SNAT pod IP in aks-subnet → public IP fw-pip),
 * 3 out through fw-pip (a chip on the fw-hub box), 4 the Internet (outside the design). Hops 2 and 3 are one box,
 * so 2 arrows: 1 leaves hop 1 (pool → firewall) with the pod's address, 2 leaves hop 3 (firewall → Internet)
 * with the firewall's public IP.
 */
import { expect, test, type Page } from '@playwright/test';
import { freshApp, node, watchErrors } from './helpers';

const ARROWS = [
  { n: 1, hop: 1, label: 'pod IP in aks-subnet → the Internet' },
  { n: 2, hop: 3, label: 'public IP fw-pip → the Internet' },
];

async function openEgress(page: Page) {
  await freshApp(page);
  await page.getByTestId('templates').selectOption('workshop-hub-spoke');
  await node(page, 'pool-system').locator('.box-head').click();
  await page.getByTestId('tab-paths').click();
  await expect(page.getByTestId('trace-egress')).toHaveAttribute('data-outcome', 'delivered');
}

/** Where an arrow's line starts, in flow coordinates. */
const lineStart = async (page: Page, n: number) => {
  const line = page.getByTestId(`trace-arrow-${n}`).locator('line');
  return { x: Number(await line.getAttribute('x1')), y: Number(await line.getAttribute('y1')) };
};

test('the egress trace is drawn as numbered arrows that agree with the panel, and unticking removes them', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openEgress(page);
  const egress = page.getByTestId('trace-egress');
  await expect(egress.locator('ol > li')).toHaveCount(4);
  await expect(page.getByTestId('trace-overlay')).toHaveCount(0);

  await page.getByTestId('trace-egress-show').check();
  await expect(page.getByTestId('trace-overlay')).toBeVisible();
  await expect(page.locator('[data-testid^="trace-arrow-label-"]')).toHaveCount(ARROWS.length);
  for (const a of ARROWS) {
    await expect(page.getByTestId(`trace-arrow-${a.n}`)).toBeVisible();
    await expect(page.getByTestId(`trace-arrow-label-${a.n}`)).toHaveText(a.label);
    // The panel marks the hop the arrow leaves with the same number and shows the same addresses.
    await expect(page.getByTestId(`trace-egress-hop-${a.hop}-arrow`)).toHaveText(String(a.n));
    await expect(page.getByTestId(`trace-egress-hop-${a.hop}-addresses`)).toHaveText(a.label);
  }
  await expect(page.getByTestId('trace-arrow-3')).toHaveCount(0);
  // The SNAT the panel shows at the firewall hop is where the source changes between arrow 1 and arrow 2.
  await expect(egress.locator('.snat')).toHaveText('SNAT pod IP in aks-subnet → public IP fw-pip');
  await expect(page.getByTestId('trace-egress-hop-2-addresses')).toHaveText('public IP fw-pip → the Internet');
  await expect(node(page, 'fw-hub')).toHaveClass(/box-highlight/);

  // Arrow 1 starts on the node pool: dragging the pool (the selection stays on it, so the trace stays shown)
  // moves the arrow's start with it, right and down as the pointer goes.
  const before = await lineStart(page, 1);
  const pool = (await node(page, 'pool-system').locator('.box-head').boundingBox())!;
  await page.mouse.move(pool.x + 20, pool.y + pool.height / 2);
  await page.mouse.down();
  await page.mouse.move(pool.x + 20 + 120, pool.y + pool.height / 2 + 30, { steps: 12 });
  await page.mouse.up();
  await expect.poll(async () => (await lineStart(page, 1)).x).toBeGreaterThan(before.x);
  expect((await lineStart(page, 1)).y).toBeGreaterThan(before.y);
  await expect(page.getByTestId('trace-arrow-label-1')).toHaveText(ARROWS[0]!.label);

  await page.getByTestId('trace-egress-show').uncheck();
  await expect(page.getByTestId('trace-overlay')).toHaveCount(0);
  await expect(page.locator('[data-testid^="trace-arrow-"]')).toHaveCount(0);
  await expect(page.getByTestId('trace-egress-hop-1-arrow')).toHaveCount(0);
  await expect(node(page, 'fw-hub')).not.toHaveClass(/box-highlight/);
  expect(errors).toEqual([]);
});

test('a packet walk takes the place of the trace on the canvas, and a trace the place of the walk', async ({
  page,
}) => {
  await openEgress(page);
  await page.getByTestId('trace-egress-show').check();
  await expect(page.getByTestId('trace-arrow-1')).toBeVisible();
  await page.getByTestId('walk-flow').selectOption({ label: 'Pod → Internet (aks-workshop)' });
  await expect(page.getByTestId('walk-arrow-2')).toBeVisible();
  await expect(page.getByTestId('trace-overlay')).toHaveCount(0);
  await expect(page.getByTestId('trace-egress-show')).not.toBeChecked();
  await page.getByTestId('trace-egress-show').check();
  await expect(page.getByTestId('trace-arrow-1')).toBeVisible();
  await expect(page.getByTestId('walk-overlay')).toHaveCount(0);
});
