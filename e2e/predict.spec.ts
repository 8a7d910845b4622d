import { expect, test } from '@playwright/test';
import { expectStep, firstStepOfIntent } from './fixtures';

test('a prediction prompt pauses the story, takes an answer, reveals, and the story goes on', async ({
  page,
  request,
}) => {
  // Start two steps before the moment the prediction guards (the laptop opening the app, intent
  // 2), so the test waits two steps of playing, not the whole first part of the story.
  const guarded = await firstStepOfIntent(request, 'laptop-and-phone', 2);
  // `?step=` counts from 0; the narration's "Step n" from 1.
  await page.goto(`/?scenario=laptop-and-phone&speed=4&step=${guarded - 3}`);
  await expectStep(page, guarded - 2);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const prompt = page.getByRole('region', { name: 'Predict, then reveal' });
  await expect(prompt).toBeVisible({ timeout: 10_000 });
  await expect(prompt).toContainText('What will the laptop show');
  // The story waits for the answer.
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const narration = await page.getByTestId('narration').textContent();
  await page.waitForTimeout(800);
  expect(await page.getByTestId('narration').textContent()).toBe(narration);

  await prompt
    .getByRole('button', { name: 'IMAP: six messages, message 2 read. POP3: no mail at all' })
    .click();
  await expect(prompt.getByRole('status')).toContainText('Correct.');
  await expect(page.getByText('Predictions: 1 of 1 right.')).toBeVisible();
  await prompt.getByRole('button', { name: 'Continue and see' }).click();
  await expect(prompt).toBeHidden();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});
