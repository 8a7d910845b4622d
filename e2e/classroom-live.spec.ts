import { expect, test } from '@playwright/test';
import net from 'node:net';
import { once } from 'node:events';

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
      while (!/^data: .*\n\n/m.test(text)) text += (await reader.read()).value ?? '';
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
    (await (await request.get('/api/live/state/')).json()) as { info: { imapPort: number } }
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
  expect(await (await request.get('/api/live/state/')).text()).not.toContain(name);

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
  expect(await (await request.get('/api/live/state/')).text()).not.toContain(name);

  // And back to anonymous.
  await names.click();
  await expect(names).not.toBeChecked();
  await expect(anonymous).toBeVisible();
  await expect(live.getByText(name)).toHaveCount(0);

  await phone.send('DONE', /b OK/);
  phone.close();
  await student.context().close();
});
