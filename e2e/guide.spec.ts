import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test("the guide's recommendation follows the answers and links to the scenario that shows why", async ({
  page,
}) => {
  await page.goto('/guide/');
  const verdict = page.getByRole('region', { name: /Recommendation|Answer a question|Either/ });
  await expect(verdict.getByRole('heading')).toHaveText('Answer a question to see a recommendation');

  await page
    .getByRole('group', { name: 'How many devices read this mailbox?' })
    .getByLabel('One computer')
    .check();
  await page
    .getByRole('group', { name: 'Is the storage on the server small?' })
    .getByLabel('Yes, a small quota')
    .check();
  await expect(verdict.getByRole('heading')).toHaveText('Recommendation: POP3');

  await page
    .getByRole('group', { name: 'How many devices read this mailbox?' })
    .getByLabel('Several (phone, laptop, webmail…)')
    .check();
  await expect(verdict.getByRole('heading')).toHaveText('Recommendation: IMAP');
  const link = verdict.getByRole('link', { name: 'See it: Read on the phone, then open the laptop' });
  await expect(link).toHaveAttribute('href', '/?scenario=laptop-and-phone');
  await link.click();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('laptop-and-phone');
});

test('the guide is keyboard operable and axe-clean', async ({ page }) => {
  await page.goto('/guide/');
  await page.getByLabel('One computer').focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { name: /Recommendation: POP3/ })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});
