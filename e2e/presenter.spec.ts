import { expect, test } from '@playwright/test';
import { expectStep } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

test('presenter mode: large type, chrome hidden, clicker keys, blank screen, spotlight', async ({ page }) => {
  await page.goto('/?scenario=one-laptop&step=3');
  await expectStep(page, 4);
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByRole('button', { name: 'Leave presenter mode' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // Chrome hidden, the step counter still there.
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await expect(page.getByTestId('narration')).toContainText('Step 4 of');
  const size = await page
    .getByTestId('narration')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);

  await page.keyboard.press('PageDown');
  await expectStep(page, 5);
  await expect(page.getByTestId('pop3-spotlight')).toHaveText('S: +OK Capability list follows');
  await page.screenshot({ path: test.info().outputPath('presenter-1280x720.png') });
  await page.keyboard.press('PageUp');
  await expectStep(page, 4);

  await page.keyboard.press('b');
  const blank = page.getByRole('button', { name: /Screen blanked/ });
  await expect(blank).toBeVisible();
  await page.keyboard.press('b');
  await expect(blank).toBeHidden();

  // Escape leaves presenter mode (as it leaves full screen); the button does too.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await page.getByRole('button', { name: 'Present' }).click();
  await page.getByRole('button', { name: 'Leave presenter mode' }).click();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
});
