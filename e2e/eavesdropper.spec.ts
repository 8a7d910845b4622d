import { expect, test } from '@playwright/test';
import { expectStep } from './fixtures';

/** The eavesdropper's disclosure in one column, opened. */
async function openEavesdropper(page: import('@playwright/test').Page, column: 'POP3' | 'IMAP') {
  const region = page.getByRole('region', { name: column, exact: true });
  await region.getByText('Eavesdropper: what someone on the café Wi-Fi sees').click();
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
});
