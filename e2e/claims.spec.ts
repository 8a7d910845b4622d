import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { CLAIMS } from '../simulations/claims';
import { GLOSSARY, glossarySegments } from '../simulations/glossary';
import { CATALOG } from '../simulations/catalog';
import { findScenario } from '../simulations/scenarios';
import { scenarioTimeline } from '../simulations/timeline';
import { expectStep, watchErrors } from './fixtures';

/** The first scenario step whose narration (the intent's, as the page shows it) uses a glossary term. */
function firstStepWithJargon(): { scenario: string; step: number } {
  for (const { id } of CATALOG) {
    const timeline = scenarioTimeline(findScenario(id)!);
    const step = timeline.steps.findIndex((s) => {
      const text = timeline.tracks.pop3.find((f) => f.intent === s.intent && f.device === null)?.narration;
      return text !== undefined && glossarySegments(text).some((seg) => seg.id);
    });
    if (step >= 0) return { scenario: id, step };
  }
  throw new Error('no narration uses a glossary term');
}

const VERDICT = { true: 'True', false: 'False', 'it depends': 'It depends' } as const;

test('the claims page gives each claim a verdict, a reason with its RFC, and a link to a real step', async ({
  page,
}) => {
  await page.goto('/claims/');
  await expect(page.getByRole('heading', { level: 1, name: 'Common claims, checked' })).toBeVisible();
  for (const claim of CLAIMS) {
    const item = page.locator(`li#${claim.id}`);
    await expect(item.getByRole('heading', { level: 2 })).toHaveText(
      `${VERDICT[claim.verdict]} “${claim.claim}”`,
    );
    await expect(item).toContainText(/RFC \d+ §\d/);
    const link = item.getByRole('link', { name: /^See it: .+, step \d+$/ });
    await expect(link).toHaveAttribute('href', new RegExp(`^/\\?scenario=${claim.link.scenario}&step=\\d+$`));
  }
});

for (const claim of CLAIMS) {
  test(`the "${claim.id}" link opens the step whose narration the claims page quotes`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`/claims/#${claim.id}`);
    const item = page.locator(`li#${claim.id}`);
    const quoted = (await item.getByTestId(`narration-${claim.id}`).textContent())!;
    const link = item.getByRole('link', { name: /^See it:/ });
    const step = Number(new URL((await link.getAttribute('href'))!, 'http://x').searchParams.get('step'));
    await link.click();
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue(claim.link.scenario);
    await expectStep(page, step + 1);
    await expect(page.locator(`section[data-protocol="${claim.link.protocol}"]`)).toContainText(quoted);
    expect(errors).toEqual([]);
  });
}

test('the claims page works from the keyboard and is axe-clean in light and dark', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/claims/');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.map((v) => v.id),
      scheme,
    ).toEqual([]);
  }
  const first = page.locator(`li#${CLAIMS[0]!.id}`).getByRole('link', { name: /^See it:/ });
  // Tab through the page until the first step link has focus, then follow it with Enter.
  for (let i = 0; i < 40 && !(await first.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue(CLAIMS[0]!.link.scenario);
});

test('the glossary defines each term at its own anchor, and the narration links jargon to it', async ({
  page,
}) => {
  await page.goto('/glossary/');
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
  for (const entry of GLOSSARY) {
    const item = page.locator(`[id="${entry.id}"]`);
    await expect(item.locator('dfn')).toHaveText(entry.term);
    await expect(item).toContainText(entry.rfc);
  }
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.map((v) => v.id),
      scheme,
    ).toEqual([]);
  }

  // A step whose narration uses a glossary term, found by running the scenarios as the page does.
  const { scenario, step } = firstStepWithJargon();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/?scenario=${scenario}&step=${step}`);
  const narration = page.getByTestId('narration');
  await expect(narration).toContainText(`Step ${step + 1} of`);
  const term = narration.locator('a[data-glossary]').first();
  await expect(term).toBeVisible();
  const id = (await term.getAttribute('data-glossary'))!;
  await expect(term).toHaveAttribute('href', `/glossary/#${id}`);
  await term.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/glossary/#${id}$`));
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});
