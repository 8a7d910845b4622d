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

test('the IMAP reference has a section per extension, each with its RFC and a real exchange', async ({
  page,
}) => {
  await page.goto('/learn/imap/');
  const index = page.getByRole('navigation', { name: 'IMAP extensions' });
  await expect(index.getByRole('link', { name: 'CONDSTORE' })).toBeVisible();
  const condstore = page.getByRole('region', { name: 'CONDSTORE (RFC 7162)' });
  await expect(condstore).toContainText('mod-sequence');
  await expect(condstore.getByLabel('Example: CONDSTORE')).toContainText(
    'OK [MODIFIED 2] UID STORE completed',
  );
  const qresync = page.getByRole('region', { name: 'QRESYNC (RFC 7162)' });
  await expect(qresync.getByLabel('Example: QRESYNC')).toContainText('S: * VANISHED (EARLIER) 3');
  const partial = page.getByRole('region', { name: 'PARTIAL (RFC 9394)' });
  await expect(partial).toContainText('PARTIAL (-1:-2 5:6)');
  // NOTIFY's exchange shows what the server pushed between commands, as the engine did.
  const notify = page.getByRole('region', { name: 'NOTIFY (RFC 5465)' });
  await expect(notify.getByLabel('Example: NOTIFY')).toContainText(
    'S: a3 OK NOTIFY completed\nS: * STATUS Sent (MESSAGES 1 UIDNEXT 2)\nS: * 7 EXISTS',
  );
  // URLAUTH's: a URL authorized, fetched, then refused once RESETKEY gave INBOX a new key.
  const urlauth = page.getByRole('region', { name: 'URLAUTH (RFC 4467)' });
  await expect(urlauth.getByLabel('Example: URLAUTH')).toContainText(
    'S: a4 OK [URLMECH INTERNAL] New access key\nC: a5 URLFETCH',
  );
});

test('the THREAD section draws the conversation from the THREAD response', async ({ page }) => {
  await page.goto('/learn/imap/');
  const sort = page.getByRole('region', { name: /^SORT, SORT=DISPLAY, THREAD=ORDEREDSUBJECT/ });
  await expect(sort.getByLabel(/^Example: SORT/)).toContainText('S: * THREAD (1)(2)(3)(4 5 6)');
  const view = sort.getByRole('list', { name: 'Conversation view' });
  // 4 is the first message; 5 answers it, and 6 answers 5: each one list deeper.
  const study = view.getByRole('listitem').filter({ hasText: /^4 Study group on Thursday\?/ });
  await expect(study).toHaveCount(1);
  const reply = study.getByRole('listitem').filter({ hasText: /^5 Re: Study group on Thursday\?/ });
  await expect(reply).toHaveCount(1);
  await expect(reply.getByRole('listitem')).toHaveText(/^6 Re: Study group on Thursday\? · Chris Classmate/);
  await sort.screenshot({ path: 'test-results/learn-imap-thread.png' });
});
