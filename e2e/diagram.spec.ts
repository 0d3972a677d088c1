import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { expect, type Page } from '@playwright/test';
import { freshApp, inside, overlap, pickTemplate, templateFiles, test, type Rect } from './helpers';

type Box = Rect & { id: string };

/** Every box on the canvas, read from the DOM by our test ids, in screen pixels. */
async function boxes(page: Page): Promise<Box[]> {
  return page.locator('[data-testid^="node-"]').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, id: e.getAttribute('data-testid')! };
    }),
  );
}

/** Smallest box name on screen, in pixels: its font size times the zoom it is drawn at. */
async function smallestName(page: Page): Promise<number> {
  return page.locator('[data-testid^="node-"] .box-name').evaluateAll((els) =>
    Math.min(
      ...els.map((e) => {
        const el = e as HTMLElement;
        const zoom = el.getBoundingClientRect().width / el.offsetWidth;
        return parseFloat(getComputedStyle(el).fontSize) * zoom;
      }),
    ),
  );
}

async function download(page: Page, testId: string): Promise<string> {
  await page.getByTestId('picture-menu').locator('summary').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return (await file.path())!;
}

test.describe('diagram at 1440 × 900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('auto-layout on every template: boxes nest or stand apart, never overlap; names at least 10 px at fit', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await freshApp(page);
    // Every template the menu offers: the six examples (src/export/golden.test.ts lists them).
    for (const t of await templateFiles(page)) {
      await pickTemplate(page, t);
      const button = page.getByTestId('auto-layout');
      const done = Number(await button.getAttribute('data-layouts-done'));
      await button.click();
      // The button counts finished layouts (applied and fitted); then the boxes must stand still.
      await expect(button).toHaveAttribute('data-layouts-done', String(done + 1), { timeout: 15_000 });
      let before = '';
      await expect(async () => {
        const now = JSON.stringify(await boxes(page));
        const was = before;
        before = now;
        expect(now).toBe(was);
      }).toPass({ intervals: [300, 300, 300, 500, 1000] });
      const all = await boxes(page);
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++) {
          const [a, b] = [all[i]!, all[j]!];
          if (inside(a, b) || inside(b, a)) continue;
          expect(overlap(a, b), `${t}: ${a.id} and ${b.id} overlap`).toBe(false);
        }
      const canvas = (await page.getByTestId('canvas').boundingBox())!;
      for (const b of all)
        expect(inside(b, { ...canvas, w: canvas.width, h: canvas.height }), `${t}: ${b.id} in view`).toBe(true);
      expect(await smallestName(page), t).toBeGreaterThanOrEqual(10);
    }
  });

  test('a template is fitted into view on load', async ({ page }) => {
    await freshApp(page);
    await pickTemplate(page, 'landing-zone-private');
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    await expect(async () => {
      for (const b of await boxes(page))
        expect(inside(b, { x: canvas.x, y: canvas.y, w: canvas.width, h: canvas.height }), b.id).toBe(true);
    }).toPass({ intervals: [200, 300, 500] });
  });

  test('the SVG and PNG downloads hold the lines; the draw.io file parses', async ({ page }) => {
    await freshApp(page);
    await pickTemplate(page, 'workshop-hub-spoke');
    const svg = readFileSync(await download(page, 'picture-svg'), 'utf8');
    // The workshop's 6 lines (counted by hand in src/export/diagram/picture.test.ts).
    expect(svg.match(/<path class="line /g)?.length).toBe(6);
    expect(svg).not.toContain('foreignObject');

    // A point 30 % along the peering line (away from its label), in PNG pixels at the chosen scale 3.
    const [, ox, oy] = svg.match(/<g transform="translate\(([-\d.]+) ([-\d.]+)\)">/)!.map(Number);
    const [, x1, y1, x2, y2] = svg
      .match(/class="line line-peering" d="M([-\d.]+) ([-\d.]+)L([-\d.]+) ([-\d.]+)"/)!
      .map(Number);
    const at = { x: (ox! + x1! + 0.3 * (x2! - x1!)) * 3, y: (oy! + y1! + 0.3 * (y2! - y1!)) * 3 };
    await page.getByTestId('picture-menu').locator('summary').click();
    await page.getByTestId('picture-scale').selectOption('3');
    await page.getByTestId('picture-menu').locator('summary').click();
    const png = readFileSync(await download(page, 'picture-png'));
    const { width, pixel, corner } = await page.evaluate(
      async ({ b64, at }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const px = (x: number, y: number) => [...ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data];
        return { width: img.naturalWidth, pixel: px(at.x, at.y), corner: px(c.width - 2, 2) };
      },
      { b64: png.toString('base64'), at },
    );
    expect(width).toBe(Math.round(Number(svg.match(/<svg [^>]*width="([\d.]+)"/)![1]) * 3));
    // The peering blue #0b5cad under the line, white in the empty corner.
    expect(corner.slice(0, 3)).toEqual([255, 255, 255]);
    expect(pixel[2]! - pixel[0]!, `pixel ${pixel}`).toBeGreaterThan(100);
    expect(pixel[0]!, `pixel ${pixel}`).toBeLessThan(80);

    const xml = readFileSync(await download(page, 'picture-drawio'), 'utf8');
    const cells = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).mxfile.diagram
      .mxGraphModel.root.mxCell as { id: string; vertex?: string; edge?: string; source?: string; target?: string }[];
    const ids = new Set(cells.map((c) => c.id));
    // 12 elements in the workshop (its layout has 12 entries: its two public IPs are chips on the firewall and
    // the App Gateway), 6 lines, and the two root cells.
    expect(cells.filter((c) => c.vertex === '1').length).toBe(12);
    const edges = cells.filter((c) => c.edge === '1');
    expect(edges.length).toBe(6);
    for (const e of edges) expect(ids.has(e.source!) && ids.has(e.target!)).toBe(true);
  });
});

