import { expect, test } from '@playwright/test';
import { watchErrors } from './helpers';

test('the app loads without console errors', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('app')).toBeVisible();
  expect(errors).toEqual([]);
});
