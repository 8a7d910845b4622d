import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';

const PASSWORD = 'diagram-live-test';

function python(script: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', script], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', resolve);
  });
}

test('the Live page draws each session as a lifeline of one sequence diagram', async ({
  page,
  request,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const state = await (await request.get('/api/live/state/', { maxRetries: 3 })).json();
  expect(state.info.running).toBe(true);
  const { pop3Port, host } = state.info;
  const user = `drawn${Date.now() % 100000}`;
  const added = await request.post('/api/live/actions/', {
    data: { action: 'addAccount', user, password: PASSWORD },
  });
  expect(added.ok()).toBe(true);

  await page.goto('/live/');
  await expect(page.getByRole('status').filter({ hasText: 'Connected to the lab server' })).toBeVisible();
  const code = await python(
    `import poplib\nP = poplib.POP3('${host}', ${pop3Port})\nP.user('${user}')\nP.pass_('${PASSWORD}')\nP.stat()\nP.quit()`,
  );
  expect(code).toBe(0);

  // Other tests' clients share the server, and the picture draws only the most recently active
  // sessions (their newest lines): find this client's session by its user, and draw only it.
  let id: number | undefined;
  await expect
    .poll(
      async () => {
        const now = await (await request.get('/api/live/state/', { maxRetries: 3 })).json();
        id = (now.sessions as { id: number; user?: string | null }[]).find((s) => s.user === user)?.id;
        return id;
      },
      { timeout: 15_000 },
    )
    .toBeDefined();
  const figure = page.getByRole('figure', { name: 'Live sequence diagram' });
  const draw = figure.getByLabel('Draw');
  await draw.selectOption(String(id));
  const session = `POP3 session ${id}`;
  await expect(draw.locator('option:checked')).toHaveText(new RegExp(`^only ${session} \\(`));
  const messages = figure.getByRole('list', { name: 'Live messages in order' }).getByRole('listitem');
  await expect(messages.filter({ hasText: `${session} → server: USER ${user}` })).toHaveCount(1, {
    timeout: 15_000,
  });
  await expect(figure.getByRole('list', { name: 'Live participants' }).getByRole('listitem')).toHaveCount(2);
  // The session's lifeline is among the participants, beside the server, closed after QUIT.
  const participants = figure.getByRole('list', { name: 'Live participants' }).getByRole('listitem');
  await expect(participants.first()).toHaveText(/^server/);
  await expect(participants.filter({ hasText: session })).toContainText('closed', { timeout: 15_000 });
  // Its lines, in order, each from sender to receiver, the password masked.
  await expect(messages.filter({ hasText: `${session} → server: PASS ********` })).toHaveCount(1);
  await expect(messages.filter({ hasText: `server → ${session}: +OK` }).first()).toBeAttached();
  await expect(messages.filter({ hasText: `${session} → server: QUIT` })).toHaveCount(1);
  expect(await figure.innerHTML()).not.toContain(PASSWORD);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).include('figure').analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await figure.screenshot({ path: testInfo.outputPath('live-diagram.png') });
});
