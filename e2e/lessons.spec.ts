import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import LZString from 'lz-string';
import { inspect, node, openTemplate, test } from './helpers';

interface StepFile {
  id: string;
  title: string;
}
const EGRESS = JSON.parse(readFileSync(new URL('../examples/lessons/egress-firewall.json', import.meta.url), 'utf8'))
  .lesson as { id: string; title: string; steps: StepFile[] };
const TITLES = EGRESS.steps.map((s) => s.title);
const BREAK_ROUTE = EGRESS.steps.findIndex((s) => s.id === 'break-route');

/** The user's own design before any lesson: the AKS baseline template. */
async function withOwnDesign(page: Page) {
  await openTemplate(page, 'aks-baseline');
  await expect(node(page, 'rt-to-hub-fw')).toBeVisible();
}

async function openLesson(page: Page, id: string) {
  await page.getByTestId('lessons-menu').locator('summary').click();
  await page.getByTestId(`lesson-open-${id}`).click();
}

const title = (page: Page) => page.getByTestId('lesson-step-title');
const count = (page: Page) => page.getByTestId('lesson-step-count');

async function atStep(page: Page, i: number) {
  await expect(title(page)).toHaveText(TITLES[i]!);
  await expect(count(page)).toHaveText(`Step ${i + 1} of ${TITLES.length}`);
}

/** The user's design is back as it was, and no lesson runs. */
async function ownDesignBack(page: Page) {
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
  await expect(page.getByTestId('presenter')).toHaveCount(0);
  await expect(node(page, 'rt-to-hub-fw')).toBeVisible();
  await expect(node(page, 'rt-aks-egress')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');
}

test('a bundled lesson in presenter mode, every step forward and back with the buttons and the keyboard', async ({
  page,
}) => {
  await withOwnDesign(page);
  await openLesson(page, EGRESS.id);
  await atStep(page, 0);
  await expect(page.getByTestId('lesson-title')).toHaveText(EGRESS.title);
  // The lesson's start design (the workshop hub-spoke template) is on the canvas.
  await expect(node(page, 'rt-aks-egress')).toBeVisible();

  await page.getByTestId('lesson-present').click();
  const presenter = page.getByTestId('presenter');
  await expect(presenter).toBeVisible();
  // The editing chrome is hidden; the canvas stays.
  await expect(page.getByTestId('design-name')).toBeHidden();
  await expect(page.getByLabel('Palette')).toBeHidden();
  await expect(page.getByLabel('Panels')).toBeHidden();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page.getByTestId('lesson-back')).toBeDisabled();

  // Forward with the button through every step; the last has no Next.
  for (let i = 1; i < TITLES.length; i++) {
    await page.getByTestId('lesson-next').click();
    await atStep(page, i);
  }
  await expect(page.getByTestId('lesson-next')).toBeDisabled();
  // Back with the button to the first.
  for (let i = TITLES.length - 2; i >= 0; i--) {
    await page.getByTestId('lesson-back').click();
    await atStep(page, i);
  }
  // The keyboard: ArrowRight, PageDown and Space forward; ArrowLeft and PageUp back.
  const forward = ['ArrowRight', 'PageDown', 'Space'];
  for (let i = 1; i < TITLES.length; i++) {
    await page.keyboard.press(forward[i % forward.length]!);
    await atStep(page, i);
  }
  await page.keyboard.press('ArrowRight');
  await atStep(page, TITLES.length - 1);
  for (let i = TITLES.length - 2; i >= 0; i--) {
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'PageUp');
    await atStep(page, i);
  }
  // The SNAT step traces the egress on its canvas: delivered, through the firewall.
  const snat = EGRESS.steps.findIndex((s) => s.id === 'snat');
  for (let i = 0; i < snat; i++) await page.keyboard.press('ArrowRight');
  await atStep(page, snat);
  await expect(page.getByTestId('lesson-trace')).toHaveAttribute('data-outcome', 'delivered');

  // Escape leaves presenter mode, not the lesson.
  await page.keyboard.press('Escape');
  await expect(presenter).toHaveCount(0);
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await expect(page.getByLabel('Palette')).toBeVisible();
  await atStep(page, snat);

  await page.getByTestId('lesson-leave').click();
  await ownDesignBack(page);
});

