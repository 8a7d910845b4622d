import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { CLAIMS } from '../simulations/claims';
import { expectStep } from './fixtures';

test("the guide's recommendation follows the answers and links to the step that shows why", async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/guide/');
  const verdict = page.getByRole('region', { name: /Recommendation|Answer a question|Either/ });
  await expect(verdict.getByRole('heading')).toHaveText('Answer a question to see a recommendation');

  await page
    .getByRole('group', { name: 'How many devices read this mailbox?' })
    .getByLabel('One computer')
    .check();
  await expect(verdict).toContainText('that computer then holds the only copy');
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
  const link = verdict.getByRole('link', {
    name: /^See it: Read on the phone, then open the laptop, step \d+$/,
  });
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^\/\?scenario=laptop-and-phone&step=\d+$/);
  const step = Number(new URL(href, 'http://x').searchParams.get('step'));
  await link.click();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('laptop-and-phone');
  await expectStep(page, step + 1);
  // The step is the one where the laptop hears from the server that message 2 was read.
  await expect(page.locator('section[data-protocol="imap"]')).toContainText('\\Seen');
});

test('the guide says who decides each reason, and that security favours neither protocol', async ({
  page,
}) => {
  await page.goto('/guide/');
  const verdict = page.getByRole('region', { name: /Recommendation|Answer a question|Either/ });
  await page
    .getByRole('group', { name: 'Does security on the network concern you?' })
    .getByLabel('Yes')
    .check();
  await expect(verdict.getByRole('heading')).toHaveText('Either will do: the trade-offs balance');
  await expect(verdict).toContainText('Security favours neither protocol');
  await expect(verdict).toContainText('RFC 8314 §3');
  await expect(verdict.getByRole('term')).toHaveText(['Protocol', 'Client setting', 'Server policy']);

  await page
    .getByRole('group', { name: 'What is the connection like?' })
    .getByLabel('It drops often (trains, poor coverage)')
    .check();
  await expect(verdict.getByRole('heading')).toHaveText('Recommendation: POP3');
  await expect(verdict).toContainText('offline copies');
  await page
    .getByRole('group', { name: 'What is the connection like?' })
    .getByLabel('Slow or metered')
    .check();
  await expect(verdict.getByRole('heading')).toHaveText('Recommendation: IMAP');
});

test('the guide lists the common claims with their verdicts and links to each step and explanation', async ({
  page,
}) => {
  await page.goto('/guide/');
  const panel = page.getByRole('region', { name: 'Common claims, checked' });
  await expect(panel.getByRole('heading', { level: 3 })).toHaveCount(CLAIMS.length);
  for (const claim of CLAIMS) {
    await expect(
      panel.getByRole('link', { name: `Read why: “${claim.claim.replace(/\.$/, '')}”` }),
    ).toHaveAttribute('href', `/claims/#${claim.id}`);
  }
  const steps = panel.getByRole('link', { name: /^See it:/ });
  await expect(steps).toHaveCount(CLAIMS.length);
  for (const href of await steps.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
    expect(href).toMatch(/^\/\?scenario=[a-z0-9-]+&step=\d+$/);
  await panel.getByRole('link', { name: `Read why: “${CLAIMS[0]!.claim.replace(/\.$/, '')}”` }).click();
  await expect(page).toHaveURL(new RegExp(`/claims/#${CLAIMS[0]!.id}$`));
  await expect(page.locator(`li#${CLAIMS[0]!.id}`)).toBeInViewport();
});

test('the guide is keyboard operable and axe-clean in light and dark', async ({ page }) => {
  await page.goto('/guide/');
  await page.getByLabel('One computer').focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { name: /Recommendation: POP3/ })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.map((v) => v.id),
      scheme,
    ).toEqual([]);
  }
});

test('the compare page header links to the claims and the glossary', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'More of the lab' });
  await nav.getByRole('link', { name: 'Common claims, checked' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Common claims, checked' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'More of the lab' })
    .getByRole('link', { name: 'Glossary' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
});

test('a link followed right after a step is not undone when the address bar catches up', async ({ page }) => {
  await page.goto('/?scenario=one-laptop');
  await expectStep(page, 1);
  // The claims page arrives slowly, so the navigation is still under way when the step's address
  // (written once seeking rests) would be written.
  await page.route(/\/claims\//, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Step forward', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'More of the lab' })
    .getByRole('link', { name: 'Common claims, checked' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Common claims, checked' })).toBeVisible();
  await expect(page).toHaveURL(/\/claims\/$/);
});

test('a link followed while the story still loads is not undone when the story arrives', async ({ page }) => {
  // The story's timeline is held back until the link has been clicked, and the claims page
  // arrives slowly: the story lands, and its address would be written, during the navigation.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/timelines\//, async (route) => {
    await held;
    await route.continue();
  });
  await page.route(/\/claims\//, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  const asked = page.waitForRequest(/\/timelines\/one-laptop\.json/);
  await page.goto('/?scenario=one-laptop');
  // The page has hydrated: it asks for the story itself.
  await asked;
  await page
    .getByRole('navigation', { name: 'More of the lab' })
    .getByRole('link', { name: 'Common claims, checked' })
    .click();
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Common claims, checked' })).toBeVisible();
  await expect(page).toHaveURL(/\/claims\/$/);
  // Nothing puts the compare page's address back afterwards.
  await page.waitForTimeout(1_000);
  await expect(page).toHaveURL(/\/claims\/$/);
});
