/**
 * The browser side of the canvas benchmark: a vite preview server, headless Chromium, a design seeded into the
 * app's autosave (IndexedDB, as a returning user has it) and the frame-time recording of a drag.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';

/** One 60 Hz display interval; frames are paced by vsync, so a frame on time measures 16.7 ms ± jitter. */
export const VSYNC_MS = 1000 / 60;
/** requestAnimationFrame timestamps jitter by a fraction of a millisecond around the vsync interval. */
const JITTER_MS = 0.5;

export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
export const sortNum = (xs: number[]) => [...xs].sort((a, b) => a - b);
export const verdict = (met: boolean, over: string) => (met ? '(goal met)' : `(OVER ${over})`);

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview did not start at ${url}`);
}

export interface Server {
  url: string;
  stop: () => void;
}

/** `vite preview` of a built folder; extra args select another config (the bare React Flow page). */
export async function preview(outDir: string, port: number, extra: string[] = []): Promise<Server> {
  const child: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', ...extra, '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: 'ignore', detached: true },
  );
  const url = `http://127.0.0.1:${port}/`;
  await waitFor(url);
  return {
    url,
    stop: () => {
      try {
        process.kill(-child.pid!);
      } catch {
        child.kill();
      }
    },
  };
}

export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });

/**
 * Observers registered before the app's code runs: the first `.react-flow__node` in the DOM, every long task
 * (over 50 ms) and every input event whose input-to-next-paint took 16 ms or more (Event Timing API).
 */
const OBSERVERS = `(() => {
  window.bench = { firstNodeAt: 0, longTasks: [], events: [] };
  new MutationObserver((_m, obs) => {
    if (document.querySelector('.react-flow__node')) {
      window.bench.firstNodeAt = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.bench.events.push({ name: e.name, start: e.startTime, duration: e.duration, end: e.processingEnd });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
})()`;

/**
 * Opens the app on a design saved in its autosave. The design goes into IndexedDB (the store idb-keyval keeps)
 * from a blank page of the same origin, so the app's load is not part of the seeding; a 17x design (about 4 M
 * characters) would not fit localStorage.
 */
export async function openApp(
  browser: Browser,
  url: string,
  text: string,
  beforeGoto?: (page: Page) => Promise<void>,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const seeder = await context.newPage();
  await seeder.route(`${url}seed`, (r) =>
    r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
  );
  await seeder.goto(`${url}seed`);
  await seeder.evaluate(
    `new Promise((resolve, reject) => {
      const open = indexedDB.open('aksnet');
      open.onupgradeneeded = () => open.result.createObjectStore('autosave');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('autosave', 'readwrite');
        const store = tx.objectStore('autosave');
        store.put(${JSON.stringify(text)}, 'design:main');
        store.put({ tab: 'bench', savedAt: 1 }, 'meta:main');
        store.put('main', 'last');
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    })`,
  );
  await seeder.close();
  const page = await context.newPage();
  await page.addInitScript(OBSERVERS);
  await beforeGoto?.(page);
  await page.goto(url);
  await page.waitForSelector('.react-flow__node', { timeout: 120_000 });
  return page;
}

/** Waits until no long task has started for `quietMs` (at most `limitMs`): the canvas is idle. */
export async function untilIdle(page: Page, quietMs = 3000, limitMs = 60_000): Promise<number> {
  const start = Date.now();
  for (;;) {
    const { now, last } = (await page.evaluate(`(() => {
      const t = window.bench.longTasks;
      return { now: performance.now(), last: t.length ? t[t.length - 1].start + t[t.length - 1].duration : 0 };
    })()`)) as { now: number; last: number };
    if (now - last >= quietMs || Date.now() - start > limitMs) return now;
    await page.waitForTimeout(500);
  }
}

/**
 * React Flow pans the view on every frame while a node is dragged within 40 px of the pane's edges (calcAutoPan
 * in @xyflow/system); a drag path keeps this far from them, so a bench measures the drag, not a pan that redraws
 * and mounts boxes (the spoke and hub heads sit about 25 px below the pane's top at fit).
 */
export const AUTO_PAN_CLEAR = 60;

export interface DragResult {
  line: string;
  p95: number;
}

/**
 * Drags a box by `grip` for `ms` while recording requestAnimationFrame intervals. A frame that missed its
 * vsync shows as an interval of two or more vsyncs (33.3 ms, 50 ms, ...): that is a dropped frame.
 */
export async function dragFor(
  page: Page,
  grip: Locator,
  name: string,
  goalMs = VSYNC_MS,
  ms = 2000,
): Promise<DragResult> {
  const head = (await grip.boundingBox())!;
  const pane = (await page.getByTestId('canvas').boundingBox())!;
  const x = head.x + head.width / 2;
  const press = head.y + head.height / 2;
  // The path (300 px right or left, 100 px down) starts clear of the auto-pan band.
  const y = Math.max(press, pane.y + AUTO_PAN_CLEAR);
  const dx = x + 300 > pane.x + pane.width - AUTO_PAN_CLEAR ? -3 : 3;
  // A string, not a function: the bundler's helpers for named functions do not exist in the page.
  await page.evaluate(`(() => {
    window.frames2 = [];
    window.recording = true;
    let last = performance.now();
    function tick(t) {
      window.frames2.push(t - last);
      last = t;
      if (window.recording) requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(x, press);
  await page.mouse.down();
  const start = Date.now();
  for (let i = 0; Date.now() - start < ms; i++) {
    await page.mouse.move(x + (i % 100) * dx, y + (i % 50) * 2);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const frames = sortNum(
    (await page.evaluate('(() => { window.recording = false; return window.frames2.slice(2); })()')) as number[],
  );
  const p95 = pct(frames, 0.95);
  const dropped = frames.filter((f) => f > VSYNC_MS * 1.5).length;
  const met = p95 <= goalMs + JITTER_MS;
  const goal = goalMs > VSYNC_MS * 1.5 ? 'two vsyncs, 33.3 ms' : 'one vsync, 16.7 ms';
  return {
    p95,
    line:
      `${name}: ${frames.length} frames, median ${pct(frames, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ` +
      `${dropped} dropped ${met ? `(goal met: p95 within ${goal})` : `(OVER the ${goal} goal)`}`,
  };
}

/** A VNet box of the app by its id, and its header (lower down, the pointer would land on a subnet). */
export const vnetHead = (page: Page, id: string) => page.getByTestId(`node-${id}`).locator('.box-head').first();
