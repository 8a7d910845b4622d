import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { PNG } from 'pngjs';
import { CATALOG } from '../simulations/catalog';
import { currentStep, expectStep, watchErrors } from './fixtures';

const SHOTS = path.resolve('docs/screenshots');

const figure = (page: Page, name: 'POP3' | 'IMAP') =>
  page.getByRole('figure', { name: `${name} sequence diagram` });
const arrows = (page: Page, name: 'POP3' | 'IMAP') =>
  figure(page, name)
    .getByRole('list', { name: `${name} messages in order` })
    .getByRole('listitem');

/**
 * Steps through the whole run on the page's timeline and returns, for each step, the narration
 * or diagram whose box is not wholly in the window (or a diagram under 100 px high), and with
 * `level`, two diagrams that do not start at the same height.
 */
async function outOfView(page: Page, level: boolean): Promise<string[]> {
  return page.evaluate((level) => {
    const slider = document.querySelector<HTMLInputElement>('input[type="range"]')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const out: string[] = [];
    for (let step = 0; step <= Number(slider.max); step++) {
      // The slider's input event: React renders it synchronously (a discrete event).
      setValue.call(slider, String(step));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      const narration = document.querySelector('[data-testid="narration"]')!.getBoundingClientRect();
      const figures = [...document.querySelectorAll('figure[data-diagram]')].map((el) =>
        el.getBoundingClientRect(),
      );
      if (figures.length !== 2) out.push(`step ${step}: ${figures.length} diagrams`);
      // Beside each diagram, the server's heading and the first device's are in view (each panel
      // scrolls in its share of the stores' column); not while a prediction prompt waits, when
      // the diagrams keep their least height and the stores scroll.
      if (level && !document.getElementById('predict-heading'))
        for (const column of document.querySelectorAll('[data-protocol]')) {
          for (const heading of [...column.querySelectorAll('h3')].slice(0, 2)) {
            const h = heading.getBoundingClientRect();
            let scroller = heading.parentElement!;
            while (getComputedStyle(scroller).overflowY !== 'auto') scroller = scroller.parentElement!;
            if (h.bottom > window.innerHeight || h.bottom > scroller.getBoundingClientRect().bottom + 1)
              out.push(`step ${step}: "${heading.textContent}" is out of view`);
          }
        }
      // Side by side, the two diagrams start at the same height (their narrations are as high).
      if (level && Math.abs(figures[0]!.top - figures[1]!.top) > 1)
        out.push(
          `step ${step}: the diagrams start at ${Math.round(figures[0]!.top)} and ${Math.round(figures[1]!.top)} px`,
        );
      for (const b of [narration, ...figures])
        if (b.top < 0 || b.bottom > window.innerHeight || (b !== narration && b.height < 100))
          out.push(`step ${step}: a box from ${Math.round(b.top)} to ${Math.round(b.bottom)} px`);
    }
    return out;
  }, level);
}

/**
 * Steps through the whole run and returns what is wrong with the diagrams' heads at any step: a
 * head outside its strip, two heads overlapping, or a line of a device's status cut short (its
 * POP3/IMAP session's, its SMTP submission's, or both at once: four lines); beside three other
 * participants or more, any head's name or status cut short. And the picture cut off: the strip of
 * heads or the arrows' drawing wider than the diagram's box (a right-hand lifeline hidden).
 */
