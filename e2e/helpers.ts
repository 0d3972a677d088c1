import { expect, test as base, type Locator, type Page } from '@playwright/test';

/** Fails the test on any console error or page error. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/**
 * Playwright's `test` with a page watched from its first moment (watchErrors): a test fails when its page logged
 * a console error or threw, checked as it ends.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = watchErrors(page);
    await use(page);
    expect(errors, 'console and page errors').toEqual([]);
  },
});

/** The app on an empty design. Each test has its own browser context, so its storage starts empty. */
export async function freshApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('canvas')).toBeVisible();
}

/** Picks a template from the Templates menu (examples/FILE.json) and waits for its first box. */
export async function pickTemplate(page: Page, file: string): Promise<void> {
  await page.getByTestId('templates').selectOption(file);
  await expect(page.locator('[data-testid^="node-"]').first()).toBeVisible();
}

/** The app on a template, as a user opens it: a fresh app, then the template picked from the menu. */
export async function openTemplate(page: Page, file: string): Promise<void> {
  await freshApp(page);
  await pickTemplate(page, file);
}

/** The file names the Templates menu offers (its first entry, the prompt, has no value). */
export function templateFiles(page: Page): Promise<string[]> {
  return page
    .getByTestId('templates')
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
}

/** A box in screen pixels. */
export type Rect = { x: number; y: number; w: number; h: number };

/** A locator's box in screen pixels, read from the DOM. */
export async function rectOf(l: Locator): Promise<Rect> {
  const b = (await l.boundingBox())!;
  return { x: b.x, y: b.y, w: b.width, h: b.height };
}

/** `a` lies within `b`, to half a pixel. */
export const inside = (a: Rect, b: Rect): boolean =>
  a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.w <= b.x + b.w + 0.5 && a.y + a.h <= b.y + b.h + 0.5;

/** `a` and `b` share more than half a pixel each way. */
export const overlap = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

/** A canvas box by element id. */
export const node = (page: Page, id: string): Locator => page.getByTestId(`node-${id}`);

/** Selects a box by its header and shows it in the inspector. */
export async function inspect(page: Page, id: string): Promise<void> {
  await node(page, id).locator('.box-head').click();
  await page.getByTestId('tab-inspector').click();
}

/** Canvas lines of one kind: peering, assoc, place, member, cluster. */
export const edges = (page: Page, kind: string): Locator => page.locator(`[data-testid^="edge-"][data-kind="${kind}"]`);

/** A locator's box once it has stopped moving: the same on two reads two animation frames apart. */
export async function stableBox(page: Page, locator: Locator): Promise<{ x: number; y: number }> {
  await expect(locator).toBeVisible();
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  let prev = await locator.boundingBox();
  for (let i = 0; i < 100; i++) {
    await frames();
    const b = await locator.boundingBox();
    if (b && prev && b.x === prev.x && b.y === prev.y && b.width === prev.width && b.height === prev.height)
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    prev = b;
  }
  throw new Error('the element never stopped moving');
}

/**
 * Connects two boxes by dragging from one's source handle to the other's target handle, as a user does: the
 * pointer rests on the first box's header, which shows its handles, and heads for the middle of the second
 * box's top border, where its target handle shows once the drag has started; the handle is read again on
 * arrival. Keep both away from the canvas edges: a connection dragged there pans the view.
 */
export async function connect(page: Page, fromId: string, toId: string): Promise<void> {
  await node(page, fromId).hover({ position: { x: 12, y: 8 } });
  const from = await stableBox(page, page.getByTestId(`handle-${fromId}-source`));
  const toBox = (await node(page, toId).boundingBox())!;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(toBox.x + toBox.width / 2, toBox.y, { steps: 15 });
  const end = await stableBox(page, page.getByTestId(`handle-${toId}-target`));
  await page.mouse.move(end.x, end.y);
  await page.mouse.up();
}

/** A fresh app with one VNet dropped at a point of the canvas (vnet-1) and a palette item dropped into it. */
export async function drawInVnet(page: Page, kind: string, at = { x: 300, y: 150 }): Promise<void> {
  await freshApp(page);
  await dropFromPalette(page, 'vnet', { testId: 'canvas', ...at });
  await dropFromPalette(page, kind, { testId: 'node-vnet-1' });
}

/** Drags a palette item onto a point of the canvas or onto an element (HTML5 drag and drop). */
export async function dropFromPalette(
  page: Page,
  kind: string,
  target: { testId: string; x?: number; y?: number },
): Promise<void> {
  const to = page.getByTestId(target.testId);
  const box = await to.boundingBox();
  if (!box) throw new Error(`no ${target.testId}`);
  await page
    .getByTestId(`palette-${kind}`)
    .dragTo(to, { targetPosition: { x: target.x ?? box.width / 2, y: target.y ?? Math.min(box.height / 2, 60) } });
}
