import { expect, type Page } from '@playwright/test';
import { drawInVnet, dropFromPalette, freshApp, inside, node, overlap, pickTemplate, rectOf, test } from './helpers';

/** The subnet box whose name is `name`. */
const subnetNamed = (page: Page, name: string) =>
  page.locator('[data-testid^="node-"][data-kind="subnet"]').filter({
    has: page.locator('.box-name', { hasText: new RegExp(`^${name}$`) }),
  });

test.describe('containment at 1440 × 900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('a firewall dropped into a VNet is drawn inside AzureFirewallSubnet, its public IP a chip on it', async ({
    page,
  }) => {
    await drawInVnet(page, 'firewall');
    const fw = page.locator('[data-testid^="node-"][data-kind="firewall"]');
    await expect(fw).toHaveCount(1);
    const subnet = subnetNamed(page, 'AzureFirewallSubnet');
    await expect(subnet).toHaveCount(1);
    await expect(async () => {
      expect(inside(await rectOf(fw), await rectOf(subnet))).toBe(true);
      expect(inside(await rectOf(subnet), await rectOf(node(page, 'vnet-1')))).toBe(true);
    }).toPass({ intervals: [200, 300, 500] });
    // The public IP belongs to the firewall: a chip on it, no box of its own.
    await expect(fw.locator('[data-testid^="ip-"]')).toHaveCount(1);
    await expect(page.locator('[data-testid^="node-"][data-kind="publicIp"]')).toHaveCount(0);
  });

  test('a node pool sits inside its node subnet and the subnet’s used/free line stays visible', async ({ page }) => {
    await drawInVnet(page, 'node-subnet');
    const subnet = page.locator('[data-testid^="node-"][data-kind="subnet"]').first();
    await expect(subnet).toBeVisible();
    const id = (await subnet.getAttribute('data-testid'))!;
    await dropFromPalette(page, 'pool', { testId: id });
    await dropFromPalette(page, 'pool', { testId: id });
    const pools = page.locator('[data-testid^="node-"][data-kind="pool"]');
    await expect(pools).toHaveCount(2);
    const text = subnet.getByTestId('usage-text');
    await expect(text).toBeVisible();
    await expect(async () => {
      const s = await rectOf(subnet);
      const t = await rectOf(text);
      const [a, b] = [await rectOf(pools.nth(0)), await rectOf(pools.nth(1))];
      for (const p of [a, b]) {
        expect(inside(p, s)).toBe(true);
        expect(overlap(p, t)).toBe(false);
      }
      expect(overlap(a, b)).toBe(false);
    }).toPass({ intervals: [200, 300, 500] });
  });

  test('every template: each pool and each placed resource inside its subnet, clear of the used/free line', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await freshApp(page);
    for (const t of ['aks-baseline', 'workshop-hub-spoke', 'landing-zone-private']) {
      await pickTemplate(page, t);
      const subnets = page.locator('[data-testid^="node-"][data-kind="subnet"]');
      await expect(async () => {
        const held = await page
          .locator(
            '[data-testid^="node-"]:is([data-kind="pool"],[data-kind="firewall"],[data-kind="appGateway"],[data-kind="bastion"],[data-kind="privateEndpoint"])',
          )
          .evaluateAll((els) =>
            els.map((e) => {
              const r = e.getBoundingClientRect();
              return { id: e.getAttribute('data-testid')!, x: r.x, y: r.y, w: r.width, h: r.height };
            }),
          );
        expect(held.length, t).toBeGreaterThan(0);
        const boxes = await subnets.evaluateAll((els) =>
          els.map((e) => {
            const r = e.getBoundingClientRect();
            const u = e.querySelector('[data-testid="usage"]')?.getBoundingClientRect();
            return {
              box: { x: r.x, y: r.y, w: r.width, h: r.height },
              usage: u ? { x: u.x, y: u.y, w: u.width, h: u.height } : undefined,
            };
          }),
        );
        for (const h of held) {
          const home = boxes.find((b) => inside(h, b.box));
          expect(home, `${t}: ${h.id} inside a subnet`).toBeDefined();
          if (home?.usage) expect(overlap(h, home.usage), `${t}: ${h.id} clear of the usage line`).toBe(false);
        }
      }).toPass({ intervals: [300, 500, 1000] });
    }
  });

  test('lines are straight between box borders or orthogonal around boxes: no curve loops back onto its box', async ({
    page,
  }) => {
    await freshApp(page);
    await pickTemplate(page, 'aks-baseline');
    await page.getByTestId('lines').selectOption('all');
    await expect(page.locator('[data-testid^="edge-"]').first()).toBeAttached();
    const ds = await page
      .locator('[data-testid^="edge-"]')
      .evaluateAll((gs) => gs.map((g) => g.querySelector('path')?.getAttribute('d') ?? ''));
    expect(ds.length).toBeGreaterThan(0);
    // One move and straight segments only: a curve (C) could bend back onto the box it leaves.
    for (const d of ds) {
      expect(d, d).toMatch(/^M\s*[-\d.e]+[ ,][-\d.e]+(\s*L\s*[-\d.e]+[ ,][-\d.e]+)+\s*$/);
      const points = [...d.matchAll(/[-\d.e]+[ ,][-\d.e]+/g)].map((m) => m[0].split(/[ ,]/).map(Number));
      // A bent line is orthogonal: each of its segments horizontal or vertical.
      if (points.length > 2)
        for (let i = 1; i < points.length; i++) {
          const [[x0, y0], [x1, y1]] = [points[i - 1]!, points[i]!];
          expect(x0 === x1 || y0 === y1, d).toBe(true);
        }
    }
  });
});