test('a break-it exercise: Check fails with the reason, the student adds the route in the inspector, Check passes', async ({
  page,
}) => {
  await withOwnDesign(page);
  await openLesson(page, EGRESS.id);
  for (let i = 0; i < BREAK_ROUTE; i++) await page.getByTestId('lesson-next').click();
  await atStep(page, BREAK_ROUTE);
  // The fault removed the default route: the step shows the finding it raises.
  await expect(page.getByTestId('lesson-finding-udr-missing-default-route')).toBeVisible();

  await page.getByTestId('lesson-check').click();
  const result = page.getByTestId('lesson-check-result');
  await expect(result).toHaveAttribute('data-passed', 'false');
  await expect(result.getByTestId('lesson-check-detail').first()).toContainText('udr-missing-default-route');

  // Hints one at a time.
  const hint = page.getByTestId('lesson-hint');
  await hint.click();
  await expect(page.getByTestId('lesson-hint-text-0')).toContainText('aks-egress-udr');
  await expect(page.getByTestId('lesson-hint-text-1')).toHaveCount(0);
  await hint.click();
  await expect(page.getByTestId('lesson-hint-text-1')).toContainText('VirtualAppliance');

  // The repair, as a user makes it: the route table on the canvas, a route in the inspector.
  await inspect(page, 'rt-aks-egress');
  await page.getByTestId('add-routes').click();
  await page.getByTestId('field-routes-0-addressPrefix').fill('0.0.0.0/0');
  await page.getByTestId('field-routes-0-nextHopType').selectOption('VirtualAppliance');
  await page.getByTestId('field-routes-0-nextHopIpAddress').fill('10.100.0.4');
  await page.getByTestId('field-routes-0-nextHopIpAddress').press('Tab');
  // The old grade is gone with the design it graded.
  await expect(result).toHaveCount(0);
  await page.getByTestId('lesson-check').click();
  await expect(result).toHaveAttribute('data-passed', 'true');

  // Reset puts the fault back; the grade goes with it.
  await page.getByTestId('lesson-reset').click();
  await expect(page.getByTestId('lesson-finding-udr-missing-default-route')).toBeVisible();
  await page.getByTestId('lesson-check').click();
  await expect(result).toHaveAttribute('data-passed', 'false');

  await page.getByTestId('lesson-leave').click();
  await ownDesignBack(page);
});

test('a lesson opens from a share link at its step, a lesson file from a link too', async ({ page }) => {
  await withOwnDesign(page);
  await page.goto(`/#lesson=${EGRESS.id}&step=${BREAK_ROUTE + 1}`);
  await atStep(page, BREAK_ROUTE);
  await page.getByTestId('lesson-back').click();
  await atStep(page, BREAK_ROUTE - 1);
  // The address bar follows the step: a reload comes back to it, over the user's design kept aside.
  expect(new URL(page.url()).hash).toBe(`#lesson=${EGRESS.id}&step=${BREAK_ROUTE}`);
  await page.reload();
  await atStep(page, BREAK_ROUTE - 1);
  await page.getByTestId('lesson-leave').click();
  await ownDesignBack(page);

  // A lesson that is not bundled travels in the link itself.
  const file = readFileSync('fixtures/lessons/linked.json', 'utf8');
  await page.goto(`/#lessonfile=${LZString.compressToEncodedURIComponent(JSON.stringify(JSON.parse(file)))}&step=2`);
  await expect(title(page)).toHaveText('The pool');
  await expect(count(page)).toHaveText('Step 2 of 2');
  await expect(page.getByTestId('lesson-title')).toHaveText('A linked lesson');
  await expect(node(page, 'snet-aks')).toBeVisible();
  await page.getByTestId('lesson-leave').click();
  await ownDesignBack(page);

  // A damaged link says why; the design stays.
  await page.goto('/#lesson=no-such-lesson&step=1');
  await expect(page.getByTestId('banner')).toContainText('no bundled lesson has the id "no-such-lesson"');
  await ownDesignBack(page);
});
