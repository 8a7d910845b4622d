import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { currentStep, expectStep, watchErrors } from './fixtures';

test.describe('client settings', () => {
  test('each device card states its client settings, and a variant runs the story with other settings', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto('/?scenario=offline');
    const imap = page.getByRole('region', { name: 'IMAP' });
    const pop3 = page.getByRole('region', { name: 'POP3' });
    await expect(imap.getByText(/Settings: offline copies: messages opened only/)).toBeVisible();
    await expect(pop3.getByText(/Settings: leave a copy on the server: off/)).toBeVisible();

    // The story as told: at the end, only the message opened has a body on the IMAP laptop.
    const { total } = await currentStep(page);
    await page.keyboard.press('End');
    await expectStep(page, total);
    const imapLaptop = imap.getByRole('list', { name: 'Mail on the laptop' });
    await expect(imapLaptop.getByText('full copy', { exact: true })).toHaveCount(1);

    // The variant: offline copies of every message, chosen with the keyboard.
    const variant = page.getByRole('radio', { name: 'IMAP client: keep offline copies of every message' });
    await variant.focus();
    await page.keyboard.press('Space');
    await expect(variant).toBeChecked();
    await expect(imap.getByText(/Settings: offline copies: every message/)).toBeVisible();
    await expectStep(page, 1);
    // The radio keeps its keys; the timeline slider takes End to the last step.
    await page.getByRole('slider', { name: 'Timeline' }).focus();
    await page.keyboard.press('End');
    await expect(imapLaptop.getByText('full copy', { exact: true })).toHaveCount(6);
    await expect(page).toHaveURL(/[?&]variant=offline-all(&|$)/);

    // The link opens the same variant.
    await page.reload();
    await expect(
      page.getByRole('radio', { name: 'IMAP client: keep offline copies of every message' }),
    ).toBeChecked();
    const results = await new AxeBuilder({ page }).include('fieldset').analyze();
    expect(results.violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a variant the scenario does not have falls back to the story, and says so', async ({ page }) => {
    await page.goto('/?scenario=new-mail&variant=offline-all');
    await expect(page.getByRole('status').filter({ hasText: 'no variant "offline-all"' })).toBeVisible();
    // new-mail has no variants: no client-settings choice is offered.
    await expect(page.getByRole('group', { name: /Client settings/ })).toHaveCount(0);
    await expect(page.getByRole('radio', { name: /keep offline copies/ })).toHaveCount(0);
  });
});
