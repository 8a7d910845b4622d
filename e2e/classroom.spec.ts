import { expect, test, type Browser, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { PNG } from 'pngjs';
import { stepsShown } from '../lib/live/classroom/lesson';

/** Runs a Python script; resolves with its exit code. */
function python(script: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', script], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', resolve);
  });
}

/** Exit 0 when `user`/`password` log in over IMAP and INBOX holds the seeded mail, 3 when LOGIN is refused. */
const imapLogin = (port: number, user: string, password: string) => `
import imaplib, sys
m = imaplib.IMAP4('127.0.0.1', ${port})
try:
    m.login(${JSON.stringify(user)}, ${JSON.stringify(password)})
except imaplib.IMAP4.error:
    sys.exit(3)
typ, data = m.select('INBOX')
sys.exit(0 if typ == 'OK' and int(data[0]) >= 6 else 4)
`;

// One class per server: the tests take turns with it.
test.describe.configure({ mode: 'serial' });

async function joinAs(browser: Browser, url: string, code: string | null, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  if (code !== null) await page.getByLabel(/^Code/).fill(code);
  await page.getByLabel(/^Your name/).fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByTestId('class-connection')).toHaveText('Connected: live.');
  return page;
}

test('a class: join with the code, follow the trainer, predict together, leave and rejoin follow mode', async ({
  browser,
  page: trainer,
  request,
}) => {
  test.setTimeout(60_000);
  await trainer.goto('/class/present/');
  await expect(trainer.getByRole('status').first()).toHaveText(/Connected: live/);
  // A fresh code for this test, twice: the first one is then expired. Each code is read from the
  // trainer's action's answer (a class opened before may still show an older code).
  const codeShown = trainer.getByTestId('class-code');
  const newCode = async (name: RegExp) => {
    const [response] = await Promise.all([
      trainer.waitForResponse((r) => r.url().includes('/api/class/trainer/')),
      trainer.getByRole('button', { name }).click(),
    ]);
    const made = ((await response.json()) as { view: { code: string } }).view.code;
    expect(made).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    await expect(codeShown).toHaveText(made);
    return made;
  };
  const before = await newCode(/^(Open the class|New code)$/);
  const code = await newCode(/^New code$/);
  expect(code).not.toBe(before);
  // The QR code names the address with the code in it, and a camera reads that address from it.
  const joinAddress = new URL(`/class/?code=${code}`, trainer.url()).href;
  const qr = trainer.getByRole('img', { name: `QR code of ${joinAddress}` });
  await expect(qr).toBeVisible();
  const picture = PNG.sync.read(await qr.screenshot());
  const scanned = jsQR(new Uint8ClampedArray(picture.data), picture.width, picture.height);
  expect(scanned?.data).toBe(joinAddress);
  await expect(trainer.getByTestId('class-join-url')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/class\/$/);
  const joined = Number((await trainer.getByTestId('class-students').textContent())!.split(' ')[0]);

  // Ada scans the QR code (the code is in its address); Bob types it as read off a projector.
  const ada = await joinAs(browser, scanned!.data, null, 'Ada');
  const bob = await joinAs(browser, '/class/', `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`, 'Bob');
  await expect(trainer.getByTestId('class-students')).toHaveText(`${joined + 2} students joined`);

  // A wrong code, and the code before this one, are refused with a message that says which.
  const eve = await (await browser.newContext()).newPage();
  await eve.goto('/class/');
  await eve.getByLabel(/^Code/).fill('ZZZZZZ');
  await eve.getByLabel(/^Your name/).fill('Eve');
  await eve.getByRole('button', { name: 'Join' }).click();
  await expect(eve.getByRole('alert').filter({ hasText: /not this class’s code/ })).toBeVisible();
  await eve.getByLabel(/^Code/).fill(before);
  await eve.getByRole('button', { name: 'Join' }).click();
  await expect(eve.getByRole('alert').filter({ hasText: /has expired/ })).toBeVisible();
  await expect(trainer.getByTestId('class-students')).toHaveText(`${joined + 2} students joined`);

  // The trainer starts "new-mail": both students follow to step 1.
  await trainer.getByLabel('Scenario').selectOption('new-mail');
  for (const student of [ada, bob]) {
    await expect(student.getByTestId('class-step-number')).toHaveText('step 1 of 4');
    await expect(student.getByTestId('class-step-text')).toHaveText('The laptop opens the mail app.');
  }
  // Bob leaves follow mode; the trainer moves to step 2, where the room predicts.
  await bob.getByRole('button', { name: 'Leave follow mode' }).click();
  await trainer.getByRole('button', { name: 'Next step' }).click();
  await expect(ada.getByTestId('class-step-number')).toHaveText('step 2 of 4');
  await expect(bob.getByTestId('class-step-number')).toHaveText('step 1 of 4');
  await expect(bob.getByTestId('class-follow')).toHaveText('On your own; the trainer is at step 2.');
  // Each device draws the scenario itself at its step: the lab's player, at the step that shows it done.
  const shownAt = stepsShown('new-mail');
  const player = (student: Page) => student.frameLocator('iframe[title$=": POP3 and IMAP at this step"]');
  await expect(player(ada).getByRole('slider').first()).toHaveAttribute(
    'aria-valuetext',
    new RegExp(`^Step ${shownAt[1]! + 1} of`),
  );
  await expect(player(bob).getByRole('slider').first()).toHaveAttribute(
    'aria-valuetext',
    new RegExp(`^Step ${shownAt[0]! + 1} of`),
  );
  // On a phone the page, the drawn scenario and the mail settings fit the width (no sideways scroll).
  await ada.setViewportSize({ width: 390, height: 844 });
  expect(await ada.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await ada.setViewportSize({ width: 1280, height: 720 });

  // The prompt is on every device, Bob's too; a prompt answered on a reused server is asked again.
  const again = trainer.getByRole('button', { name: /Ask again/ });
  if (await again.isVisible()) await again.click();
  await expect(trainer.getByTestId('class-answered')).toHaveText(`0 of ${joined + 2} answered`);
  for (const student of [ada, bob])
    await expect(student.getByText(/Which laptop hears of it first\?/)).toBeVisible();

  // Counts change on the presenter view within a second of each answer reaching the server, with no names.
  const answered = (student: Page) => student.waitForResponse((r) => r.url().includes('/api/class/answer/'));
  const [adaAnswer] = await Promise.all([
    answered(ada),
    ada.getByRole('button', { name: 'The IMAP laptop, at once' }).click(),
  ]);
  expect(adaAnswer.status()).toBe(200);
  await expect(trainer.getByTestId('class-count-0')).toHaveText('1', { timeout: 1_000 });
  const [bobAnswer] = await Promise.all([
    answered(bob),
    bob.getByRole('button', { name: 'Neither, until they check' }).click(),
  ]);
  expect(bobAnswer.status()).toBe(200);
  await expect(trainer.getByTestId('class-count-2')).toHaveText('1', { timeout: 1_000 });
  await expect(trainer.getByTestId('class-answered')).toHaveText(`2 of ${joined + 2} answered`);
  await expect(trainer.getByText('Ada')).toHaveCount(0);
  // The trainer may show who answered what; the projector shows no names again once turned off.
  const names = trainer.getByRole('button', { name: 'Show who answered what' });
  await expect(names).toHaveAttribute('aria-pressed', 'false');
  await names.click();
  await expect(trainer.getByTestId('class-names-0')).toHaveText('Ada');
  await expect(trainer.getByTestId('class-names-1')).toHaveText('nobody');
  await expect(trainer.getByTestId('class-names-2')).toHaveText('Bob');
  await expect(names).toHaveAttribute('aria-pressed', 'true');
  await names.click();
  await expect(trainer.getByText('Ada')).toHaveCount(0);
  await expect(ada.getByRole('button', { name: 'The POP3 laptop, at once' })).toBeDisabled();

  // The reveal reaches both.
  await trainer.getByRole('button', { name: 'Reveal the answer' }).click();
  await expect(ada.getByText('Revealed: your answer was right.')).toBeVisible();
  await expect(bob.getByText('Revealed: your answer was not the right one.')).toBeVisible();

  // Bob rejoins follow mode and is at the trainer's step again.
  await bob.getByRole('button', { name: 'Follow the trainer' }).click();
  await expect(bob.getByTestId('class-step-number')).toHaveText('step 2 of 4');

  // The class summary: one row for the prompt, half right.
  const csv = await trainer.evaluate(async () => (await fetch('/api/class/summary/')).text());
  expect(csv).toMatch(/^scenario,step,prompt,question,students,answers,right,share_right_percent\r\n/);
  expect(csv).toContain(`new-mail,2,new-mail:1,`);
  expect(csv).toMatch(new RegExp(`,${joined + 2},2,1,50\\r\\n`));
  // From another site the summary is not served by the trainer's API to a form post either.
  const forged = await request.post('/api/class/trainer/', {
    headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
    data: { action: 'close' },
  });
  expect(forged.status()).toBe(403);

  // Each student's own account works with a real client, and only with its own password.
  const state = await (await request.get('/api/live/state/', { maxRetries: 3 })).json();
  const imapPort = state.info.imapPort as number;
  const adaUser = (await ada.getByTestId('class-user').textContent())!;
  const adaPassword = (await ada.getByTestId('class-password').textContent())!;
  const bobUser = (await bob.getByTestId('class-user').textContent())!;
  expect(adaUser).toMatch(/^student\d{2,3}$/);
  expect(bobUser).not.toBe(adaUser);
  await expect(ada.getByTestId('class-imap-port')).toHaveText(String(imapPort));
  expect(await python(imapLogin(imapPort, adaUser, adaPassword))).toBe(0);
  expect(await python(imapLogin(imapPort, bobUser, adaPassword))).toBe(3);
});

test('a student page shows when it is disconnected, and reconnects by itself', async ({
  browser,
  page: trainer,
}) => {
  await trainer.goto('/class/present/');
  await expect(trainer.getByRole('status').first()).toHaveText(/Connected: live/);
  if ((await trainer.getByTestId('class-code').count()) === 0)
    await trainer.getByRole('button', { name: 'Open the class' }).click();
  const code = (await trainer.getByTestId('class-code').textContent())!;
  const context = await browser.newContext();
  const student = await context.newPage();
  await student.goto(`/class/?code=${code}`);
  await student.getByLabel(/^Your name/).fill('Cy');
  await student.getByRole('button', { name: 'Join' }).click();
  await expect(student.getByTestId('class-connection')).toHaveText('Connected: live.');
  // The stream cannot be reached (the page reloads while the server is out of reach): the page
  // says so, and keeps trying until it is back.
  await context.route('**/api/class/events/**', (route) => route.abort('connectionrefused'));
  await student.reload();
  await expect(student.getByTestId('class-connection')).toHaveText('Disconnected: reconnecting…');
  await context.unroute('**/api/class/events/**');
  await expect(student.getByTestId('class-connection')).toHaveText('Connected: live.', { timeout: 10_000 });
});

// The Live page in class mode shares the one class with the tests above (join codes, names), so it
// runs in this serial file rather than beside it.
/** An IMAP connection that logs in and stays open, as a student's phone would. */
async function imapSession(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.setEncoding('latin1');
  let heard = '';
  socket.on('data', (d: string) => (heard += d));
  const until = async (re: RegExp) => {
    for (let i = 0; i < 500 && !re.test(heard); i++) await new Promise((r) => setTimeout(r, 10));
    expect(heard).toMatch(re);
  };
  await until(/^\* OK/);
  return {
    send: async (line: string, reply: RegExp) => {
      socket.write(`${line}\r\n`);
      await until(reply);
    },
    close: () => socket.destroy(),
  };
}

test('the Live page in class mode: a student’s session labelled "student n", then by name once the trainer shows names', async ({
  browser,
  page: live,
  request,
}) => {
  test.setTimeout(60_000);
  // Anonymous unless the trainer chooses otherwise (set here too: the server may be reused).
  expect((await request.post('/api/class/labels/', { data: { showNames: false } })).ok()).toBe(true);
  const opened = await request.post('/api/class/trainer/', { data: { action: 'open' } });
  const code = ((await opened.json()) as { view: { code: string } }).view.code;

  // A student joins from their own browser and reads their account from their page's stream.
  const name = `Grace Hopper ${Date.now() % 100000}`;
  const student = await (await browser.newContext()).newPage();
  await student.goto('/class/');
  const me = await student.evaluate(
    async ({ code, name }) => {
      const joined = await fetch('/api/class/join/', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, name }),
      });
      const { token } = (await joined.json()) as { token: string };
      const abort = new AbortController();
      const events = await fetch('/api/class/events/', {
        headers: { 'x-class-token': token },
        signal: abort.signal,
      });
      const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      while (!/^data: .*\n\n/m.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the class stream ended without a view: ${text}`);
        text += value;
      }
      abort.abort();
      const view = JSON.parse(/^data: (.*)$/m.exec(text)![1]!) as {
        me: { number: number; user: string; password: string };
      };
      return view.me;
    },
    { code, name },
  );
  expect(me.user).toBe(`student${String(me.number).padStart(2, '0')}`);

  // Their phone logs in and goes idle (RFC 9051 §6.3.13: the server answers "+ idling").
  const { imapPort } = (
    (await (await request.get('/api/live/state/', { maxRetries: 3 })).json()) as {
      info: { imapPort: number };
    }
  ).info;
  const phone = await imapSession(imapPort);
  await phone.send(`a LOGIN ${me.user} ${me.password}`, /a OK/);
  await phone.send('b IDLE', /\+ /);

  await live.goto('/live/');
  const anonymous = live.getByRole('article', {
    name: new RegExp(`^IMAP session of student ${me.number} from`),
  });
  await expect(anonymous).toBeVisible();
  await expect(anonymous.getByRole('heading')).toContainText(`student ${me.number} ·`);
  await expect(anonymous).toContainText('IDLE');
  await expect(live.getByText(name)).toHaveCount(0);
  // Neither the state every page loads nor the stream of sessions carries the name.
  expect(await (await request.get('/api/live/state/', { maxRetries: 3 })).text()).not.toContain(name);

  // The trainer shows names: the same lane, now with the student's name, and in "Draw".
  const names = live.getByRole('checkbox', { name: /Show students’ names|Show students' names/ });
  await expect(names).not.toBeChecked();
  // The box shows the server's setting: checked once the switch has been made.
  await names.click();
  await expect(names).toBeChecked();
  const named = live.getByRole('article', { name: new RegExp(`^IMAP session of ${name} from`) });
  await expect(named).toBeVisible();
  await expect(named.getByRole('heading')).toContainText(`${name} ·`);
  await expect(live.getByRole('combobox', { name: 'Draw' }).locator('option', { hasText: name })).toHaveCount(
    1,
  );
  expect(await (await request.get('/api/live/state/', { maxRetries: 3 })).text()).not.toContain(name);

  // And back to anonymous.
  await names.click();
  await expect(names).not.toBeChecked();
  await expect(anonymous).toBeVisible();
  await expect(live.getByText(name)).toHaveCount(0);

  await phone.send('DONE', /b OK/);
  phone.close();
  await student.context().close();
});
