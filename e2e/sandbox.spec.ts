import { expect, test } from '@playwright/test';
import { getSimplePaths } from 'xstate/graph';
import { deviceMachine } from '../simulations/device';
import { modelEntry, MODEL_EVENTS } from '../simulations/model';
import { actAndWait, watchErrors } from './fixtures';

/**
 * The model paths of simulations/device.test.ts, run again through the page: each simple path of
 * the device machine becomes clicks in the sandbox, and neither column may show an error reply.
 */
const paths = getSimplePaths(deviceMachine, {
  events: MODEL_EVENTS.map((e) => e.event),
  serializeState: (snapshot) => JSON.stringify(snapshot.value),
}).filter((p) => p.steps.length > 1);

test.describe('sandbox, model-based', () => {
  for (const path of paths) {
    const buttons = path.steps
      .map((s) => modelEntry(s.event)?.sandboxButton)
      .filter((b): b is string => Boolean(b));
    test(`path: ${buttons.join(' → ')}`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto('/?scenario=sandbox');
      const sandbox = page.getByRole('region', { name: 'Try it yourself' });
      await sandbox.getByRole('combobox', { name: 'Device' }).selectOption('laptop');
      await sandbox.getByRole('spinbutton', { name: 'Message (server UID)' }).fill('2');
      for (const name of buttons) {
        await actAndWait(page, () => sandbox.getByRole('button', { name, exact: true }).click());
        await page.keyboard.press('End');
      }
      for (const protocol of ['POP3', 'IMAP']) {
        // The diagram lists every wire line so far (the transcript tab draws only those in view).
        const lines = page.getByRole('list', { name: `${protocol} messages in order` });
        // Offline from the start, a device sends nothing at all; otherwise its client spoke.
        if (buttons[0] !== 'Go offline')
          await expect(
            lines
              .getByRole('listitem')
              .filter({ hasText: /→ server: / })
              .first(),
          ).toBeVisible();
        await expect(
          lines.getByRole('listitem').filter({ hasText: /^server → \w+: (-ERR|a\d+ NO|a\d+ BAD)/ }),
        ).toHaveCount(0);
      }
      expect(errors).toEqual([]);
    });
  }
});

test('sandbox: opening a message on the laptop fetches it over IMAP and marks it read on the server', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?scenario=sandbox');
  const sandbox = page.getByRole('region', { name: 'Try it yourself' });
  await actAndWait(page, () => sandbox.getByRole('button', { name: 'Open app', exact: true }).click());
  await sandbox.getByRole('spinbutton', { name: 'Message (server UID)' }).fill('3');
  await actAndWait(page, () => sandbox.getByRole('button', { name: 'Open message', exact: true }).click());
  await page.keyboard.press('End');
  const imap = page.getByRole('region', { name: 'IMAP' });
  await expect(imap.getByRole('list', { name: 'IMAP messages in order' })).toContainText(
    'UID FETCH 3 BODY[]',
  );
  await expect(
    imap.getByRole('list', { name: 'student INBOX on the server' }).getByRole('listitem').nth(2),
  ).toContainText('\\Seen');
});

test('terminal: type IMAP commands and see the server answer with explanations', async ({ page }) => {
  await page.goto('/');
  const terminal = page.getByRole('region', { name: 'Terminal: talk to the server yourself' });
  // A newcomer is told that IMAP commands carry a tag (and what to type first), POP3's do not.
  await expect(terminal).toContainText('An IMAP command starts with a tag of your choosing');
  await expect(terminal).toContainText('a1 LOGIN student secret');
  await terminal.getByRole('combobox', { name: 'Protocol' }).selectOption('pop3');
  await expect(terminal).toContainText('POP3 commands have no tag: USER student');
  await terminal.getByRole('combobox', { name: 'Protocol' }).selectOption('imap');
  const input = terminal.getByRole('combobox', { name: 'Command' });
  await input.fill('a1 LOGIN student secret');
  await input.press('Enter');
  await input.fill('a2 SELECT INBOX');
  await input.press('Enter');
  const log = terminal.getByRole('list', { name: 'Terminal session' });
  await expect(log).toContainText('S: * 6 EXISTS');
  await expect(log).toContainText('open the mailbox "INBOX"');
  await input.fill('a3 FROB');
  await input.press('Enter');
  await expect(log).toContainText('S: a3 BAD Unknown command: FROB');
  await expect(terminal.getByText('Session state: Selected')).toBeVisible();
});

test('terminal: the command field stays in the window and the log shows its newest line', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  const terminal = page.getByRole('region', { name: 'Terminal: talk to the server yourself' });
  const input = terminal.getByRole('combobox', { name: 'Command' });
  // The field at the window's bottom edge, as after scrolling down to it: focusing it connects,
  // and the greeting drawn above it must not push it out of the window.
  await input.evaluate((el) =>
    window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 2),
  );
  await input.focus();
  const log = terminal.getByRole('list', { name: 'Terminal session' });
  await expect(log).toContainText('S: * OK');
  await expect(input).toBeInViewport({ ratio: 0.9 });
  // More lines than the log has room for: the newest is in view inside it, and the log, which
  // now scrolls, is a Tab stop (WCAG 2.1.1).
  for (let i = 1; i <= 14; i++) {
    await input.fill(`a${i} NOOP`);
    await input.press('Enter');
    await expect(log).toContainText(`S: a${i} OK`);
  }
  await expect(input).toBeInViewport({ ratio: 0.9 });
  await expect(log).toHaveAttribute('tabindex', '0');
  const newest = log.getByRole('listitem').last();
  await expect(newest).toContainText('a14 OK');
  const [logBox, lineBox] = [(await log.boundingBox())!, (await newest.boundingBox())!];
  expect(lineBox.y + lineBox.height).toBeLessThanOrEqual(logBox.y + logBox.height + 1);
  expect(lineBox.y).toBeGreaterThanOrEqual(logBox.y);
});
