import { expect, test, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import http from 'node:http';

/**
 * Another origin on this machine (the embed tests' host page, another port), whose content
 * each test replaces: what an attacker's page would be. Same-site but cross-origin, the hardest
 * case. (A public origin such as https://evil.example is refused the same way — route.test.ts —
 * and Chromium's Private Network Access stops some of its requests before they reach the lab.)
 */
const EVIL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

function base(): string {
  return test.info().project.use.baseURL!;
}

async function accounts(request: import('@playwright/test').APIRequestContext): Promise<string[]> {
  return (
    (await (await request.get('/api/live/state/', { maxRetries: 3 })).json()) as {
      info: { accounts: string[] };
    }
  ).info.accounts;
}

/** Opens the other origin and makes `html` its page (scripts in it run). */
async function openEvil(page: Page, html: string) {
  await page.goto(`${EVIL}/attack`);
  await page.setContent(html);
}

/** A raw HTTP exchange (any Host header, any body), answered with status, headers and body. */
function raw(options: http.RequestOptions, body?: (req: http.ClientRequest) => void) {
  const url = new URL(base());
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, ...options }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      });
      req.on('error', reject);
      if (body) body(req);
      else req.end();
    },
  );
}

test('a form on another site cannot add an account or reset the store', async ({ page, request }) => {
  const user = `mallory${Date.now() % 100000}`;
  // The classic text/plain form trick: the body reads as JSON.
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/live/actions/'));
  await openEvil(
    page,
    `<form method="POST" action="${base()}/api/live/actions/" enctype="text/plain">
       <input name='{"action":"addAccount","user":"${user}","password":"pw","x":"' value='"}'>
     </form><script>document.forms[0].submit()</script>`,
  );
  expect((await answer).status()).toBe(403);
  expect(await accounts(request)).not.toContain(user);
});

test('a script on another site cannot post JSON to the trainer controls either', async ({
  page,
  request,
}) => {
  const user = `eve${Date.now() % 100000}`;
  await openEvil(page, '<p>nothing to see</p>');
  const answered = page.waitForResponse(
    (r) => r.url().endsWith('/api/live/actions/') && r.request().method() === 'POST',
  );
  // A simple no-cors POST (text/plain), and a JSON one that needs a CORS preflight.
  const outcome = await page.evaluate(
    async ({ url, body }) => {
      const results: string[] = [];
      for (const [mode, type] of [
        ['no-cors', 'text/plain'],
        ['cors', 'application/json'],
      ] as const) {
        try {
          const r = await fetch(url, { method: 'POST', mode, headers: { 'content-type': type }, body });
          results.push(`${mode}: ${r.type} ${r.status}`);
        } catch (e) {
          results.push(`${mode}: ${String(e)}`);
        }
      }
      return results;
    },
    {
      url: `${base()}/api/live/actions/`,
      body: JSON.stringify({ action: 'addAccount', user, password: 'pw' }),
    },
  );
  // The browser sends the first (and hides the answer from the page) and stops the second at its
  // preflight, which the lab does not grant; the lab refused the first.
  expect(outcome).toEqual([expect.stringMatching(/^no-cors: /), expect.stringMatching(/^cors: TypeError/)]);
  expect((await answered).status()).toBe(403);
  expect(await accounts(request)).not.toContain(user);
});

test('another site cannot frame the Live page, but it can frame the embed', async ({ page }) => {
  await openEvil(
    page,
    `<iframe id="live" src="${base()}/live/" width="600" height="300"></iframe>
     <iframe id="embed" src="${base()}/embed/" width="600" height="400"></iframe>`,
  );
  await expect(page.frameLocator('#embed').getByTestId('narration')).toContainText('Step 1 of ', {
    timeout: 15_000,
  });
  const live = page.frames().find((f) => f.parentFrame() && !f.url().includes('/embed/'))!;
  // Chromium replaces a refused frame with its error page: no lab document in it.
  await expect.poll(() => live.url()).not.toBe(`${base()}/live/`);
  await expect(page.frameLocator('#live').getByRole('button', { name: 'Reset the store' })).toHaveCount(0);
});

test('a request for a foreign host name gets nothing (DNS rebinding)', async () => {
  // The classroom's API is outside the proxy (proxy.live.ts) and checks the Host itself.
  for (const path of [
    '/api/live/state/',
    '/api/live/events/',
    '/live/',
    '/api/class/summary/',
    '/api/class/events/',
    '/api/class/labels/',
  ]) {
    const response = await raw({ path, headers: { host: 'evil.example:3000' } });
    expect(response.status, path).toBe(421);
    expect(response.body).not.toContain('student');
  }
  for (const path of ['/api/live/actions/', '/api/class/join/', '/api/class/trainer/']) {
    const post = await raw(
      { path, method: 'POST', headers: { host: 'evil.example', 'content-type': 'application/json' } },
      (req) => req.end('{"action":"reset"}'),
    );
    expect(post.status, path).toBe(421);
  }
});

// Every POST route that reads a body: the trainer's actions and the classroom's API (answer
// refuses a request without a student's token before reading anything).
for (const path of ['/api/live/actions/', '/api/class/join/', '/api/class/trainer/', '/api/class/labels/'])
  test(`an oversized body is refused with 413 without being read: ${path}`, async () => {
    await expectOversizedRefused(path);
  });

