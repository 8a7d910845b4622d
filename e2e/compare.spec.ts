import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { currentStep, expectStep, watchErrors } from './fixtures';

test.describe('compare view', () => {
  test('plays a scenario to the end and shows its outcome in both columns', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/?scenario=webmail-and-desktop&speed=4');
    await expect(page.getByRole('heading', { level: 1, name: 'POP vs IMAP Lab' })).toBeVisible();
    const { total } = await currentStep(page);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    // 37 steps at 4× take about ten seconds.
    await expectStep(page, total, 30_000);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    // The story's outcome: IMAP's webmail shows message 3 read; POP3's shows all six read.
    const imapWebmail = page
      .getByRole('region', { name: 'IMAP' })
      .getByRole('list', { name: 'Mail on the webmail' });
    await expect(imapWebmail.getByText('read', { exact: true })).toHaveCount(1);
    const popWebmail = page
      .getByRole('region', { name: 'POP3' })
      .getByRole('list', { name: 'Mail on the webmail' });
    await expect(popWebmail.getByText('unread', { exact: true })).toHaveCount(0);
    await expect(popWebmail.getByText('read', { exact: true })).toHaveCount(6);
    expect(errors).toEqual([]);
  });

  test('step forward then back returns exactly the same view', async ({ page }) => {
    await page.goto('/?scenario=laptop-and-phone&step=30');
    await expectStep(page, 31);
    const main = page.locator('main');
    const before = await main.ariaSnapshot();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expectStep(page, 32);
    expect(await main.ariaSnapshot()).not.toBe(before);
    await page.getByRole('button', { name: 'Step back' }).click();
    await expectStep(page, 31);
    expect(await main.ariaSnapshot()).toBe(before);
  });

  test('a deep link opens that scenario paused at that step, and the URL follows the view', async ({
    page,
  }) => {
    await page.goto('/?scenario=offline&step=20&speed=2');
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('offline');
    await expectStep(page, 21);
    await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveValue('20');
    await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('2');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page).toHaveURL(/\?scenario=offline&step=21&speed=2$/);
  });

  test('the line above the columns names the steps its story event takes, not just this one', async ({
    page,
  }) => {
    // Step 28 of one-laptop: the laptop is still opening the mail app (POP3 deletes, IMAP idles).
    await page.goto('/?scenario=one-laptop&step=27');
    const narration = page.getByTestId('narration');
    await expect(narration).toContainText(
      /^Step 28 of \d+\. Steps (\d+)–(\d+): The laptop opens the mail app/,
    );
    const [, first, last] = /Steps (\d+)–(\d+)/.exec((await narration.textContent())!)!.map(Number);
    expect(first).toBeLessThan(28);
    expect(last).toBeGreaterThan(28);
    // IMAP idles meanwhile: its column says that its line is the last one, not a new one.
    await expect(
      page.locator('[data-protocol="imap"] p').filter({ hasText: 'idling' }).first(),
    ).toContainText(/^No new line in this column at this step\. The last: The server confirms/);
    // The timeline says the same to a screen reader.
    await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveAttribute(
      'aria-valuetext',
      `Step 28 of ${(await currentStep(page)).total}. Steps ${first}–${last}: The laptop opens the mail app.`,
    );
  });

  test('a long lesson shows two lines at 1280×720, the rest one button away; a phone shows it whole', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/?scenario=server-quota');
    await expectStep(page, 1);
    const lesson = page.locator('p', { hasText: 'A small server quota fills up.' });
    const lineHeight = await lesson.evaluate((p) => parseFloat(getComputedStyle(p).lineHeight));
    // Five lines whole at 1280 px: two, so the diagrams keep their rows.
    expect((await lesson.boundingBox())!.height).toBeLessThanOrEqual(2 * lineHeight + 1);
    const more = page.getByRole('button', { name: 'Whole lesson' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await more.focus();
    await page.keyboard.press('Enter');
    const less = page.getByRole('button', { name: 'Less' });
    await expect(less).toHaveAttribute('aria-expanded', 'true');
    await expect(less).toBeFocused();
    expect((await lesson.boundingBox())!.height).toBeGreaterThan(3 * lineHeight);
    expect(await lesson.evaluate((p) => p.scrollHeight <= p.clientHeight + 1)).toBe(true);
    await less.click();
    await expect(more).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    }
    // A story whose lesson fits has no button.
    await page.getByLabel('Scenario').selectOption('new-mail');
    await expect(page.locator('p', { hasText: /^New mail arrives/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Whole lesson' })).toHaveCount(0);
    // A phone's page scrolls: the lesson is whole, with no button.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/?scenario=server-quota');
    await expectStep(page, 1);
    await expect(page.getByRole('button', { name: 'Whole lesson' })).toHaveCount(0);
    expect(await lesson.evaluate((p) => p.scrollHeight <= p.clientHeight + 1)).toBe(true);
  });

  test('Copy link says under the button what it did: copied, or the link to copy by hand', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/?scenario=offline&step=3');
    await expectStep(page, 4);
    const button = page.getByRole('button', { name: 'Copy link' });
    await button.click();
    const copied = page.getByRole('status').filter({ hasText: 'Link copied.' });
    await expect(copied).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\?scenario=offline&step=3$/);
    // Under the button, where the eye is.
    const [b, s] = [(await button.boundingBox())!, (await copied.boundingBox())!];
    expect(s.y).toBeGreaterThanOrEqual(b.y + b.height - 1);
    expect(Math.abs(s.x - b.x)).toBeLessThan(4);
    // The confirmation goes after a while.
    await expect(copied).toBeHidden({ timeout: 6000 });
    // A refused clipboard: the link itself, to copy by hand, stays.
    await page.evaluate(() =>
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      }),
    );
    await button.click();
    await expect(
      page.getByRole('status').filter({ hasText: /^Copy this link: http.*\?scenario=offline&step=3/ }),
    ).toBeVisible();
  });

  test("a link to another scenario never shows the default scenario's name first", async ({ page }) => {
    // Before the script runs: the prerendered default's picker and lesson are hidden.
    await page.route('**/_next/static/chunks/*.js', (route) => route.abort());
    await page.goto('/?scenario=offline&step=3');
    await expect(page.getByRole('heading', { level: 1, name: 'POP vs IMAP Lab' })).toBeVisible();
    await expect(page.getByText('One laptop: download-and-delete vs. headers first.')).toBeHidden();
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toBeHidden();
    // The default scenario itself needs no hiding.
    await page.goto('/?step=3');
    await expect(page.getByText('One laptop: download-and-delete vs. headers first.')).toBeVisible();

    // With the script: the linked scenario's name and lesson appear.
    await page.unrouteAll();
    await page.goto('/?scenario=offline&step=3');
    await expect(page.getByText('Go offline after syncing.')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toBeVisible();
  });

  test('bad parameters fall back to defaults with a visible notice', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/?scenario=nope&step=abc&speed=9');
    const notice = page.getByRole('status').filter({ hasText: 'Unknown scenario' });
    await expect(notice).toContainText('Unknown scenario "nope"');
    await expect(notice).toContainText('"abc" is not a step number');
    await expect(notice).toContainText('Speed "9" is not one of');
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('one-laptop');
    await expectStep(page, 1);
    await page.goto('/?scenario=one-laptop&step=99999');
    await expect(page.getByRole('status').filter({ hasText: 'past the end' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('keyboard only: Space, arrows, Home/End, ? for help, visible focus', async ({ page }) => {
    await page.goto('/?scenario=one-laptop');
    await expectStep(page, 1);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 2);
    await page.keyboard.press('End');
    const { total } = await currentStep(page);
    await expectStep(page, total);
    await page.keyboard.press('Home');
    await expectStep(page, 1);
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'How to use the lab' });
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // Tab reaches the player's buttons, and the focused one shows a focus ring.
    await page.keyboard.press('Home');
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) === 'Step forward')
        break;
    }
    const focused = page.locator(':focus');
    await expect(focused).toHaveAccessibleName('Step forward');
    await expect(focused).toHaveText('Step forward ▶', { useInnerText: true });
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await expectStep(page, 2);
    // With the button still focused, the arrows keep stepping (only Space belongs to it).
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 3);
  });

  test('choosing a transcript line explains it: RFC section, bytes and state', async ({ page }) => {
    await page.goto('/?scenario=one-laptop&step=25');
    const pop3 = page.getByRole('region', { name: 'POP3' });
    await pop3.getByRole('tab', { name: 'Transcript' }).click();
    await pop3.getByRole('button', { name: /C: RETR 1$/ }).click();
    await expect(pop3.getByText('Download message 1 in full.')).toBeVisible();
    await expect(pop3.getByText(/RETR · 8 bytes · RFC 1939 §5/)).toBeVisible();
    await expect(pop3.getByText('State: TRANSACTION', { exact: true })).toBeVisible();
  });

  test('the transcript is one Tab stop, as the diagram: ↑/↓ move between lines, Enter explains; C:/S: are keyed', async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/?scenario=headers-first&step=200');
    await expectStep(page, 201);
    const pop3 = page.getByRole('region', { name: 'POP3' });
    await pop3.getByRole('tab', { name: 'Transcript' }).click();
    await expect(pop3.getByText('C: the client sends · S: the server sends')).toBeVisible();
    const list = pop3.getByRole('list', { name: 'POP3 transcript' });
    // One button of the list takes Tab: the newest line.
    await expect(list.locator('button[tabindex="0"]')).toHaveCount(1);
    await list.locator('button[tabindex="0"]').focus();
    const focused = page.locator(':focus');
    await expect(focused).toHaveAttribute('aria-current', 'step');
    const row = () =>
      page.evaluate(() =>
        Number(document.activeElement?.closest('[data-index]')?.getAttribute('data-index')),
      );
    const newest = await row();
    // ↑ forty times: past the lines drawn at first (the list is virtualized), each one focused.
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowUp');
    await expect.poll(row).toBe(newest - 40);
    const chosen = (await focused.textContent())!;
    await page.keyboard.press('Enter');
    await expect(focused).toHaveAttribute('aria-pressed', 'true');
    await expect(pop3.getByText(/ · \d+ bytes · RFC 1939 §/)).toBeVisible();
    // The step did not change (the transcript explains; the diagram's arrows seek).
    await expectStep(page, 201);
    // Tab leaves the list in one press, and Shift+Tab comes back to the same line.
    await page.keyboard.press('Tab');
    expect(await list.evaluate((el) => el.contains(document.activeElement))).toBe(false);
    await page.keyboard.press('Shift+Tab');
    await expect(focused).toHaveText(chosen);
    // Scrolled away with the wheel, the list still has its Tab stop (that line stays drawn).
    await pop3
      .locator('ol[aria-label="POP3 transcript"]')
      .locator('..')
      .evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(list.locator('button[tabindex="0"]')).toHaveText(chosen);
    // Un-chosen (Enter again), the Tab stop is the newest line. A step back removes it: the focus
    // moves to the new newest line, not to the page.
    await list.locator('button[tabindex="0"]').focus();
    await page.keyboard.press('Enter');
    await expect(focused).toHaveAttribute('aria-pressed', 'false');
    await list.locator('button[tabindex="0"]').focus();
    const texts = new Set<string>();
    for (let i = 0; i < 6; i++) {
      texts.add((await focused.textContent()) ?? '');
      await page.keyboard.press('ArrowLeft');
      await expectStep(page, 200 - i);
      expect(await list.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    expect(texts.size).toBeGreaterThan(1);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violations in the ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.goto('/?scenario=laptop-and-phone&step=40');
      await expectStep(page, 41);
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    });
  }

  test('the theme toggle switches to dark and back, and the choice survives a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    const theme = page.getByRole('radiogroup', { name: 'Theme' });
    await expect(theme.getByRole('radio', { name: 'System' })).toBeChecked();
    await theme.getByRole('radio', { name: 'Light' }).click();
    await expect(theme.getByRole('radio', { name: 'Light' })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    // The keyboard: the arrows move between the choices, Space picks one.
    await page.keyboard.press('ArrowRight');
    await expect(theme.getByRole('radio', { name: 'Dark' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(theme.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(theme.getByRole('radio', { name: 'System' })).not.toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(11, 18, 32)',
    );
  });

  test('phone width: no sideways scrolling, one protocol at a time, controls at hand', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/?scenario=laptop-and-phone&step=40');
    await expectStep(page, 41);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    // The switch shows one protocol, then the other.
    await expect(page.getByRole('region', { name: 'POP3' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'IMAP' })).toBeHidden();
    await page.getByRole('group', { name: 'Protocol shown' }).getByRole('button', { name: 'IMAP' }).click();
    await expect(page.getByRole('region', { name: 'POP3' })).toBeHidden();
    await page
      .getByRole('region', { name: 'IMAP' })
      .getByRole('heading', { name: 'Server' })
      .scrollIntoViewIfNeeded();
    // The step bar stays on screen while scrolling, and the switch with it.
    await expect(page.getByRole('button', { name: 'Step forward' })).toBeInViewport();
    await expect(
      page.getByRole('group', { name: 'Protocol shown' }).getByRole('button', { name: 'POP3' }),
    ).toBeInViewport({ ratio: 1 });
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expectStep(page, 42);
  });

  test('reduced motion: the new arrow is at its destination at once, without travelling', async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/?scenario=one-laptop&step=2');
    await page.getByRole('button', { name: 'Step forward' }).click();
    // Step 4: the client's first command, CAPA (RFC 2449 §5), drawn to the server at once.
    const diagram = page.getByRole('figure', { name: 'POP3 sequence diagram' });
    await expect(diagram.locator('[aria-current="step"]')).toHaveText('laptop → server: CAPA');
    await expect(diagram.locator('svg circle')).toHaveCount(0);
    const line = diagram.locator('svg g[class*="current"] line').first();
    const server = await diagram.locator('svg line[class*="serverLine"]').getAttribute('x1');
    expect(await line.getAttribute('x2')).toBe(server);
  });

  test('with motion, a command packet starts at the device and travels to the server', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.goto('/?scenario=one-laptop&step=2&speed=0.5');
    await expectStep(page, 3);
    // Where the packet is drawn, every frame from the click on, so a slow machine cannot miss the
    // start by reading it too late (the flight is a CSS animation; the layout reports where it is).
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __cx: number[] }).__cx = seen;
      const figure = document.querySelector('[data-diagram="pop3"]')!;
      const tick = () => {
        const packet = figure.querySelector('circle');
        if (packet) {
          const box = packet.getBoundingClientRect();
          if (seen.at(-1) !== box.x + box.width / 2) seen.push(box.x + box.width / 2);
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.getByRole('button', { name: 'Step forward' }).click();
    const diagram = page.getByRole('figure', { name: 'POP3 sequence diagram' });
    const centre = async (line: ReturnType<typeof diagram.locator>) => {
      const box = (await line.boundingBox())!;
      return box.x + box.width / 2;
    };
    const server = await centre(diagram.locator('svg line[class*="serverLine"]'));
    const device = await centre(diagram.locator('svg line[class*="lineConnected"]').last());
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __cx: number[] }).__cx.at(-1)))
      // Within 5 px: the last frame sampled may be a hair before the landing.
      .toBeCloseTo(server, -1);
    const cx = await page.evaluate(() => (window as unknown as { __cx: number[] }).__cx);
    // It started at (or near) the laptop's lifeline, right of the server.
    expect(Math.max(...cx)).toBeGreaterThan(server + (device - server) / 2);
  });

  test('screenshots at 1280 and 390 px', async ({ page }, testInfo) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/?scenario=laptop-and-phone&step=60');
    await expectStep(page, 61);
    await page.screenshot({ path: testInfo.outputPath('compare-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole('region', { name: 'POP3' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('compare-390.png') });
  });
});

