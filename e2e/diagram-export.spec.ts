import { expect, test, type Download } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { expectStep, watchErrors } from './fixtures';

const bytesOf = async (download: Download) =>
  Buffer.concat(await (await download.createReadStream()).toArray());

test.describe('the sequence diagram as a file', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('Export → POP3 sequence diagram (.svg), by keyboard: the scene up to this step, well-formed', async ({
    page,
    request,
  }, testInfo) => {
    const errors = watchErrors(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/?scenario=one-laptop&variant=leave-copy&step=20');
    await expectStep(page, 21);
    const button = page.getByRole('button', { name: 'Export', exact: true });
    await button.focus();
    await page.keyboard.press('ArrowDown');
    const item = page.getByRole('menuitem', { name: 'POP3 sequence diagram (.svg)' });
    await expect(page.getByRole('menuitem', { name: 'Picture of this step (.png)' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(item).toBeFocused();
    await page.screenshot({ path: testInfo.outputPath('export-menu.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('one-laptop--leave-copy-pop3-step-21.svg');
    const svg = (await bytesOf(download)).toString();
    await expect(page.getByRole('menu', { name: 'Export' })).toBeHidden();
    await expect(button).toBeFocused();

    // The browser's own XML parser (strict, unlike an HTML parser) reads it without an error.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.localName,
        title: doc.querySelector('svg > title')?.textContent ?? '',
        heading: [...doc.querySelectorAll('svg > text')].map((t) => t.textContent).join(' '),
        arrows: doc.querySelectorAll('line[marker-end]').length,
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    const timeline = (await (
      await request.get('/timelines/one-laptop--leave-copy.json', { maxRetries: 3 })
    ).json()) as {
      steps: [number, number, number][];
      tracks: { pop3: { direction: string }[] };
    };
    expect(parsed.title).toBe(
      'POP3 sequence diagram: One laptop: download-and-delete vs. headers first (POP3 client: leave a copy on the server), ' +
        `step 21 of ${timeline.steps.length}`,
    );
    // The title is also the picture's visible heading, for a slide or a printed page.
    expect(parsed.heading).toBe(parsed.title);
    // One arrow per wire unit of the POP3 track up to the frame step 21 shows, none after it.
    const upTo = timeline.steps[20]![1];
    const wire = timeline.tracks.pop3.slice(0, upTo + 1).filter((f) => f.direction !== 'none').length;
    expect(wire).toBeGreaterThan(5);
    expect(parsed.arrows).toBe(wire);

    expect(errors).toEqual([]);

    // Look at it as a viewer would: the file alone, in a page of its own.
    const viewer = await page.context().newPage();
    await viewer.setContent(svg);
    await expect(viewer.locator('svg')).toBeVisible();
    await viewer.screenshot({ path: testInfo.outputPath('pop3-diagram.png'), fullPage: true });
  });

  test('Export → IMAP sequence diagram (.png): the same scene, rasterised', async ({ page }, testInfo) => {
    const errors = watchErrors(page);
    await page.goto('/?scenario=two-accounts&step=8');
    await expectStep(page, 9);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'IMAP sequence diagram (.png)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('two-accounts-imap-step-9.png');
    const png = await bytesOf(download);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // The SVG of the same step, drawn at twice its size: as tall as it, so not squashed (the
    // picture was drawn into the scene's height, less than the file's with its heading).
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'IMAP sequence diagram (.svg)' }).click(),
    ]);
    const svg = (await bytesOf(svgDownload)).toString();
    const size = /<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
    expect(Number(size[1])).toBe(720);
    expect(png.readUInt32BE(16)).toBe(1440); // 720 units drawn at twice their size
    expect(png.readUInt32BE(20)).toBe(Math.round(Number(size[2]) * 2));
    expect(png.readUInt32BE(20)).toBeGreaterThan(200);
    await writeFile(testInfo.outputPath('imap-diagram.png'), png);
    expect(errors).toEqual([]);
  });
});
