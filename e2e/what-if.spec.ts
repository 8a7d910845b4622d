import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectStep, watchErrors } from './fixtures';

/**
 * What if… (issue 18): at a step of a built-in scenario, the menu inserts a fault; the branch
 * is shown beside the original from the step where they part, its wire lines differ there,
 * and its link (`?story=…&step=`) reopens the same branch in a fresh page.
 */

/** The wire lines of one run in the What if… panel, for one protocol. */
async function lines(page: Page, which: 'original' | 'branch', protocol: 'POP3' | 'IMAP') {
  const panel = page.getByTestId('what-if');
  await panel
    .getByRole('group', { name: 'Protocol compared' })
    .getByRole('button', { name: protocol })
    .click();
  const list = page.getByTestId(`what-if-${which}`);
  await expect(list).toBeVisible();
  return list.locator('li').allTextContents();
}

test('branch at a step, see both timelines, and reopen the branch from its link', async ({
  page,
  browser,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=laptop-and-phone&step=20');
  await expectStep(page, 21);

  // From the keyboard: focus the menu button, open it with Enter, choose with the arrows.
  const menuButton = page.getByRole('button', { name: 'What if…' });
  await menuButton.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'What if…' });
  await expect(menu).toBeVisible();
  // The menu says when the event happens: once the part of the story on screen has played out.
  const when = page.getByText(/^It happens from step \d+, once this part of the story has played out\.$/);
  await expect(when).toBeVisible();
  const promised = Number(/step (\d+)/.exec((await when.textContent())!)![1]);
  const drop = menu.getByRole('menuitem', { name: /connection drops$/ });
  await expect(drop).toBeFocused();
  await page.keyboard.press('Enter');

  // Announced, with the runner's own narration of the inserted entry.
  const status = page.getByTestId('what-if-status');
  await expect(status).toHaveText(/^Branch: The (phone|laptop)'s connection breaks\. From step \d+\.$/, {
    timeout: 15_000,
  });
  await expect(page.getByRole('button', { name: 'What if…' })).toBeFocused();
  const said = (await status.textContent())!;
  const from = Number(/From step (\d+)/.exec(said)![1]);
  expect(from).toBeGreaterThan(21);
  expect(from).toBe(promised);

  // The address is the branch: the story, opening where it parts from the original.
  await expect(page).toHaveURL(new RegExp(`\\?story=[^&]+&step=${from - 1}$`));
  await expectStep(page, from);
  const panel = page.getByTestId('what-if');
  await expect(panel.getByRole('heading', { name: /What if… The .*'s connection breaks\./ })).toBeVisible();
  await expect(panel).toContainText(`It parts from the original at step ${from}.`);
  await expect(page.getByTestId('story-lesson')).toContainText('what if the');

  // Both runs from that step: the IMAP wire lines differ, and the first difference is marked.
  const original = await lines(page, 'original', 'IMAP');
  const branch = await lines(page, 'branch', 'IMAP');
  expect(original.length).toBeGreaterThan(0);
  expect(branch).not.toEqual(original);
  await expect(page.getByTestId('what-if-branch').getByText('Differs from here:')).toHaveCount(1);
  await expect(page.getByTestId('what-if-original').getByText('Differs from here:')).toHaveCount(1);
  const branchPop3 = await lines(page, 'branch', 'POP3');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      scheme,
    ).toEqual([]);
  }

  // The link in a fresh browser: the same branch, the same lines, at the same step.
  const url = page.url();
  const fresh = await (await browser.newContext()).newPage();
  const freshErrors = watchErrors(fresh);
  await fresh.goto(url);
  await expectStep(fresh, from);
  await expect(fresh.getByTestId('what-if-status')).toHaveText(said, { timeout: 15_000 });
  expect(await lines(fresh, 'branch', 'IMAP')).toEqual(branch);
  expect(await lines(fresh, 'original', 'IMAP')).toEqual(original);
  expect(await lines(fresh, 'branch', 'POP3')).toEqual(branchPop3);

  // Its original opens from the panel, without the branch.
  // (A full page load, which a loaded CI machine can take seconds over: wait for the new address.)
  const toOriginal = fresh.getByRole('link', { name: 'Open the original' });
  const href = new URL((await toOriginal.getAttribute('href'))!, fresh.url()).href;
  await toOriginal.click();
  await fresh.waitForURL(href, { timeout: 15_000 });
  await expect(fresh.getByTestId('story-lesson')).not.toContainText('what if', { timeout: 15_000 });
  await expect(fresh.getByTestId('what-if')).toHaveCount(0);
  expect(errors).toEqual([]);
  expect(freshErrors).toEqual([]);
});

test('on a phone-sized screen the branch and its original stack, and nothing overflows', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/?scenario=laptop-and-phone&step=20');
  await expectStep(page, 21);
  await page.getByRole('button', { name: 'What if…' }).click();
  await page.getByRole('menuitem', { name: 'New mail arrives' }).click();
  await expect(page.getByTestId('what-if-status')).toHaveText(/^Branch: New mail arrives on the server/, {
    timeout: 15_000,
  });
  const panel = page.getByTestId('what-if');
  await expect(panel).toBeVisible();
  const box = (await panel.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('the server restarts: the branch’s IMAP lines show the server’s BYE where the runs part', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=laptop-and-phone&step=20');
  await expectStep(page, 21);
  await page.getByRole('button', { name: 'What if…' }).click();
  await page.getByRole('menuitem', { name: 'The server restarts' }).click();
  await expect(page.getByTestId('what-if-status')).toHaveText(/^Branch: The mail server restarts/, {
    timeout: 15_000,
  });
  const branch = await lines(page, 'branch', 'IMAP');
  expect(branch.some((l) => l.includes('* BYE Server shutting down'))).toBe(true);
  const original = await lines(page, 'original', 'IMAP');
  expect(original.some((l) => l.includes('* BYE Server shutting down'))).toBe(false);
  expect(errors).toEqual([]);
});