async function expectOversizedRefused(path: string) {
  // Declares 200 MiB and sends a little: the server answers without waiting for the rest.
  const declared = await raw(
    {
      path,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) },
    },
    (req) => req.write('{"action":"reset","pad":"'),
  );
  expect(declared.status, path).toBe(413);
  // No Content-Length: refused once the stream passes 16 KiB.
  const streamed = await raw(
    { path, method: 'POST', headers: { 'content-type': 'application/json' } },
    (req) => {
      req.write('{"action":"reset","pad":"');
      const chunk = 'x'.repeat(4096);
      let sent = 0;
      const more = () => {
        while (sent < 2 * 1024 * 1024 && req.write(chunk)) sent += chunk.length;
        if (sent < 2 * 1024 * 1024) req.once('drain', more);
      };
      req.on('error', () => undefined);
      more();
    },
  );
  expect(streamed.status, path).toBe(413);
}

/** Every page, as a reader reaches it (boot scripts included: deep link, embed parameters). */
const PAGES = [
  '/',
  '/?scenario=offline',
  '/embed/',
  '/embed/?scenario=offline&theme=dark&controls=minimal',
  '/embed/new-mail/?step=3&protocol=imap',
  '/learn/pop3/',
  '/learn/imap/',
  '/guide/',
  '/handout/',
  '/claims/',
  '/glossary/',
  '/live/',
  '/no-such-page/',
];

test('every page runs under a Content-Security-Policy it satisfies, with no inline script allowed blindly', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { violations: string[] }).violations.push(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  let messages: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) messages.push(m.text());
  });
  for (const path of PAGES) {
    messages = [];
    const response = await page.goto(path);
    const csp = response!.headers()['content-security-policy'] ?? '';
    expect(csp, path).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(csp, path).not.toMatch(/script-src[^;]*unsafe/);
    if (path === '/live/')
      await expect(page.getByRole('status').filter({ hasText: 'Connected to the lab server' })).toBeVisible();
    else await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
    if (path.startsWith('/embed/?scenario=offline')) {
      // The embed's boot script ran before first paint.
      await expect(page.locator('html')).toHaveAttribute('data-embed-controls', 'minimal');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    }
    const violations = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    expect(await violations(), path).toEqual([]);
    expect(messages, path).toEqual([]);
    // And the policy is enforced: an injected inline script does not run.
    const injected = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.head.append(s);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(injected, path).toBe(false);
    await expect.poll(violations).toEqual(['script-src-elem inline']);
  }
});

/** Starts the built app in network mode on another port; resolves with its printed trainer key. */
async function startNetworkMode(port: number): Promise<{ key: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [require.resolve('next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        LAB_NETWORK: 'lab.test',
        LIVE_POP3_PORT: '0',
        LIVE_IMAP_PORT: '0',
        LIVE_SMTP_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  const key = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no trainer key printed: ${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Trainer key: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { key, stop: () => child.kill('SIGTERM') };
}

test('network mode: the trainer types the printed key once; it never appears in a URL', async ({ page }) => {
  const port = Number(new URL(base()).port) + 7;
  const server = await startNetworkMode(port);
  try {
    const origin = `http://127.0.0.1:${port}`;
    await page.goto(`${origin}/live/`);
    const trainer = page.getByRole('region', { name: 'Trainer' });
    await expect(trainer.getByLabel('Trainer key')).toBeVisible();
    await expect(trainer.getByRole('button', { name: 'Reset the store' })).toHaveCount(0);

    // A wrong key is refused and asked for again.
    await trainer.getByLabel('Trainer key').fill('not-the-key');
    await trainer.getByRole('button', { name: 'Unlock' }).click();
    await trainer.getByRole('button', { name: 'Reset the store' }).click();
    await expect(trainer.getByRole('status')).toHaveText('The trainer key is missing or wrong.');
    await expect(trainer.getByLabel('Trainer key')).toBeVisible();

    await trainer.getByLabel('Trainer key').fill(server.key);
    await trainer.getByRole('button', { name: 'Unlock' }).click();
    await trainer.getByRole('button', { name: 'Reset the store' }).click();
    await expect(trainer.getByRole('status')).toHaveText('The store is back to the seed mailbox.');
    // Once per tab: a reload keeps it.
    await page.reload();
    await expect(trainer.getByRole('button', { name: 'Reset the store' })).toBeVisible();
    expect(page.url()).not.toContain(server.key);
    expect(await page.content()).not.toContain(server.key);

    // The chosen network name is answered for; any other is not.
    const named = await raw({ port, path: '/api/live/state/', headers: { host: `lab.test:${port}` } });
    expect(named.status).toBe(200);
    expect(named.body).not.toContain(server.key);
    expect((await raw({ port, path: '/api/live/state/', headers: { host: 'evil.example' } })).status).toBe(
      421,
    );
    // Without the key, a same-origin JSON request is still refused.
    const keyless = await raw(
      {
        port,
        path: '/api/live/actions/',
        method: 'POST',
        headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json' },
      },
      (req) => req.end('{"action":"reset"}'),
    );
    expect(keyless.status).toBe(401);
  } finally {
    server.stop();
  }
});

// Browsers ask for /favicon.ico whatever the page's icon links say; a 404 there is an error in
// every page's console (and made a console-clean test fail at random).
test('the site answers /favicon.ico with an icon', async ({ request }) => {
  const response = await request.get('/favicon.ico', { maxRetries: 3 });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/icon/);
});
