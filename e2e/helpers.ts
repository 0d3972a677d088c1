import { expect, type Page } from '@playwright/test';

/** Fails the test on any console error or page error. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

export async function freshApp(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await expect(page.getByTestId('canvas')).toBeVisible();
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
