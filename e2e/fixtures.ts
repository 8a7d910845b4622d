import { expect, type APIRequestContext, type Page } from '@playwright/test';

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
  let found: { step: number; total: number } | null = null;
  await expect
    .poll(async () => {
      const m = /Step (\d+) of (\d+)\./.exec((await page.getByTestId('narration').textContent()) ?? '');
      found = m ? { step: Number(m[1]), total: Number(m[2]) } : null;
      return found !== null;
    })
    .toBe(true);
  return found!;
}

export async function expectStep(page: Page, step: number, timeout?: number) {
  await expect(page.getByTestId('narration')).toContainText(`Step ${step} of `, { timeout });
}

/** Runs a sandbox action and waits until its steps have joined the timeline (it grows). */
export async function actAndWait(page: Page, act: () => Promise<void>) {
  const { total } = await currentStep(page);
  await act();
  await expect.poll(async () => (await currentStep(page)).total, { timeout: 10_000 }).toBeGreaterThan(total);
}

/**
 * How many lockstep steps a scenario has, read from the timeline the app serves: a story's length
 * changes whenever its clients do, so tests ask rather than hard-code it.
 */
// Every GET of the app's API in these tests passes `maxRetries`: a request sent on a kept-alive
// connection just as the server closes it idle fails with ECONNRESET (seen once in CI, on
// /api/live/state/); a GET is safe to send again. POSTs, which change state, are not retried.
export async function stepsOf(request: APIRequestContext, id: string): Promise<number> {
  const response = await request.get(`/timelines/${id}.json`, { maxRetries: 3 });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { steps: unknown[] }).steps.length;
}

/**
 * The first step of intent `intent` in a served timeline, counted from 1 as the narration's
 * "Step n of m" counts (`?step=` counts from 0): steps are
 * `[intent, pop3 frame, imap frame]` (simulations/packed.ts).
 */
export async function firstStepOfIntent(
  request: APIRequestContext,
  id: string,
  intent: number,
): Promise<number> {
  const response = await request.get(`/timelines/${id}.json`, { maxRetries: 3 });
  expect(response.ok()).toBe(true);
  const steps = ((await response.json()) as { steps: [number, number, number][] }).steps;
  const index = steps.findIndex(([i]) => i === intent);
  expect(index).toBeGreaterThan(0);
  return index + 1;
}
