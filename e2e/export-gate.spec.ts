import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { openTemplate, test } from './helpers';

test('the export panel holds a deployable export on the findings the CLI refuses, until "Export anyway"', async ({
  page,
}) => {
  // The broken example has an invalid cluster name, invalid pool names and a CIDR typo: all blocking.
  await openTemplate(page, 'broken');
  await page.getByTestId('tab-export').click();
  const gate = page.getByTestId('export-gate');
  await expect(gate).toBeVisible();
  const rules = await gate
    .getByTestId('export-blocking-finding')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
  expect(rules.length).toBeGreaterThan(0);
  for (const r of rules) expect(['invalid-name', 'pool-name', 'invalid-cidr']).toContain(r);
  await expect(page.getByTestId('export-text')).toHaveCount(0);
  await expect(page.getByTestId('export-download')).toBeDisabled();
  await expect(page.getByTestId('export-copy')).toBeDisabled();
  // The address plan is not deployed: it exports without asking.
  await page.getByTestId('export-format').selectOption('md');
  await expect(page.getByTestId('export-gate')).toHaveCount(0);
  await expect(page.getByTestId('export-text')).toContainText('|');
  // Back to az: held again; "Export anyway" releases it, and the download takes the design's name.
  await page.getByTestId('export-format').selectOption('az');
  await expect(gate).toBeVisible();
  await page.getByTestId('export-anyway').click();
  await expect(page.getByTestId('export-gate')).toHaveCount(0);
  await expect(page.getByTestId('export-overridden')).toBeVisible();
  await expect(page.getByTestId('export-text')).toContainText('#!/usr/bin/env bash');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  expect(dl.suggestedFilename()).toBe('Broken-on-purpose-every-foundation-rule.sh');
  expect(readFileSync((await dl.path())!, 'utf8')).toMatch(/^#!\/usr\/bin\/env bash\n/);
});

test('a design without blocking findings exports at once, named after the design', async ({ page }) => {
  await openTemplate(page, 'seed-kubenet');
  await page.getByTestId('tab-export').click();
  await expect(page.getByTestId('export-gate')).toHaveCount(0);
  await page.getByTestId('export-format').selectOption('bicep');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  // "Seed: kubenet with your own VNet": the characters a file name cannot hold become hyphens, as Save does.
  expect(dl.suggestedFilename()).toBe('Seed-kubenet-with-your-own-VNet.bicep');
});
