import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import { compressToEncodedURIComponent } from 'lz-string';
import { expect, test, type Page } from '@playwright/test';
import { stepsOf } from './fixtures';

const HOST = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

type Message = { source: string; type: string; [k: string]: unknown };
const messages = (page: Page) =>
  page.evaluate(() => (window as unknown as { __messages: Message[] }).__messages);
const send = (page: Page, message: unknown) =>
  page.evaluate((m) => (window as unknown as { sendToPlayer(m: unknown): void }).sendToPlayer(m), message);

async function waitForMessage(page: Page, type: string, match: (m: Message) => boolean = () => true) {
  await expect
    .poll(async () => (await messages(page)).some((m) => m.type === type && match(m)), { timeout: 10_000 })
    .toBe(true);
  return (await messages(page)).filter((m) => m.type === type && match(m)).at(-1)!;
}

test.describe('embed on a third-party page', () => {
  test('announces ready, step and height, and obeys play, pause, seek and setScenario', async ({
    page,
    request,
  }) => {
    const offlineSteps = await stepsOf(request, 'offline');
    await page.goto(`${HOST}/?embed=${encodeURIComponent('offline/?speed=4')}`);
    const player = page.frameLocator('#player');
    const ready = await waitForMessage(page, 'ready');
    expect(ready).toMatchObject({ source: 'pop-vs-imap-lab', scenario: 'offline', total: offlineSteps });
    expect(await waitForMessage(page, 'step')).toMatchObject({ index: 0, total: offlineSteps });
    const height = await waitForMessage(page, 'height');
    expect(height.height).toBeGreaterThan(300);

    await send(page, { source: 'pop-vs-imap-lab', type: 'seek', step: 20 });
    await expect(player.getByTestId('narration')).toContainText(`Step 21 of ${offlineSteps}`);
    expect(await waitForMessage(page, 'step', (m) => m.index === 20)).toMatchObject({
      narration: expect.any(String),
    });

    await send(page, { source: 'pop-vs-imap-lab', type: 'play' });
    await expect(player.getByRole('button', { name: 'Pause' })).toBeVisible();
    await send(page, { source: 'pop-vs-imap-lab', type: 'pause' });
    await expect(player.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

    await send(page, { source: 'pop-vs-imap-lab', type: 'setScenario', scenario: 'new-mail' });
    await waitForMessage(page, 'ready', (m) => m.scenario === 'new-mail');
    await expect(player.getByText('New mail arrives', { exact: true })).toBeVisible();

    // Back to a scenario shown before: announced again.
    const readies = async () => (await messages(page)).filter((m) => m.type === 'ready').length;
    const before = await readies();
    await send(page, { source: 'pop-vs-imap-lab', type: 'setScenario', scenario: 'offline' });
    await expect.poll(readies).toBe(before + 1);
    expect((await messages(page)).filter((m) => m.type === 'ready').at(-1)).toMatchObject({
      scenario: 'offline',
      total: offlineSteps,
    });
  });

  // docs/EMBEDDING.md: a player showing a ?story= link names it "story", with the story's length.
  test('a linked story is announced as "story", with its own number of steps', async ({ page }) => {
    const story = JSON.parse(readFileSync(`docs/stories/${readdirSync('docs/stories')[0]}`, 'utf8'));
    const link = `?story=${compressToEncodedURIComponent(JSON.stringify(story))}`;
    await page.goto(`${HOST}/?embed=${encodeURIComponent(link)}`);
    const player = page.frameLocator('#player');
    const ready = await waitForMessage(page, 'ready');
    expect(ready.scenario).toBe('story');
    await expect(player.getByTestId('narration')).toContainText(`Step 1 of ${String(ready.total)}.`);
    expect(await waitForMessage(page, 'step')).toMatchObject({ scenario: 'story', total: ready.total });
    expect((await messages(page)).filter((m) => m.type === 'ready')).toHaveLength(1);
  });

  test('ignores malformed and foreign messages', async ({ page, request }) => {
    const offlineSteps = await stepsOf(request, 'offline');
    await page.goto(`${HOST}/?embed=${encodeURIComponent('offline/?step=5')}`);
    const player = page.frameLocator('#player');
    await waitForMessage(page, 'ready');
    await expect(player.getByTestId('narration')).toContainText(`Step 6 of ${offlineSteps}`);
    for (const bad of [
      'seek',
      null,
      { type: 'seek', step: 1 },
      { source: 'someone-else', type: 'seek', step: 1 },
      { source: 'pop-vs-imap-lab', type: 'seek', step: -3 },
      { source: 'pop-vs-imap-lab', type: 'seek', step: '1' },
      { source: 'pop-vs-imap-lab', type: 'setScenario', scenario: '<img src=x onerror=alert(1)>' },
      { source: 'pop-vs-imap-lab', type: 'launch' },
    ]) {
      await send(page, bad);
    }
    await page.waitForTimeout(300);
    await expect(player.getByTestId('narration')).toContainText(`Step 6 of ${offlineSteps}`);
    await expect(player.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  });

  test('renders each parameter: one protocol, minimal or no controls, dark theme, narrow width', async ({
    page,
  }) => {
    await page.goto(
      `${HOST}/?width=320px&embed=${encodeURIComponent('?scenario=new-mail&protocol=imap&controls=minimal&theme=dark&step=10')}`,
    );
    const player = page.frameLocator('#player');
    await expect(player.getByRole('region', { name: 'IMAP' })).toBeVisible();
    await expect(player.getByRole('region', { name: 'POP3' })).toHaveCount(0);
    await expect(player.getByRole('button', { name: 'Step forward' })).toBeVisible();
    await expect(player.getByRole('slider', { name: 'Timeline' })).toHaveCount(0);
    await expect(player.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(player.getByTestId('narration')).toContainText('Step 11 of');
    const overflow = await player.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBe(0);

    // Long wire text (the POP3 greeting's APOP timestamp) wraps inside a 320 px column.
    await page.goto(`${HOST}/?width=320px&embed=${encodeURIComponent('new-mail/?protocol=pop3&step=2')}`);
    await expect(player.getByTestId('narration')).toContainText('Step 3 of');
    // The device card says what the client is doing in words, not the machine's state name.
    await expect(player.getByText('POP3 client: asking what the server supports (CAPA).')).toBeVisible();
    const narrations = player.getByRole('region', { name: 'POP3' }).locator('p').first();
    expect(await narrations.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);

    await page.goto(`${HOST}/?embed=${encodeURIComponent('new-mail/?protocol=pop3&controls=none')}`);
    await expect(player.getByRole('region', { name: 'POP3' })).toBeVisible();
    await expect(player.getByRole('button', { name: /Play|Step/ })).toHaveCount(0);

    await page.goto(`${HOST}/?embed=${encodeURIComponent('?scenario=new-mail&controls=full&speed=2')}`);
    await expect(player.getByRole('slider', { name: 'Timeline' })).toBeVisible();
    await expect(player.getByRole('combobox', { name: 'Speed' })).toHaveValue('2');
    await expect(player.getByRole('region', { name: 'POP3' })).toBeVisible();
    await expect(player.getByRole('region', { name: 'IMAP' })).toBeVisible();
  });

  test('controls=none is just the picture: each column’s name, diagram and stores', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/embed/laptop-and-phone/?controls=none&step=20');
    for (const name of ['POP3', 'IMAP'] as const) {
      const column = page.getByRole('region', { name });
      await expect(column.getByRole('figure', { name: `${name} sequence diagram` })).toBeVisible();
      await expect(column.getByRole('heading', { name: 'Server' })).toBeVisible();
      await expect(column.getByRole('tablist')).toBeHidden();
      await expect(column.getByText('What an eavesdropper on the Wi-Fi sees')).toBeHidden();
      await expect(column.getByText(/^Session state:/)).toBeHidden();
      await expect(column.locator('[data-part="column-narration"]')).toBeHidden();
    }
    await expect(page.getByRole('button', { name: /Play|Step/ })).toHaveCount(0);
    // The step is still said to screen readers (the live region), and the title still names it.
    const narration = page.getByTestId('narration');
    await expect(narration).toContainText('Step 21 of');
    expect(await narration.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Read on the phone, then open the laptop',
    );
    // The diagrams take the frame's height: they reach its foot.
    const box = (await page.getByRole('figure', { name: 'IMAP sequence diagram' }).boundingBox())!;
    expect(box.y).toBeLessThan(150);
    expect(box.y + box.height).toBeGreaterThan(720 - 40);
  });

  test('invalid parameters fall back to defaults, and nothing from the URL becomes markup', async ({
    page,
  }) => {
    await page.goto(
      `${HOST}/?embed=${encodeURIComponent('?scenario=<b>x</b>&protocol=smtp&controls=<i>&step=abc&theme=<script>')}`,
    );
    const player = page.frameLocator('#player');
    await expect(player.getByText('One laptop: download-and-delete vs. headers first')).toBeVisible();
    await expect(player.getByTestId('narration')).toContainText('Step 1 of');
    await expect(player.locator('b, i, script:not([src])').filter({ hasText: 'x' })).toHaveCount(0);
  });

  test('the page shows the story before its JavaScript runs, as the URL asks', async ({ page, request }) => {
    const offlineSteps = await stepsOf(request, 'offline');
    // No script chunk loads: what is on screen is the HTML and the inline boot script alone.
    await page.route('**/_next/static/chunks/*.js', (route) => route.abort());
    await page.goto('/embed/offline/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Go offline after syncing');
    await expect(page.getByTestId('narration')).toContainText(`Step 1 of ${offlineSteps}.`);
    await expect(page.getByRole('region', { name: 'IMAP' })).toBeVisible();
    await expect(page.getByRole('slider', { name: 'Timeline' })).toBeVisible();

    // Another scenario, theme and controls by query: the title, theme and controls are the
    // asked-for ones from the first paint, and the prerendered story (the wrong one) is hidden.
    await page.goto('/embed/offline/?scenario=new-mail&theme=dark&controls=minimal');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('New mail arrives');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
    await expect(page.getByRole('slider', { name: 'Timeline' })).toBeHidden();
    await expect(page.getByTestId('narration')).toBeHidden();

    // A later step: step 0 is not shown in its place.
    await page.goto('/embed/offline/?step=7&controls=none');
    await expect(page.getByRole('region', { name: 'POP3' })).toBeHidden();
    await expect(page.getByRole('button', { name: /Play|Step/ })).toBeHidden();
  });

  test('hydrates the prerendered page in place: no layout shift, no console errors', async ({
    page,
    request,
  }) => {
    const laptopAndPhoneSteps = await stepsOf(request, 'laptop-and-phone');
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
          if (!e.hadRecentInput) w.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    for (const path of ['/embed/laptop-and-phone/', '/embed/?scenario=new-mail&controls=minimal&step=3']) {
      await page.goto(path);
      await expect(page.getByRole('region', { name: 'IMAP' })).toBeVisible();
      await expect(page.getByRole('button', { name: /Play/ })).toBeEnabled();
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThan(
        0.01,
      );
    }
    // The whole run is drawn on the first action; the opening stays until it is there.
    await page.goto('/embed/laptop-and-phone/');
    await page.getByRole('button', { name: /Step forward/ }).click();
    await expect(page.getByTestId('narration')).toContainText(`Step 2 of ${laptopAndPhoneSteps}.`);
    await expect(page.getByRole('region', { name: 'POP3' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("the Embed dialog's snippets open this scenario at this step, with the chosen options", async ({
    page,
    request,
  }) => {
    const offlineSteps = await stepsOf(request, 'offline');
    await page.goto('/?scenario=offline&step=5');
    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this scenario' });
    await dialog.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await dialog.getByRole('combobox', { name: 'Controls' }).selectOption('minimal');
    const iframe = await dialog.getByRole('textbox', { name: 'iframe' }).inputValue();
    expect(iframe).toContain('/embed/offline/?step=5&theme=dark&controls=minimal"');
    expect(iframe).toContain('title="POP vs IMAP Lab: Go offline after syncing"');
    expect(iframe).toContain('loading="lazy"');
    expect(iframe).toContain('aspect-ratio:4/3');
    const script = await dialog.getByRole('textbox', { name: 'Script (resizes itself)' }).inputValue();
    expect(script).toMatch(
      /<script src="[^"]+\/embed\.js" data-scenario="offline" data-step="5"[^>]*data-theme="dark"/,
    );

    // The snippet's address opens exactly that view.
    const src = new URL(/src="([^"]+)"/.exec(iframe)![1]!);
    await page.goto(src.pathname + src.search);
    await expect(page.getByTestId('narration')).toContainText(`Step 6 of ${offlineSteps}`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
    await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveCount(0);
  });

  test('autoplay plays, but not under reduced motion', async ({ page }) => {
    await page.goto(`${HOST}/?embed=${encodeURIComponent('?scenario=new-mail&autoplay=1&speed=4')}`);
    await expect(page.frameLocator('#player').getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.reload();
    await waitForMessage(page, 'ready');
    await page.waitForTimeout(600);
    await expect(
      page.frameLocator('#player').getByRole('button', { name: 'Play', exact: true }),
    ).toBeVisible();
  });

  test('the one-line script inserts a titled, lazy iframe that sizes itself', async ({ page }) => {
    await page.goto(`${HOST}/?mode=script&scenario=offline&protocol=imap`);
    const iframe = page.locator('iframe');
    await expect(iframe).toHaveAttribute('title', 'POP vs IMAP Lab: offline');
    await expect(iframe).toHaveAttribute('loading', 'lazy');
    await expect(iframe).toHaveAttribute('src', /\/embed\/offline\/\?protocol=imap$/);
    await expect
      .poll(async () => (await iframe.evaluate((el) => (el as HTMLElement).style.height)) || '')
      .toMatch(/^\d+px$/);
  });

  test('sets no cookies, writes no storage, and requests nothing from third parties', async ({
    page,
    context,
  }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${HOST}/?embed=${encodeURIComponent('?scenario=laptop-and-phone&step=30')}`);
    await waitForMessage(page, 'ready');
    expect(await context.cookies()).toEqual([]);
    const storage = await page
      .frameLocator('#player')
      .locator('html')
      .evaluate(() => {
        try {
          return window.localStorage.length + window.sessionStorage.length;
        } catch {
          return 0;
        }
      });
    expect(storage).toBe(0);
    const origins = new Set(requests.map((u) => new URL(u).origin));
    expect([...origins].sort()).toEqual(
      [HOST, HOST.replace(/:\d+$/, `:${Number(new URL(HOST).port) - 1}`)].sort(),
    );
  });

  test('axe finds no violations inside the embed', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`/embed/?scenario=laptop-and-phone&step=40`);
    await expect(page.getByTestId('narration')).toContainText('Step 41 of');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
