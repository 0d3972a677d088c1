import { expect } from '@playwright/test';
import { dropFromPalette, freshApp, test } from './helpers';

test('Application Gateway for Containers from the palette: a delegated /24 for its association, its rules follow the cluster', async ({
  page,
}) => {
  await freshApp(page);
  await dropFromPalette(page, 'vnet', { testId: 'canvas', x: 200, y: 150 });
  await dropFromPalette(page, 'cluster', { testId: 'canvas', x: 700, y: 150 });
  await expect(page.getByTestId('node-aks-1')).toBeVisible();
  await dropFromPalette(page, 'agc', { testId: 'node-vnet-1' });
  await expect(page.getByTestId('node-agc-1')).toBeVisible();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-kind', 'agc');
  // The association takes 250 addresses of the new /24: 256 − 5 reserved − 250 = 1 free.
  await expect(page.getByTestId('node-snet-1').getByTestId('usage-text')).toHaveText('250 used · 1 free · 5 reserved');
  await page.getByTestId('tab-findings').click();
  await expect(page.getByTestId('finding-agc-kubenet')).toHaveCount(0);
  // A kubenet cluster cannot use it.
  // The VNet grown for the /24 may cover part of the cluster's box: select it from the keyboard (Enter on the
  // focused node), so the click never lands on the VNet instead.
  await page.getByTestId('node-aks-1').locator('xpath=..').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('tab-inspector').click();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-kind', 'cluster');
  await page.getByTestId('field-networkPluginMode').selectOption('');
  await page.getByTestId('field-networkPlugin').selectOption('kubenet');
  await page.getByTestId('tab-findings').click();
  await expect(page.getByTestId('finding-agc-kubenet')).toHaveCount(1);
});
