import { expect, test, type Locator } from '@playwright/test';
import { expectStep, stepsOf } from './fixtures';

/** The eavesdropper's disclosure in one column, opened (it opens in both columns at once). */
async function openEavesdropper(page: import('@playwright/test').Page, column: 'POP3' | 'IMAP') {
  const region = page.getByRole('region', { name: column, exact: true });
  const details = region.getByTestId(`${column.toLowerCase()}-eavesdropper`);
  if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open)))
    await region.getByText('What an eavesdropper on the Wi-Fi sees').click();
  return region.getByRole('list', { name: `${column} traffic as an eavesdropper sees it` });
}

test.describe('eavesdropper view', () => {
  test('without TLS someone on the café Wi-Fi reads the password in both columns', async ({ page }) => {
    await page.goto('/?scenario=cafe-wifi&step=10');
    await expectStep(page, 11);
    for (const column of ['POP3', 'IMAP'] as const) {
      const lines = await openEavesdropper(page, column);
      await expect(lines.getByText(/secret/)).toHaveCount(1);
      await expect(lines.locator('[data-kind="tls"]')).toHaveCount(0);
    }
  });

  test('with implicit TLS every unit is only a TLS record and its size', async ({ page }) => {
    await page.goto('/?scenario=cafe-wifi&variant=implicit&step=10');
    await expectStep(page, 11);
    for (const column of ['POP3', 'IMAP'] as const) {
      const lines = await openEavesdropper(page, column);
      const items = lines.getByRole('listitem');
      expect(await items.count()).toBeGreaterThan(3);
      for (const text of await items.allTextContents())
        expect(text).toMatch(/^TLS record, about \d+ octets$/);
      await expect(lines.getByText(/secret/)).toHaveCount(0);
    }
  });

  test('opening it in one column opens it in both, so the two diagrams stay level; closing closes both', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/?scenario=cafe-wifi&step=10');
    await expectStep(page, 11);
    const summary = (column: string) =>
      page
        .getByRole('region', { name: column, exact: true })
        .getByText('What an eavesdropper on the Wi-Fi sees');
    const tops = () =>
      page.$$eval('figure[data-diagram]', (figures) => figures.map((f) => f.getBoundingClientRect().top));
    const closed = await tops();
    await summary('POP3').click();
    await expect(page.getByRole('list', { name: 'IMAP traffic as an eavesdropper sees it' })).toBeVisible();
    const [pop3, imap] = await tops();
    expect(pop3).toBeGreaterThan(closed[0]! + 50);
    expect(Math.abs(pop3! - imap!)).toBeLessThanOrEqual(1);
    await summary('IMAP').click();
    await expect(page.getByRole('list', { name: 'POP3 traffic as an eavesdropper sees it' })).toBeHidden();
    expect(await tops()).toEqual(closed);
  });

  test('it opens on the latest lines, and the line a step adds is in view', async ({ page, request }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const steps = await stepsOf(request, 'cafe-wifi');
    await page.goto(`/?scenario=cafe-wifi&step=${steps - 2}`);
    await expectStep(page, steps - 1);
    const lines = await openEavesdropper(page, 'POP3');
    const items = lines.getByRole('listitem');
    // More lines than the box shows: it scrolls (and is a Tab stop), the latest at the bottom.
    const box = page.getByRole('group', { name: 'POP3 traffic overheard' });
    await expect(box).toHaveAttribute('tabindex', '0');
    const inView = (item: Locator) =>
      item.evaluate((el) => {
        const b = el.parentElement!.parentElement!.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
      });
    expect(await inView(items.last())).toBe(true);
    expect(await inView(items.first())).toBe(false);
    // Back to the step before the latest line, then forward: the line it adds is in view.
    const latest = await items.last().textContent();
    let step = steps - 1;
    while ((await items.last().textContent()) === latest && step > 1) {
      await page.keyboard.press('ArrowLeft');
      await expectStep(page, --step);
    }
    expect(step).toBeGreaterThan(steps - 10);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, step + 1);
    await expect(items.last()).toHaveText(latest!);
    expect(await inView(items.last())).toBe(true);
  });
});
