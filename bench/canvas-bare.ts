/**
 * Overhead over bare React Flow: the app and a page of React Flow alone (src/canvas/bare-bench, the same derived nodes and
 * edges with default components, its viewport the size of the app's canvas) each drag the same spoke VNet by its
 * top edge with the same pointer path, in interleaved rounds. Main-thread work comes from the Chrome DevTools
 * Protocol (`Performance.getMetrics`: TaskDuration, ScriptDuration, LayoutDuration, RecalcStyleDuration),
 * read after the press and after the last move (the press, which selects, and the release, which saves, are
 * left out), divided by the number of moves. Every point of the path keeps AUTO_PAN_CLEAR px from the pane's
 * edges: within 40 px React Flow pans the view on every frame while a node is dragged, which repaints the whole
 * drawing and would measure the pan, not the drag (the app's spoke head sits 25 px below the pane's top at fit).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { enterpriseText } from './canvas-scale';
import { AUTO_PAN_CLEAR, openApp, preview, untilIdle, vnetHead, verdict, sortNum, pct } from './canvas-page';
import { makeEnterpriseDesign } from './make-enterprise-design';

const BARE_OUT = fileURLToPath(new URL('../dist-bench-bare', import.meta.url));
const BARE_CONFIG = fileURLToPath(new URL('../src/canvas/bare-bench/vite.config.ts', import.meta.url));
const ROUNDS = 4;
const MOVES = 60;
const METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;
type Work = Record<(typeof METRICS)[number], number>;

async function metrics(cdp: CDPSession): Promise<Work> {
  const { metrics: m } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const get = (n: string) => m.find((x) => x.name === n)?.value ?? 0;
  return Object.fromEntries(METRICS.map((n) => [n, get(n) * 1000])) as Work;
}

/**
 * Presses at (x, y), moves MOVES times along a sawtooth, and returns the main-thread ms per move. `top` is the
 * pane's top edge: the path goes down from the press at once to stay clear of the auto-pan band.
 */
async function dragWork(page: Page, cdp: CDPSession, x: number, press: number, top: number): Promise<Work> {
  const y = Math.max(press, top + AUTO_PAN_CLEAR);
  await page.mouse.move(x, press);
  await page.mouse.down();
  // The first moves start the drag (React Flow's threshold, the selection): not part of the steady state.
  for (let i = 1; i <= 5; i++) await page.mouse.move(x + i * 3, y + i * 2);
  await page.waitForTimeout(300);
  const before = await metrics(cdp);
  for (let i = 0; i < MOVES; i++) {
    await page.mouse.move(x + 15 + (i % 20) * 4, y + 10 + (i % 10) * 3);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(100);
  const after = await metrics(cdp);
  await page.mouse.up();
  await page.waitForTimeout(500);
  return Object.fromEntries(METRICS.map((n) => [n, (after[n] - before[n]) / MOVES])) as Work;
}

const median = (xs: number[]) => pct(sortNum(xs), 0.5);
const fmt = (w: Work[]) =>
  `${median(w.map((x) => x.TaskDuration)).toFixed(2)} ms/move (script ${median(w.map((x) => x.ScriptDuration)).toFixed(2)}, ` +
  `layout ${median(w.map((x) => x.LayoutDuration)).toFixed(2)}, style ${median(w.map((x) => x.RecalcStyleDuration)).toFixed(2)})`;

export async function bareLines(browser: Browser, appUrl: string, port: number): Promise<string[]> {
  execFileSync('npx', ['vite', 'build', '--config', BARE_CONFIG, '--logLevel', 'error'], { stdio: 'inherit' });
  const server = await preview(BARE_OUT, port, ['--config', BARE_CONFIG]);
  try {
    const spoke = makeEnterpriseDesign(1).vnets[5]!;
    const app = await openApp(browser, appUrl, enterpriseText(1));
    await untilIdle(app, 2000);
    const canvas = (await app.getByTestId('canvas').boundingBox())!;
    const bareContext = await browser.newContext({
      viewport: { width: Math.round(canvas.width), height: Math.round(canvas.height) },
    });
    const bare = await bareContext.newPage();
    await bare.goto(server.url);
    await bare.getByTestId(`bare-${spoke.id}`).waitFor();
    await bare.waitForTimeout(1000);
    const appCdp = await app.context().newCDPSession(app);
    const bareCdp = await bareContext.newCDPSession(bare);
    await appCdp.send('Performance.enable');
    await bareCdp.send('Performance.enable');
    const appWork: Work[] = [];
    const bareWork: Work[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const head = (await vnetHead(app, spoke.id).boundingBox())!;
      appWork.push(await dragWork(app, appCdp, head.x + head.width / 2, head.y + head.height / 2, canvas.y));
      const box = (await bare.getByTestId(`bare-${spoke.id}`).boundingBox())!;
      // The top edge of the VNet: below it, the pointer would land on a subnet.
      bareWork.push(await dragWork(bare, bareCdp, box.x + box.width / 2, box.y + 2, 0));
    }
    await app.context().close();
    await bareContext.close();
    const a = median(appWork.map((x) => x.TaskDuration));
    const b = median(bareWork.map((x) => x.TaskDuration));
    const ratio = a / b;
    return [
      `  drag ${spoke.name}, main-thread work per pointer move, median of ${ROUNDS} interleaved rounds of ${MOVES} moves:`,
      `    app: ${fmt(appWork)}`,
      `    bare React Flow, same nodes: ${fmt(bareWork)}`,
      `    app / bare: ${ratio.toFixed(2)}× ${verdict(ratio <= 1.3, 'the 1.3× goal')}`,
    ];
  } finally {
    server.stop();
  }
}
