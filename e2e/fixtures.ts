import { expect, type Page } from '@playwright/test';

/** Console errors and uncaught exceptions on a page, checked at the end of a test. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** The step the narration says we are on (1-based) and the total. */
export async function currentStep(page: Page): Promise<{ step: number; total: number }> {
  await expect(page.getByTestId('narration')).toContainText(/Step \d+ of \d+\./);
  const text = (await page.getByTestId('narration').textContent()) ?? '';
  const m = /Step (\d+) of (\d+)\./.exec(text);
  if (!m) throw new Error(`no step in narration: ${text}`);
  return { step: Number(m[1]), total: Number(m[2]) };
}

export async function expectStep(page: Page, step: number, timeout?: number) {
  await expect(page.getByTestId('narration')).toContainText(`Step ${step} of `, { timeout });
}
