import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { compressToEncodedURIComponent } from 'lz-string';
import { actAndWait, expectStep, watchErrors } from './fixtures';

/**
 * `?story=` links (docs/STORIES.md, "Sharing a story in a link"): a story file opens in the
 * compare view and the embed with the same wire lines as the command line gives; a broken link
 * says what is wrong and shows the default scenario; the sandbox's Share makes a link that
 * replays the same run in a fresh browser.
 */
const STORIES = readdirSync('docs/stories').filter((f) => f.endsWith('.json'));
const storyOf = (file: string) => JSON.parse(readFileSync(`docs/stories/${file}`, 'utf8'));
const linkTo = (story: unknown) => `?story=${compressToEncodedURIComponent(JSON.stringify(story))}`;

/** `device C: line` / `device S: line` for every wire frame `npm run simulate -- --story` prints. */
function cliWireLines(file: string, protocol: 'pop3' | 'imap'): string[] {
  const out = execFileSync(
    'npx',
    [
      'tsx',
      'simulations/cli.ts',
      '--story',
      `docs/stories/${file}`,
      '--format',
      'json',
      '--protocol',
      protocol,
    ],
    { encoding: 'utf8' },
  );
  return out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { device: string | null; direction: string; raw: string | null })
    .filter((f) => typeof f.raw === 'string' && f.direction !== 'none')
    .map((f) => `${f.device} ${f.direction === 'c2s' ? 'C:' : 'S:'} ${f.raw!.split('\r\n')[0]}`)
    .filter((l) => !/ C: (PASS|a\d+ LOGIN|AUTH)/.test(l)); // passwords are masked in exports
}

/** The page's transcript of one protocol (the Export menu's .txt), as lines. */
async function exportedTranscript(page: Page, protocol: 'POP3' | 'IMAP'): Promise<string[]> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: `${protocol} transcript (.txt)` }).click(),
  ]);
  return Buffer.concat(await (await download.createReadStream()).toArray())
    .toString()
    .split('\n');
}

/** Each of `expected`, in order, among `lines`. */
function expectInOrder(lines: readonly string[], expected: readonly string[]) {
  let at = 0;
  for (const line of expected) {
    const found = lines.indexOf(line, at);
    expect(found, `"${line}" after line ${at}`).toBeGreaterThanOrEqual(at);
    at = found + 1;
  }
}

for (const file of STORIES) {
  test(`?story= opens ${file} with the command line's wire lines`, async ({ page }) => {
    const errors = watchErrors(page);
    const story = storyOf(file);
    await page.goto(`/${linkTo(story)}`);
    const lesson = page.getByTestId('story-lesson');
    await expect(lesson).toContainText(story.title);
    await expect(lesson).toContainText(story.takeaways[0]);
    await expectStep(page, 1);
    for (const [protocol, name] of [
      ['pop3', 'POP3'],
      ['imap', 'IMAP'],
    ] as const) {
      const cli = cliWireLines(file, protocol);
      expect(cli.length).toBeGreaterThan(5);
      expectInOrder(await exportedTranscript(page, name), cli);
    }
    // The link stays in the address bar: reloading or copying it keeps the story.
    expect(new URL(page.url()).searchParams.get('story')).not.toBeNull();
    expect(errors).toEqual([]);
  });
}

test('a malformed ?story= says what is wrong and shows the default scenario, with no page error', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?story=this-is-not-a-story');
  const notice = page.getByRole('alert').filter({ hasText: "This link's story cannot be opened" });
  await expect(notice).toContainText('does not hold a compressed story');
  await expectStep(page, 1);
  await expect(page.locator('p > strong', { hasText: /^One laptop/ })).toBeVisible();

  // A story with wrong fields: the first problems, each with its JSON path.
  const broken = { ...storyOf(STORIES[0]!), devices: [{ name: 'laptop', kind: 'toaster' }], colour: 'red' };
  await page.goto(`/${linkTo(broken)}`);
  await expect(
    page.getByRole('alert').filter({ hasText: "This link's story cannot be opened" }),
  ).toContainText('devices[0].kind');
  await expect(
    page.getByRole('alert').filter({ hasText: "This link's story cannot be opened" }),
  ).toContainText('colour: unknown field');
  await page.screenshot({ path: test.info().outputPath('story-notice.png') });
  await expectStep(page, 1);
  expect(errors).toEqual([]);
});

test('/embed/?story= opens the story; a broken one shows the notice', async ({ page }) => {
  const errors = watchErrors(page);
  const story = storyOf('drop-at-a-step.json');
  // The link docs/EMBEDDING.md tells an author to make.
  const made = execFileSync('npx', ['tsx', 'scripts/story-link.ts', 'docs/stories/drop-at-a-step.json', ''], {
    encoding: 'utf8',
  });
  const embed = /^embed: +(\S+)$/m.exec(made)![1]!;
  expect(embed).toMatch(/^\/embed\/\?story=[A-Za-z0-9+\-$]+$/);
  await page.goto(embed);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title);
  await expect(page.getByTestId('narration')).toContainText('Step 1 of ');
  // The story's own run: its one device is the phone (the default scenario's is a laptop).
  await expect(page.getByTestId('narration')).toContainText('the phone: leave a copy on the server: off');
  await page.goto('/embed/?story=N4Ig');
  await expect(
    page.getByRole('alert').filter({ hasText: "This link's story cannot be opened" }),
  ).toContainText("This link's story cannot be opened");
  expect(errors).toEqual([]);
});