test.describe('at 1280 × 720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the toolbar stays one row with a long design name', async ({ page }) => {
    await freshApp(page);
    const doc = JSON.parse(readFileSync(new URL('../examples/aks-baseline.json', import.meta.url), 'utf8'));
    doc.meta.name = 'A very long design name for the platform team landing zone in West Europe, second draft';
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await expect(page.getByTestId('design-name')).toHaveText(doc.meta.name);
    const tops = await page
      .locator('header.toolbar > *')
      .evaluateAll((els) =>
        els.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)),
      );
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(4);
    const bar = (await page.locator('header.toolbar').boundingBox())!;
    expect(bar.height).toBeLessThan(48);
  });

  test('the minimap can be hidden, and moves off the selection', async ({ page }) => {
    await freshApp(page);
    await pickTemplate(page, 'aks-baseline');
    const map = page.getByTestId('minimap').locator('svg').first();
    await expect(map).toBeVisible();
    // Pan so the selected box sits in the bottom-right corner, where the minimap starts.
    const target = page.locator('[data-testid^="node-"]').last();
    await target.click({ position: { x: 6, y: 6 } });
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    const t = (await target.boundingBox())!;
    const from = { x: canvas.x + 6, y: canvas.y + canvas.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(
      from.x + (canvas.x + canvas.width - 100 - t.x),
      from.y + (canvas.y + canvas.height - 60 - t.y),
      {
        steps: 8,
      },
    );
    await page.mouse.up();
    await expect(async () => {
      const m = (await map.boundingBox())!;
      const s = (await target.boundingBox())!;
      expect(s.x + s.width > canvas.x + canvas.width - 220 && s.y + s.height > canvas.y + canvas.height - 170).toBe(
        true,
      );
      expect(overlap({ ...m, w: m.width, h: m.height }, { ...s, w: s.width, h: s.height })).toBe(false);
    }).toPass({ intervals: [200, 300, 500] });
    await page.getByTestId('minimap-toggle').click();
    await expect(map).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('canvas')).toBeVisible();
    await expect(page.getByTestId('minimap')).toHaveCount(0);
  });
});
