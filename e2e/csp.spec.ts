import { expect, test, type Page } from '@playwright/test';
import { freshApp, inspect, openTemplate, watchErrors } from './helpers';

/**
 * The built app under the Content-Security-Policy of index.html: scripts from its own origin only, no eval, no
 * inline script or handler, no connections. Violations are collected from the `securitypolicyviolation` event.
 */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

test('the app runs under its Content-Security-Policy without a violation', async ({ page }) => {
  // Builds two pictures and five exports of the baseline: about 20 s on a busy 2-core machine.
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const violations = await watchViolations(page);
  await freshApp(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("connect-src 'none'");
  // The one relaxation is 'wasm-unsafe-eval': it lets the lazily loaded Bicep reader compile its WebAssembly, and
  // allows neither JavaScript eval ('unsafe-eval') nor inline script ('unsafe-inline', the next test shows it blocked).
  expect(policy!.match(/'[^']*unsafe[^']*'/g)).toEqual(["'wasm-unsafe-eval'"]);
  await page.getByTestId('templates').selectOption('aks-baseline');
  await expect(page.getByTestId('node-vnet-hub')).toBeVisible();
  // Lazy chunks (the layout engine, the picture export) load and run under the policy.
  await page.getByTestId('auto-layout').click();
  for (const format of ['png', 'svg']) {
    const download = page.waitForEvent('download');
    // The picture exports sit in the Picture menu.
    if (!(await page.getByTestId(`picture-${format}`).isVisible())) {
      await page.getByTestId('picture-menu').locator('summary').click();
    }
    await page.getByTestId(`picture-${format}`).click();
    expect((await download).suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
  }
  await page.getByTestId('tab-export').click();
  for (const format of ['az', 'bicep', 'k8s', 'md', 'csv']) {
    await page.getByTestId('export-format').selectOption(format);
    await expect(page.getByTestId('export-text')).not.toBeEmpty();
  }
  await page.getByTestId('file-share').click();
  await expect(page.getByTestId('banner')).toContainText('Share link');
  await page.reload();
  await expect(page.getByTestId('node-vnet-hub')).toBeVisible();
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});

test('markup typed or loaded as a name is shown as text and never runs; injected inline code is blocked', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await openTemplate(page, 'seed-kubenet');
  // Typed into a VNet name: the field refuses it (not an Azure name) and nothing runs.
  await inspect(page, 'vnet-aks');
  await page.getByTestId('field-name').fill(HOSTILE);
  await page.getByTestId('field-name').press('Enter');
  // Loaded from a file, where names are free text: the canvas, the inspector and the exports show it as text.
  await page.getByTestId('file-input').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(hostileDocument())),
  });
  await expect(page.getByTestId('canvas')).toContainText('<img src=x onerror=');
  await page.getByTestId('tab-export').click();
  await page.getByTestId('export-format').selectOption('md');
  await expect(page.getByTestId('export-text')).toContainText('onerror="window.__pwned=1"');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await violations()).toEqual([]);
  // Markup that does reach the DOM as markup is stopped by the policy: neither the handler nor the script runs.
  await page.evaluate((html) => {
    const box = document.createElement('div');
    box.innerHTML = html;
    document.body.append(box);
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = 3';
    document.body.append(script);
  }, HOSTILE);
  await expect.poll(async () => (await violations()).length).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect((await violations()).every((v) => v.startsWith('script-src'))).toBe(true);
});

/** A one-VNet design whose VNet and subnet names are markup. */
function hostileDocument() {
  return {
    format: 'aks-network-design',
    schemaVersion: 1,
    meta: { name: HOSTILE },
    design: {
      location: 'eastus',
      vnets: [
        {
          id: 'vnet1',
          name: HOSTILE,
          addressSpaces: ['10.1.0.0/16'],
          subnets: [{ id: 'snet1', name: `${HOSTILE}-snet`, cidr: '10.1.0.0/24', purpose: 'general' }],
        },
      ],
    },
  };
}
