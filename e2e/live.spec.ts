import { expect, test, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { ImapFlow } from 'imapflow';

/** A password that must never reach the page or its event stream. */
const PASSWORD = 'hunter2-live-test';

function python(script: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', script], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', resolve);
  });
}

/** An imapflow client for `user` on the lab's plain IMAP port (no TLS: loopback allows it). */
function plainImap(host: string, port: number, user: string): ImapFlow {
  return new ImapFlow({
    host,
    port,
    secure: false,
    doSTARTTLS: false,
    auth: { user, pass: PASSWORD },
    logger: false,
  });
}

/** "Connect your client", opened (it folds away while a client is connected: other tests connect some). */
async function openHelp(page: Page) {
  await page
    .locator('details')
    .filter({ hasText: 'Connect your client' })
    .evaluate((d) => ((d as HTMLDetailsElement).open = true));
}

test('real clients appear on the Live page as they talk, with passwords masked', async ({
  page,
  request,
}) => {
  const state = await (await request.get('/api/live/state/', { maxRetries: 3 })).json();
  expect(state.info.running).toBe(true);
  const { imapPort, pop3Port, host } = state.info;
  const user = `learner${Date.now() % 100000}`;
  expect(
    (
      await request.post('/api/live/actions/', { data: { action: 'addAccount', user, password: PASSWORD } })
    ).ok(),
  ).toBe(true);

  // Read the raw event stream alongside the page: the password must not be in it either.
  const streamed: string[] = [];
  const abort = new AbortController();
  const baseURL = test.info().project.use.baseURL!;
  const reading = fetch(`${baseURL}/api/live/events/`, { signal: abort.signal })
    .then(async (response) => {
      const reader = response.body!.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        streamed.push(Buffer.from(value).toString('utf8'));
      }
    })
    .catch(() => undefined);

  await page.goto('/live/');
  await expect(page.getByRole('status').filter({ hasText: 'Connected to the lab server' })).toBeVisible();
  await openHelp(page);
  await expect(page.getByText(`IMAP port ${imapPort}`, { exact: false })).toBeVisible();

  const client = plainImap(host, imapPort, user);
  await client.connect();
  const imapLane = page.getByRole('article', { name: /^IMAP session from 127\.0\.0\.1:\d+$/ }).first();
  // imapflow logs in with AUTHENTICATE PLAIN: its base64 answer carries the password.
  await expect(imapLane).toContainText('AUTHENTICATE PLAIN', { timeout: 1000 });
  await expect(imapLane).toContainText('C: ******** (password masked)');
  await client.mailboxOpen('INBOX');
  await expect(imapLane).toContainText('SELECT INBOX', { timeout: 1000 });
  await client.logout();
  await expect(imapLane).toContainText('closed');

  const code = await python(
    `import poplib\nP = poplib.POP3('${host}', ${pop3Port})\nP.user('${user}')\nP.pass_('${PASSWORD}')\nP.stat()\nP.quit()`,
  );
  expect(code).toBe(0);
  const popLane = page.getByRole('article', { name: /^POP3 session from/ }).first();
  await expect(popLane).toContainText('USER ' + user, { timeout: 1000 });
  await expect(popLane).toContainText('PASS ********');
  await expect(popLane).toContainText('STAT');

  const base64 = Buffer.from(`\0${user}\0${PASSWORD}`).toString('base64');
  expect(await page.content()).not.toContain(PASSWORD);
  expect(await page.content()).not.toContain(base64);
  const snapshot = await page.evaluate(async () => (await fetch('/api/live/state/')).text());
  expect(snapshot).not.toContain(PASSWORD);
  abort.abort();
  await reading;
  const stream = streamed.join('');
  expect(stream).toContain(`USER ${user}`);
  expect(stream).toContain('PASS ********');
  expect(stream).not.toContain(PASSWORD);
  expect(stream).not.toContain(base64);
});

