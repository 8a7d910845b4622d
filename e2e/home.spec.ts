import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('the home page introduces both protocols without console errors and passes axe', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'POP vs IMAP Lab' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'POP3' })).toContainText('RETR');
  await expect(page.getByRole('region', { name: 'IMAP' })).toContainText('BODY[]');

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  expect(errors).toEqual([]);
});