async function headFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const slider = document.querySelector<HTMLInputElement>('input[type="range"]')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const out = new Set<string>();
    for (let step = 0; step <= Number(slider.max); step++) {
      // The slider's input event: React renders it synchronously (a discrete event).
      setValue.call(slider, String(step));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      for (const strip of document.querySelectorAll<HTMLElement>('figure[data-diagram] > ul')) {
        if (!strip.offsetParent) continue;
        const edge = strip.getBoundingClientRect();
        const figure = strip.closest('figure')!;
        const frame = figure.getBoundingClientRect();
        const svg = figure.querySelector(':scope > div svg')!;
        let scroller = svg.parentElement!;
        while (getComputedStyle(scroller).overflowX === 'visible') scroller = scroller.parentElement!;
        const drawing = svg.getBoundingClientRect();
        if (edge.left < frame.left - 0.5 || edge.right > frame.right + 0.5)
          out.add(
            `the heads run past the diagram's edge (${Math.round(edge.width)} px in ${Math.round(frame.width)})`,
          );
        if (drawing.right > scroller.getBoundingClientRect().right + 0.5)
          out.add(`the arrows run past the diagram's edge (${Math.round(drawing.width)} px)`);
        const heads = [...strip.querySelectorAll<HTMLElement>(':scope > li')];
        const boxes = heads.map((h) => h.getBoundingClientRect());
        heads.forEach((head, i) => {
          const box = boxes[i]!;
          if (box.left < edge.left - 0.5 || box.right > edge.right + 0.5 || box.bottom > edge.bottom + 0.5)
            out.add(`"${head.textContent}" leaves its strip`);
          // Any two heads (in two rows, a head's neighbours sit in the other row).
          for (let j = 0; j < i; j++) {
            const other = boxes[j]!;
            const apart =
              box.left >= other.right - 0.5 ||
              other.left >= box.right - 0.5 ||
              box.top >= other.bottom - 0.5 ||
              other.top >= box.bottom - 0.5;
            if (!apart) out.add(`"${heads[j]!.textContent}" and "${head.textContent}" overlap`);
          }
          const status = head.querySelector('[title]')!.getAttribute('title')!;
          if (!/^(not |SMTP )?connected\b/.test(status) && heads.length < 4) return;
          for (const line of head.querySelectorAll<HTMLElement>(
            ':scope > span:first-child, [title], [title] *',
          ))
            if (
              getComputedStyle(line).position !== 'absolute' &&
              (line.scrollWidth > line.clientWidth + 1 || line.scrollHeight > line.clientHeight + 1)
            )
              out.add(`"${line.textContent}" is cut short (${head.textContent})`);
          // A word broken across two lines ("classmat / e", "TRANSACTIO / N") reads as two.
          const walker = document.createTreeWalker(head, NodeFilter.SHOW_TEXT);
          for (let text = walker.nextNode(); text; text = walker.nextNode()) {
            if ((text.parentElement as HTMLElement).offsetParent === null) continue;
            if (getComputedStyle(text.parentElement!).position === 'absolute') continue;
            for (const word of text.textContent!.matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(text, word.index);
              range.setEnd(text, word.index + word[0].length);
              const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              if (tops.size > 1) out.add(`"${word[0]}" is broken across lines (${head.textContent})`);
            }
          }
        });
      }
    }
    return [...out];
  });
}