test('the trainer delivers a message and it appears in the server store', async ({ page }) => {
  await page.goto('/live/');
  await expect(page.getByRole('status').filter({ hasText: 'Connected to the lab server' })).toBeVisible();
  const trainer = page.getByRole('region', { name: 'Trainer' });
  await trainer.getByRole('textbox', { name: 'Subject' }).fill('Workshop starts now');
  await trainer.getByRole('button', { name: 'Deliver' }).click();
  await expect(trainer.getByRole('status')).toHaveText('Delivered.');
  // The store reaches the page through the event stream; on a loaded machine a batch can lag.
  await expect(page.getByRole('list', { name: 'student INBOX on the server' })).toContainText(
    'Workshop starts now',
    { timeout: 15_000 },
  );
});

test('the server store highlights the latest change a real client makes, and keeps it until the next', async ({
  page,
  request,
}) => {
  const state = await (await request.get('/api/live/state/', { maxRetries: 3 })).json();
  const { imapPort, host } = state.info;
  const user = `flags${Date.now() % 100000}`;
  const action = async (data: Record<string, string>) =>
    expect((await request.post('/api/live/actions/', { data })).ok()).toBe(true);
  await action({ action: 'addAccount', user, password: PASSWORD });
  await page.goto('/live/');
  await expect(page.getByRole('status').filter({ hasText: 'Connected to the lab server' })).toBeVisible();

  const subject = `Read me, ${user}`;
  await action({ action: 'deliver', user, from: 'Trainer <trainer@lab.test>', subject, text: 'Hello.' });
  const inbox = page.getByRole('list', { name: `${user} INBOX on the server` });
  const card = inbox.getByRole('listitem').filter({ hasText: subject });
  await expect(card).toContainText('Changed most recently: new on the server', { timeout: 15_000 });

  const client = plainImap(host, imapPort, user);
  await client.connect();
  await client.mailboxOpen('INBOX');
  await client.messageFlagsAdd('1', ['\\Seen'], { uid: true });
  await expect(card).toContainText('Changed most recently: now read', { timeout: 15_000 });
  // Commands that change nothing send the page new pictures of the store: the highlight stays.
  await client.noop();
  await client.status('INBOX', { messages: true });
  await page.waitForTimeout(500);
  await expect(card).toContainText('Changed most recently: now read');

  // STORE +FLAGS (\Deleted) and EXPUNGE: the card leaves, and the panel names it.
  await client.messageDelete('1', { uid: true });
  await expect(page.getByText(`Removed from the server most recently: ${subject}`)).toBeVisible({
    timeout: 15_000,
  });
  await expect(inbox).toContainText('empty');
  await client.logout();
});

test('at 390 px the Live page does not scroll sideways (the certificate fingerprint wraps)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/live/');
  await expect(page.getByRole('status').filter({ hasText: 'Connected to the lab server' })).toBeVisible();
  await openHelp(page);
  await expect(page.getByText('Certificate SHA-256 fingerprint')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('at 1280×720 the connection help folds once a client connects, so the diagram is on the first screen', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const { imapPort, host } = (await (await request.get('/api/live/state/', { maxRetries: 3 })).json()).info;
  const user = `fold${Date.now() % 100000}`;
  expect(
    (
      await request.post('/api/live/actions/', { data: { action: 'addAccount', user, password: PASSWORD } })
    ).ok(),
  ).toBe(true);
  await page.goto('/live/');
  await expect(page.getByRole('status').filter({ hasText: 'Connected to the lab server' })).toBeVisible();
  const help = page.locator('details').filter({ hasText: 'Connect your client' });
  const client = plainImap(host, imapPort, user);
  await client.connect();
  try {
    await expect(help).not.toHaveAttribute('open');
    // Folded, it still gives the host and the ports.
    await expect(help.locator('summary')).toContainText(`server ${host}: IMAP ${imapPort}`);
    const diagram = page.getByRole('figure', { name: 'Live sequence diagram' });
    await expect(diagram).toBeVisible();
    expect((await diagram.boundingBox())!.y).toBeLessThan(720 - 200);
    // The reader opens it again: it stays open.
    await help.locator('summary').click();
    await expect(help).toHaveAttribute('open');
    await expect(page.getByText(`IMAP port ${imapPort}`, { exact: false })).toBeVisible();
  } finally {
    await client.logout();
  }
});
