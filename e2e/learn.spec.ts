import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { IMAP_COMMANDS } from '../lib/imap/commands';
import { POP3_COMMANDS } from '../lib/pop3/commands';

for (const [path, protocol, table] of [
  ['/learn/pop3/', 'POP3', POP3_COMMANDS],
  ['/learn/imap/', 'IMAP', IMAP_COMMANDS],
] as const) {
  test(`${protocol} reference lists every command the engine dispatches, with a real exchange`, async ({
    page,
  }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: `${protocol} reference` })).toBeVisible();
    const index = page.getByRole('navigation', { name: `${protocol} commands` });
    await expect(index.getByRole('link')).toHaveText([...table.keys()]);
    for (const [name, command] of table) {
      const section = page.getByRole('region', { name, exact: true });
      await expect(section).toContainText(command.syntax);
      await expect(section).toContainText(command.rfc);
    }
    await expect(page.getByRole('img', { name: new RegExp(`^${protocol} states:`) })).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
}

test('the POP3 reference shows RETR as the wire carries it', async ({ page }) => {
  await page.goto('/learn/pop3/');
  const example = page.getByRole('region', { name: 'RETR', exact: true }).getByLabel('Example: RETR');
  await expect(example).toContainText('C: RETR 4\nS: +OK 408 octets\nS: Return-Path:');
});