test.describe('sequence diagram', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('each protocol is a labelled figure: participants, and an arrow per wire line with its text', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto('/?scenario=one-laptop&step=25');
    await expectStep(page, 26);
    for (const name of ['POP3', 'IMAP'] as const) {
      await expect(figure(page, name)).toBeVisible();
      const participants = figure(page, name).getByRole('list', { name: `${name} participants` });
      await expect(participants.getByRole('listitem')).toHaveText([/^server/, /^laptop/]);
    }
    // Sender to receiver, the first line as sent (the password masked), a reply's extra lines counted.
    await expect(arrows(page, 'POP3').filter({ hasText: 'laptop → server: RETR 1' })).toHaveCount(1);
    await expect(arrows(page, 'POP3').filter({ hasText: 'laptop → server: PASS ********' })).toHaveCount(1);
    await expect(
      arrows(page, 'POP3')
        .filter({ hasText: /^server → laptop: \+OK \d+ octets \(\+ \d+ lines\)/ })
        .first(),
    ).toBeVisible();
    await expect(
      arrows(page, 'IMAP').filter({ hasText: /laptop → server: a\d+ LOGIN student \*+/ }),
    ).toHaveCount(1);
    // Only what happened so far: no arrow after the current step.
    const current = figure(page, 'POP3').locator('[aria-current="step"]');
    await expect(current).toHaveCount(1);
    expect(errors).toEqual([]);
  });

  test('keyboard: one Tab stop reaches the arrows, ↑ moves, Enter seeks there and explains it', async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/?scenario=one-laptop&step=25');
    await expectStep(page, 26);
    const list = figure(page, 'POP3').getByRole('list', { name: 'POP3 messages in order' });
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await list.evaluate((el) => el.contains(document.activeElement))) break;
    }
    const focused = page.locator(':focus');
    await expect(focused).toHaveAttribute('aria-current', 'step');
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    // Up to an earlier arrow: RETR 1, the client's request for message 1.
    for (let i = 0; i < 30; i++) {
      if (((await focused.textContent()) ?? '').endsWith('server: RETR 1')) break;
      await page.keyboard.press('ArrowUp');
    }
    await expect(focused).toHaveText('laptop → server: RETR 1');
    await page.keyboard.press('Enter');
    const { step } = await currentStep(page);
    expect(step).toBeLessThan(26);
    await expect(focused).toHaveAttribute('aria-current', 'step');
    await expect(focused).toHaveAttribute('aria-pressed', 'true');
    const explained = page.getByRole('region', { name: 'POP3 line explained' });
    await expect(explained.getByText('Download message 1 in full.')).toBeVisible();
    await expect(explained.getByText(/RETR · 8 bytes · RFC 1939 §5/)).toBeVisible();
    await expect(explained.getByText('State: TRANSACTION', { exact: true })).toBeVisible();
    // The URL follows the seek.
    await expect(page).toHaveURL(new RegExp(`step=${step - 1}(&|$)`));
  });

  test('keyboard: the first Tab stop skips to the diagram; stepping back keeps the focus on the arrows', async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/?scenario=one-laptop&step=25');
    await expectStep(page, 26);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the diagrams' });
    await expect(skip).toBeFocused();
    // Out of sight until it has the focus, then in the window's top corner.
    await expect.poll(async () => (await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    const box = (await skip.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(80);
    await page.keyboard.press('Enter');
    const list = figure(page, 'POP3').getByRole('list', { name: 'POP3 messages in order' });
    const focused = page.locator(':focus');
    await expect(focused).toHaveAttribute('aria-current', 'step');
    expect(await list.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    // ← steps back, and the arrows after the new step leave the diagram: the focused one with
    // them. The focus moves to the new current arrow instead of falling to the page.
    const texts = new Set<string>();
    for (let i = 0; i < 6; i++) {
      texts.add((await focused.textContent()) ?? '');
      await page.keyboard.press('ArrowLeft');
      await expectStep(page, 25 - i);
      await expect(focused).toHaveAttribute('aria-current', 'step');
      expect(await list.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    // (The focused arrow was removed at least once on the way back.)
    expect(texts.size).toBeGreaterThan(1);
  });

  test('Escape or Close shuts an explanation and gives the focus back to its arrow; presenter mode stays', async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/?scenario=one-laptop&step=25');
    await expectStep(page, 26);
    await page.getByRole('button', { name: 'Present' }).click();
    const explained = page.getByRole('region', { name: 'POP3 line explained' });
    const retr = arrows(page, 'POP3').getByRole('button', { name: 'laptop → server: RETR 1' });
    await retr.focus();
    await page.keyboard.press('Enter');
    await expect(explained).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(explained).toBeHidden();
    await expect(retr).toBeFocused();
    await expect(page.getByRole('button', { name: 'Leave presenter mode' })).toBeVisible();
    // The Close button, by keyboard: the focus goes back to the arrow, not to the page.
    await page.keyboard.press('Enter');
    await expect(explained).toBeVisible();
    await explained.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Enter');
    await expect(explained).toBeHidden();
    await expect(retr).toBeFocused();
    // With no explanation open, Escape leaves presenter mode, as before.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Present' })).toBeVisible();
  });

  test("at 1280×720 a part of an explained line shows its meaning in view, inside the explanation's box", async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/?scenario=one-laptop&step=25');
    await expectStep(page, 26);
    await arrows(page, 'POP3')
      .getByRole('button', { name: /^server → laptop: \+OK \d+ octets/ })
      .first()
      .click();
    const explained = page.getByRole('region', { name: 'POP3 line explained' });
    await explained
      .getByRole('button', { name: /^\+OK: explain this part$/ })
      .first()
      .click();
    const said = explained.getByTestId('token-explanation');
    await expect(said).toContainText('+OK');
    const inView = await said.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const box = el.closest('[role="region"]')!.getBoundingClientRect();
      return r.top >= box.top - 1 && r.top < box.bottom - 10 && r.top < window.innerHeight - 10;
    });
    expect(inView).toBe(true);
  });

  test('a multi-line reply is one block with "+ N lines", expandable', async ({ page }) => {
    await page.goto('/?scenario=one-laptop&step=25');
    const block = arrows(page, 'POP3')
      .filter({ hasText: /server → laptop: \+OK \d+ octets/ })
      .first();
    const toggle = block.getByRole('button', { name: /^Show \d+ more lines of \+OK/ });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const before = (await block.boundingBox())!.height;
    await toggle.click();
    await expect(block.getByRole('button', { name: /^Hide \d+ more lines/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect((await block.boundingBox())!.height).toBeGreaterThan(before + 40);
  });

  test('a dropped link is a broken arrow, and the lifeline says not connected', async ({ page }) => {
    await page.goto('/?scenario=dropped-connection&step=60');
    await expectStep(page, 61);
    for (const name of ['POP3', 'IMAP'] as const) {
      await expect(arrows(page, name).filter({ hasText: 'laptop ✕ connection broken' })).toHaveCount(1);
    }
  });

  // 820 px: a tablet held upright, where each column is too narrow for the stores beside the
  // diagram (they go under it); 1024 px: the narrowest window that keeps them beside it; 320 px:
  // the narrowest a page must reflow to without loss (WCAG 1.4.10).
  for (const [width, height] of [
    [1280, 720],
    [1024, 768],
    [820, 1180],
    [390, 844],
    [320, 568],
  ] as const)
    test(`${width} px: the whole picture is in its box, the heads in their strip, apart, and each device's POP3/IMAP session state is shown whole`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width, height });
      const faults: string[] = [];
      for (const entry of CATALOG) {
        await page.goto(`/?scenario=${entry.id}`);
        await expect(page.locator('figure[data-diagram] li').first()).toBeVisible();
        // At 390 px one protocol shows at a time: look at each in turn.
        const switches = page.getByRole('group', { name: 'Protocol shown' }).getByRole('button');
        const shown = width < 700 ? (['POP3', 'IMAP'] as const) : ([null] as const);
        for (const protocol of shown) {
          if (protocol) {
            await switches.filter({ hasText: protocol }).click();
            await expect(figure(page, protocol)).toBeVisible();
          }
          const found = await headFaults(page);
          faults.push(...found.map((f) => `${entry.id}${protocol ? ` (${protocol})` : ''}: ${f}`));
        }
      }
      expect(faults).toEqual([]);
    });

  test('reduced motion: the new arrow is drawn where it ends, nothing flies', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/?scenario=one-laptop&step=2');
    await expectStep(page, 3);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expectStep(page, 4);
    await expect(figure(page, 'POP3').locator('circle')).toHaveCount(0);
    await expect(arrows(page, 'POP3').last()).toHaveText('laptop → server: CAPA');
  });

  // The view follows the step: after each step forward the current arrow is wholly in the
  // diagram's box, with and without motion (under reduced motion a global 0.01 ms transition once
  // kept the scroll range a row short, and the arrow sat half below the box).
  for (const reducedMotion of ['reduce', 'no-preference'] as const)
    test(`after each step forward the current arrow is in view (${reducedMotion === 'reduce' ? 'reduced motion' : 'motion'})`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.emulateMedia({ reducedMotion });
      await page.goto('/?scenario=delete-two-phases&step=30');
      await expectStep(page, 31);
      for (let k = 0; k < 4; k++) {
        await page.getByRole('button', { name: 'Step forward' }).click();
        await expectStep(page, 32 + k);
        for (const name of ['POP3', 'IMAP'] as const) {
          const box = figure(page, name).locator('div[class*="scroll"]');
          const current = figure(page, name).locator('svg g[class*="current"]').first();
          await expect
            .poll(
              async () => {
                const [b, c] = [await box.boundingBox(), await current.boundingBox()];
                return c!.y >= b!.y - 1 && c!.y + c!.height <= b!.y + b!.height + 1;
              },
              { message: `${name} after step ${32 + k}` },
            )
            .toBe(true);
        }
      }
    });

  test('with motion, the new arrow flies from its sender to its receiver', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.goto('/?scenario=one-laptop&step=2&speed=0.5');
    await expectStep(page, 3);
    // Where the packet is drawn, every frame (the flight is a CSS animation: the compositor moves
    // it, and the layout reports where it is at that moment).
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __cx: number[] }).__cx = seen;
      const figure = document.querySelector('[data-diagram="pop3"]')!;
      const tick = () => {
        const dot = figure.querySelector('circle');
        if (dot) {
          const box = dot.getBoundingClientRect();
          if (seen.at(-1) !== box.x + box.width / 2) seen.push(box.x + box.width / 2);
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expectStep(page, 4);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __cx: number[] }).__cx.length))
      .toBeGreaterThan(3);
    await page.waitForTimeout(1500);
    const cx = await page.evaluate(() => (window as unknown as { __cx: number[] }).__cx);
    // CAPA goes from the laptop (right) to the server (left): cx falls.
    expect(cx[0]!).toBeGreaterThan(cx[cx.length - 1]!);
  });

  test('390 px: one protocol at a time with a visible switch, no sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/?scenario=laptop-and-phone&step=40');
    await expectStep(page, 41);
    const pop3 = page.getByRole('region', { name: 'POP3' });
    const imap = page.getByRole('region', { name: 'IMAP' });
    const switcher = page.getByRole('group', { name: 'Protocol shown' });
    await expect(switcher.getByRole('button', { name: 'POP3' })).toHaveAttribute('aria-pressed', 'true');
    await expect(pop3).toBeVisible();
    await expect(imap).toBeHidden();
    await switcher.getByRole('button', { name: 'IMAP' }).click();
    await expect(imap).toBeVisible();
    await expect(pop3).toBeHidden();
    await expect(figure(page, 'IMAP')).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    // Nothing clipped: the diagram and the stores lie within the screen's width.
    for (const box of [await figure(page, 'IMAP').boundingBox(), await imap.boundingBox()]) {
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
  });

  for (const [width, height] of [
    [390, 844],
    [320, 568],
  ] as const)
    test(`${width} px: the step bar at the top keeps one height at every step, the player in two rows; a long narration scrolls in it`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await page.goto('/?scenario=laptop-and-phone');
      await expectStep(page, 1);
      const heights = await page.evaluate(() => {
        const slider = document.querySelector<HTMLInputElement>('input[type="range"]')!;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const bar = document.querySelector('[data-testid="narration"]')!.closest('[class*="stepBar"]')!;
        const seen = new Set<number>();
        for (let step = 0; step <= Number(slider.max); step++) {
          setValue.call(slider, String(step));
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          seen.add(Math.round(bar.getBoundingClientRect().height));
        }
        return [...seen];
      });
      expect(heights).toHaveLength(1);
      // The POP3/IMAP switch included (it lives in the bar so that it stays at hand as the page
      // scrolls), under a fifth of a tall phone's screen and under a third of the smallest's, so
      // that the picture below has the rest. It took 235 px of 568 (41 %) when the player wrapped
      // into five rows.
      expect(heights[0]).toBeLessThanOrEqual(height * (height > 700 ? 0.2 : 0.31));
      // The player's controls in two rows: the step buttons, then the timeline, the speed, What if….
      const player = page.getByRole('group', { name: 'Player' });
      const rows = await player.evaluate((group) =>
        [...group.children]
          .map((c) => c.getBoundingClientRect())
          .filter((r) => r.height > 0)
          .map((r) => Math.round(r.top + r.height / 2)),
      );
      // Centres more than 8 px apart are different rows.
      const sorted = [...rows].sort((a, b) => a - b);
      expect(sorted.filter((y, i) => i === 0 || y - sorted[i - 1]! > 8)).toHaveLength(2);
      // The short labels stand for the long ones, which stay the buttons' names.
      await expect(player.getByRole('button', { name: 'Step back' })).toHaveText('◀ Back', {
        useInnerText: true,
      });
      await expect(player.getByRole('button', { name: 'Step forward' })).toHaveText('Forward ▶', {
        useInnerText: true,
      });
      await expect(player.getByRole('slider', { name: 'Timeline' })).toBeVisible();
      await expect(player.getByRole('combobox', { name: 'Speed' })).toBeVisible();
      // The first step's narration (the client settings) is longer than two lines: it scrolls, and
      // the keyboard reaches it.
      await page.keyboard.press('Home');
      await expectStep(page, 1);
      const box = page.getByRole('group', { name: 'Step narration' });
      await expect(box).toHaveAttribute('tabindex', '0');
      expect(await box.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
      // A shadow at its bottom edge says so.
      const edges = await edgeRows(box);
      expect(edges.bottom).toBeLessThan(edges.top - 8);
      // Stepping to a shorter narration while the box has the focus keeps the focus there.
      await box.focus();
      await page.keyboard.press('ArrowRight');
      await expectStep(page, 2);
      await expect(box).toBeFocused();
    });

  // The step bar sticks to the top and is taller on a narrower phone (its buttons wrap): what the
  // keyboard brings into view must land below it, not under it (it landed 38 px under at 390 px).
  for (const [width, height] of [
    [390, 844],
    [320, 640],
  ] as const)
    test(`${width} px: the arrow the keyboard goes to lands below the step bar, not under it`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto('/?scenario=one-laptop&step=25');
      await expectStep(page, 26);
      // From the foot of the page, the diagram is above the window.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Skip to the diagrams' })).toBeFocused();
      await page.keyboard.press('Enter');
      const focused = page.locator(':focus');
      await expect(focused).toHaveAttribute('aria-current', 'step');
      const bar = (await page.getByTestId('narration').evaluate((el) => {
        const box = el.closest('[class*="stepBar"]')!.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom };
      }))!;
      expect(bar.top).toBe(0);
      const box = (await focused.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(bar.bottom);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
    });

  // 820 px: each column's stores under its diagram (a tablet held upright).
  for (const [width, height] of [
    [1280, 720],
    [820, 1180],
    [390, 844],
  ] as const)
    for (const scheme of ['light', 'dark'] as const)
      test(`axe finds no violations at ${width} px in the ${scheme} theme`, async ({ page }) => {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await page.goto('/?scenario=dropped-connection&step=60');
        await expectStep(page, 61);
        // With a block open and a line explained, too.
        await arrows(page, 'POP3')
          .getByRole('button', { name: /^Show \d+ more lines/ })
          .first()
          .click();
        await arrows(page, 'POP3')
          .filter({ hasText: 'laptop → server: USER student' })
          .first()
          .getByRole('button')
          .first()
          .click();
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
      });

  // Every story at every step of its default run, in the compare view and in presenter mode: the
  // layout must hold for the longest lesson, narration and prediction prompt there is, not for one
  // step that happens to fit. (The sandbox is left out: its editor sits above the columns, and
  // there the page scrolls.)
  for (const presenting of [false, true])
    test(`first screen at 1280×720${presenting ? ', presenter mode' : ''}: both diagrams and the narration without scrolling, every story and step`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      for (const { id } of CATALOG.filter((s) => s.id !== 'sandbox')) {
        await page.goto(`/?scenario=${id}`);
        await expectStep(page, 1);
        if (presenting) await page.getByRole('button', { name: 'Present' }).click();
        expect(await outOfView(page, true), id).toEqual([]);
        // Presenter mode is the screen: the page does not scroll at all (it scrolled by 8 px).
        if (presenting)
          expect(
            await page.evaluate(() => document.documentElement.scrollHeight - innerHeight),
            id,
          ).toBeLessThanOrEqual(0);
      }
    });

  // A laptop or a projector at 1024×768: the columns are narrow, and a longer session state
  // pushed one column's tabs to a second row, so its diagram started 35 px lower.
  test('1024×768: the two diagrams start level, every story and step', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const { id } of CATALOG.filter((s) => s.id !== 'sandbox')) {
      await page.goto(`/?scenario=${id}`);
      await expectStep(page, 1);
      const uneven = await page.evaluate(() => {
        const slider = document.querySelector<HTMLInputElement>('input[type="range"]')!;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const out: string[] = [];
        for (let step = 0; step <= Number(slider.max); step++) {
          setValue.call(slider, String(step));
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          const [a, b] = [...document.querySelectorAll('figure[data-diagram]')].map((el) =>
            el.getBoundingClientRect(),
          );
          if (a && b && Math.abs(a.top - b.top) > 1)
            out.push(`step ${step}: ${Math.round(a.top)} and ${Math.round(b.top)} px`);
        }
        return out;
      });
      expect(uneven, id).toEqual([]);
    }
  });

  // A classroom projector at 1024×768: the header wrapped into four rows (139 px against 76 at
  // 1280), and the diagrams lost that height.
  test('1024 to 1199 px: the header keeps two rows, as at 1280, with every tool in reach', async ({
    page,
  }) => {
    const heightAt = async (width: number) => {
      await page.setViewportSize({ width, height: 768 });
      await page.goto('/?scenario=phone-after-a-week');
      await expectStep(page, 1);
      return page.locator('header').evaluate((el) => el.getBoundingClientRect().height);
    };
    const wide = await heightAt(1280);
    for (const width of [1024, 1150]) {
      expect(await heightAt(width), `${width} px`).toBeLessThanOrEqual(wide + 2);
      for (const name of ['Copy link', 'Embed', 'Export', 'Help', 'Present'])
        await expect(page.getByRole('button', { name, exact: true })).toBeInViewport();
      await expect(page.getByRole('radiogroup', { name: 'Theme' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Live: watch a real client' })).toBeInViewport();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
  });

  test('presenter mode at 1920×1080: the diagrams fill the screen below the narration', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('/?scenario=server-quota');
    await expectStep(page, 1);
    await page.getByRole('button', { name: 'Present' }).click();
    expect(await outOfView(page, true)).toEqual([]);
    const box = (await figure(page, 'IMAP').boundingBox())!;
    expect(box.y + box.height).toBeGreaterThan(1080 - 60);
  });

  test('a narration longer than its box scrolls, and the keyboard reaches it', async ({ page }) => {
    // Step 118 of server-quota: IMAP explains the delivery status notification at length.
    await page.goto('/?scenario=server-quota&step=117');
    await expectStep(page, 118);
    const long = page.locator('[data-protocol="imap"] p[tabindex="0"]');
    await expect(long).toContainText('delivery status notification');
    // A shadow at its bottom edge says that more text is below; at the end, it moves to the top.
    const atStart = await edgeRows(long);
    expect(atStart.bottom).toBeLessThan(atStart.top - 8);
    await long.focus();
    // ↓ scrolls it (Home/End and the page keys stay the timeline's shortcuts).
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => long.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await long.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    // At the end nothing is below: the bottom's shadow is gone.
    const atEnd = await edgeRows(long);
    expect(atEnd.bottom).toBeGreaterThan(atStart.bottom + 8);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    // A narration that fits is no Tab stop.
    await page.goto('/?scenario=laptop-and-phone&step=60');
    await expectStep(page, 61);
    await expect(page.locator('[data-protocol] p[tabindex]')).toHaveCount(0);
  });

  test('screenshots: 1280×720 light and dark, 390 px, presenter at 1280×720 and 1920×1080, the embed', async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    await page.goto('/?scenario=laptop-and-phone&step=60');
    await expectStep(page, 61);
    await page.screenshot({ path: path.join(SHOTS, 'compare-1280.png') });
    // Chromium can paint a frame or two with the light scheme's colours for some text after the
    // emulated scheme changes (the header's links were near-black on the dark page): wait until
    // they have taken the dark one.
    const linkColour = () =>
      page
        .locator('header a')
        .first()
        .evaluate((a) => getComputedStyle(a).color);
    const light = await linkColour();
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'dark' });
    await expect.poll(linkColour).not.toBe(light);
    await page.screenshot({ path: path.join(SHOTS, 'compare-1280-dark.png') });
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(figure(page, 'POP3')).toBeVisible();
    // The phone's picture: its diagram under the step bar, which stays at the top as it scrolls.
    await figure(page, 'POP3').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect
      .poll(() => figure(page, 'POP3').evaluate((el) => el.getBoundingClientRect().top))
      .toBeLessThan(260);
    await page.screenshot({ path: path.join(SHOTS, 'compare-390.png') });

    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Present' }).click();
    await expect(page.getByRole('button', { name: 'Leave presenter mode' })).toBeVisible();
    await expect(figure(page, 'POP3')).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, 'presenter-1280x720.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect(figure(page, 'IMAP')).toBeVisible();
    // Large: the arrows' text is bigger than on the desk (once the diagram has measured the new
    // window: a ResizeObserver's report, so it may take a frame).
    await expect
      .poll(() =>
        figure(page, 'POP3')
          .locator('svg')
          .evaluate(
            (svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute('viewBox')!.split(' ')[2]),
          ),
      )
      .toBeGreaterThan(1.2);
    await page.screenshot({ path: path.join(SHOTS, 'presenter-1920x1080.png') });

    // The embed in an 800 × 500 frame, just the picture (controls=none): each diagram above its
    // stores, every lifeline in view.
    await page.setViewportSize({ width: 800, height: 500 });
    await page.goto('/embed/laptop-and-phone/?step=60&controls=none');
    for (const name of ['POP3', 'IMAP'] as const)
      await expect(
        figure(page, name)
          .getByRole('list', { name: `${name} participants` })
          .getByRole('listitem')
          .filter({ hasText: 'laptop' }),
      ).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('narration')).toContainText('Step 61 of');
    await page.screenshot({ path: path.join(SHOTS, 'embed-800x500.png') });
  });
});

/**
 * The mean red value (0–255) of a box's top and bottom three rows of pixels: a scroll shadow (the
 * narration's boxes, layout.module.css) makes its edge darker than the page's background.
 */
async function edgeRows(box: Locator): Promise<{ top: number; bottom: number }> {
  const png = PNG.sync.read(await box.screenshot({ animations: 'disabled' }));
  const rows = (from: number) => {
    let sum = 0;
    for (let y = from; y < from + 3; y++)
      for (let x = 0; x < png.width; x++) sum += png.data[(y * png.width + x) * 4]!;
    return sum / (3 * png.width);
  };
  return { top: rows(0), bottom: rows(png.height - 3) };
}