test('Share in the sandbox copies a link that replays the same run in a fresh browser', async ({
  browser,
}) => {
  const first = await browser.newContext();
  await first.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await first.newPage();
  const errors = watchErrors(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?scenario=sandbox');
  const sandbox = page.getByRole('region', { name: 'Try it yourself' });
  await sandbox.getByRole('combobox', { name: 'Device' }).selectOption('phone');
  await actAndWait(page, () => sandbox.getByRole('button', { name: 'Open app', exact: true }).click());
  await sandbox.getByRole('spinbutton', { name: 'Message (server UID)' }).fill('2');
  await actAndWait(page, () => sandbox.getByRole('button', { name: 'Delete', exact: true }).click());
  await actAndWait(page, () => page.getByRole('button', { name: 'New mail arrives' }).click());
  await actAndWait(page, () => sandbox.getByRole('button', { name: 'Check mail', exact: true }).click());
  const share = page.getByRole('button', { name: 'Share this run' });
  await share.focus();
  await share.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/\/\?story=[A-Za-z0-9+\-$]+$/);
  const before = {
    pop3: (await exportedTranscript(page, 'POP3')).slice(1),
    imap: (await exportedTranscript(page, 'IMAP')).slice(1),
  };
  expect(errors).toEqual([]);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherErrors = watchErrors(other);
  await other.goto(url);
  await expect(other.getByTestId('story-lesson')).toContainText('A run in the sandbox');
  await expectStep(other, 1);
  await other.screenshot({ path: test.info().outputPath('shared-story.png') });
  // The same wire lines and narration (the first line names the story, not the sandbox).
  expect((await exportedTranscript(other, 'POP3')).slice(1)).toEqual(before.pop3);
  expect((await exportedTranscript(other, 'IMAP')).slice(1)).toEqual(before.imap);
  expect(otherErrors).toEqual([]);
  await first.close();
  await fresh.close();
});

test('Share falls back to a field to copy from when the clipboard is refused', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
  });
  await page.goto('/?scenario=sandbox');
  const sandbox = page.getByRole('region', { name: 'Try it yourself' });
  await actAndWait(page, () => sandbox.getByRole('button', { name: 'Open app', exact: true }).click());
  await page.getByRole('button', { name: 'Share this run' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'refused the clipboard' })).toBeVisible();
  const link = page.getByRole('textbox', { name: 'Link to this run' });
  await expect(link).toHaveValue(/\?story=/);
  await page.goto(await link.inputValue());
  await expect(page.getByTestId('story-lesson')).toContainText('1 action,');
});

test('a ?story= that expands past 64 KiB gives the notice, no page error, and a responsive page', async ({
  page,
}) => {
  const errors = watchErrors(page);
  // compressToEncodedURIComponent of 10 MB of one letter: about 8 KB of link, 10 MB of text.
  const bomb = readFileSync('app/_components/story-bomb.fixture.txt', 'utf8').trim();
  expect(bomb.length).toBeLessThan(64 * 1024);
  await page.goto(`/?story=${bomb}`);
  const notice = page.getByRole('alert').filter({ hasText: "This link's story cannot be opened" });
  await expect(notice).toContainText("the link's story is too large once decompressed (limit 64 KiB)");
  await expectStep(page, 1);
  // The page still answers: Dismiss takes the notice away.
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("the Embed dialog's iframe and script open the linked story, with the same ?story= value", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const story = storyOf('drop-at-a-step.json');
  const link = linkTo(story);
  await page.goto(`/${link}`);
  await expect(page.getByTestId('story-lesson')).toContainText(story.title);
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this scenario' });
  await dialog.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  const iframe = await dialog.getByRole('textbox', { name: 'iframe' }).inputValue();
  const src = new URL(/src="([^"]+)"/.exec(iframe)![1]!);
  expect(src.pathname).toBe('/embed/');
  expect(src.search).toBe(`${link}&theme=dark`);
  // The resizing script plays the same story (embed.js, data-story).
  const script = await dialog.getByRole('textbox', { name: 'Script (resizes itself)' }).inputValue();
  expect(/data-story="([^"]+)"/.exec(script)?.[1]).toBe(link.slice('?story='.length));
  expect(script).not.toContain('data-scenario');
  await page.goto(src.pathname + src.search);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title);
  await expect(page.getByTestId('narration')).toContainText('the phone: leave a copy on the server: off');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(errors).toEqual([]);
});