test('exports the run as a transcript and as a Mermaid sequence diagram', async ({ page }) => {
  await page.goto('/?scenario=one-laptop');
  await expectStep(page, 1);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [transcript] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'POP3 transcript (.txt)' }).click(),
  ]);
  expect(transcript.suggestedFilename()).toBe('one-laptop-pop3.txt');
  const text = await (await transcript.createReadStream()).toArray();
  expect(Buffer.concat(text).toString()).toContain('laptop C: RETR 2\nlaptop S: +OK 708 octets\n');
  // Choosing an item closes the menu; the keyboard opens it again.
  await expect(page.getByRole('menu', { name: 'Export' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'IMAP sequence diagram (Mermaid)' })).toBeFocused();
  const [diagram] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(diagram.suggestedFilename()).toBe('one-laptop-imap.mmd');
  const mmd = Buffer.concat(await (await diagram.createReadStream()).toArray()).toString();
  expect(mmd).toMatch(/^sequenceDiagram\n/);
  expect(mmd).toContain('laptop->>Server: a5 UID FETCH 2 BODY[]');
});

test('exports a picture of the current step and a printable handout', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?scenario=one-laptop&step=20');
  await expectStep(page, 21);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [picture] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Picture of this step (.png)' }).click(),
  ]);
  expect(picture.suggestedFilename()).toBe('one-laptop-step-21.png');
  const png = Buffer.concat(await (await picture.createReadStream()).toArray());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.readUInt32BE(16)).toBeGreaterThan(600); // width in pixels
  // It shows what is on screen: both diagrams scrolled to the current step, whose row is drawn on
  // the current-step band (#fef3c7 in the light theme), and none of the controls.
  const band = await page.evaluate(
    async (dataUrl) => {
      const img = new Image();
      img.src = dataUrl;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(img, 0, 0);
      const { data } = context.getImageData(0, 0, img.width, img.height);
      let pixels = 0;
      for (let i = 0; i < data.length; i += 4)
        if (
          Math.abs(data[i]! - 0xfe) <= 2 &&
          Math.abs(data[i + 1]! - 0xf3) <= 2 &&
          Math.abs(data[i + 2]! - 0xc7) <= 2
        )
          pixels++;
      return pixels;
    },
    `data:image/png;base64,${png.toString('base64')}`,
  );
  // Two bands a row high (30 px) across most of a diagram (300 px or more), less the labels on them.
  expect(band).toBeGreaterThan(2 * 30 * 200);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Printable handout' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'One laptop: download-and-delete vs. headers first' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: '1. The laptop opens the mail app.' })).toContainText(
    'laptop C: RETR 1',
  );
  for (const format of ['A4', 'Letter'] as const) {
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print this handout' })).toBeHidden();
    const pdf = await page.pdf({ format });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Nothing runs off the page: the printed width fits the paper.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  }
});
