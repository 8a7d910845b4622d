import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { CATALOG } from '../simulations/catalog';
import { findScenario } from '../simulations/scenarios';
import { scenarioTimeline } from '../simulations/timeline';
import type { Frame, Protocol } from '../simulations/types';
import { diffDevices, diffServer } from '../app/_components/store-diff';
import { columnWaits } from '../app/_components/story-event';
import { expectStep, watchErrors } from './fixtures';

// The steps are found in the story by what happens at them, not hard-coded.
const timeline = scenarioTimeline(findScenario('one-laptop')!);
const laptop = (f: Frame) => f.devices.find((d) => d.id === 'laptop')!;
const inbox = (f: Frame) => f.server.accounts[0]!.mailboxes.find((b) => b.name === 'INBOX')!.messages;

/** The first lockstep step where `protocol`'s frame differs from its previous frame as `changed` says. */
function stepWhere(protocol: Protocol, changed: (now: Frame, before: Frame) => boolean): number {
  const track = timeline.tracks[protocol];
  const i = timeline.steps.findIndex(
    (s) => s[protocol] > 0 && changed(track[s[protocol]]!, track[s[protocol] - 1]!),
  );
  expect(i).toBeGreaterThan(0);
  return i;
}

/** The client's last command at or before a step (the one this reply answers). */
function commandAt(protocol: Protocol, step: number): string {
  const track = timeline.tracks[protocol];
  for (let i = timeline.steps[step]![protocol]; i >= 0; i--) {
    if (track[i]!.direction === 'c2s') return track[i]!.raw!.replace(/\r\n$/, '');
  }
  return '';
}

const column = (page: Page, name: 'POP3' | 'IMAP') => page.getByRole('region', { name });
const laptopMail = (page: Page, name: 'POP3' | 'IMAP') =>
  column(page, name).getByRole('list', { name: 'Mail on the laptop' });
const serverMail = (page: Page, name: 'POP3' | 'IMAP') =>
  column(page, name).getByRole('list', { name: 'student INBOX on the server' });

async function stepForwardTo(page: Page, step: number) {
  await page.goto(`/?scenario=one-laptop&step=${step - 1}`);
  await expectStep(page, step);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expectStep(page, step + 1);
}

const changedCards = (list: Locator) => list.locator('li[data-change]');

/**
 * Defines `window.__seen(el)`: whether `el` is wholly inside every box that clips it (a store's
 * panel, its card list, the stores' column) and, with `inWindow`, inside the window too (where the
 * page does not scroll).
 */
async function installSeen(page: Page, inWindow = true) {
  await page.evaluate((inWindow) => {
    (window as unknown as { __seen: (el: Element) => boolean }).__seen = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.height === 0 || (inWindow && (r.top < 0 || r.bottom > innerHeight + 0.5))) return false;
      for (let box = el.parentElement; box; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (style.display === 'contents') continue;
        if (style.overflowY === 'visible' && style.overflowX === 'visible') continue;
        const b = box.getBoundingClientRect();
        if (r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5) return false;
      }
      return true;
    };
  }, inWindow);
}

test.describe('the stores as things', () => {
  test('a copy appears on the device when the RETR reply arrives, and a body when FETCH BODY[] completes', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const retr = stepWhere('pop3', (f, b) => laptop(f).messages.length > laptop(b).messages.length);
    expect(commandAt('pop3', retr)).toBe('RETR 1');
    await page.goto(`/?scenario=one-laptop&step=${retr - 1}`);
    await expect(laptopMail(page, 'POP3').getByRole('listitem')).toHaveText(['no mail on this device']);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expectStep(page, retr + 1);
    const card = laptopMail(page, 'POP3').getByRole('listitem');
    await expect(card).toHaveCount(1);
    await expect(card).toHaveAttribute('data-change', 'new');
    await expect(card).toContainText('Changed at this step: arrived: full copy');
    await expect(card.getByText('full copy', { exact: true })).toBeVisible();
    // The server still has it, for now: POP3 keeps nothing in step, so this is a copy of its own.
    await expect(
      card.getByText('a copy: the server keeps one too, and nothing keeps the two in step'),
    ).toHaveCount(1);

    const body = stepWhere(
      'imap',
      (f, b) =>
        laptop(f).messages.filter((m) => m.hasBody).length >
        laptop(b).messages.filter((m) => m.hasBody).length,
    );
    expect(commandAt('imap', body)).toMatch(/^a\d+ UID FETCH \d+ BODY\[\]$/);
    await stepForwardTo(page, body);
    const imapLaptop = laptopMail(page, 'IMAP');
    await expect(changedCards(imapLaptop)).toHaveCount(1);
    await expect(changedCards(imapLaptop)).toContainText('body downloaded');
    // An IMAP client's copy is a cache of the server's, kept in step (flags sync both ways).
    await expect(changedCards(imapLaptop).getByText('cached: the server still has it')).toHaveCount(1);
    await expect(imapLaptop.getByText('full copy', { exact: true })).toHaveCount(1);
    await expect(imapLaptop.getByText('envelope only', { exact: true })).toHaveCount(5);
    expect(errors).toEqual([]);
  });

  test('POP3 DELE then QUIT removes the cards from the server; the laptop then holds the only copies', async ({
    page,
  }) => {
    const quit = stepWhere('pop3', (f, b) => inbox(f).length < inbox(b).length);
    expect(commandAt('pop3', quit)).toBe('QUIT');
    // DELE only marks, in the session (RFC 1939 §5): the server's cards stay until QUIT.
    await stepForwardTo(page, quit - 1);
    await expect(serverMail(page, 'POP3').getByRole('listitem')).toHaveCount(6);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expectStep(page, quit + 1);
    await expect(serverMail(page, 'POP3').getByRole('listitem')).toHaveText(['empty']);
    await expect(
      column(page, 'POP3').getByText(/^Removed from the server at this step: 6 messages/),
    ).toBeVisible();
    await expect(
      laptopMail(page, 'POP3').getByText(
        'gone from the server’s INBOX: the only copy, unless a folder such as Trash keeps one',
      ),
    ).toHaveCount(6);
    // The same moment under IMAP: the server keeps every message.
    await expect(serverMail(page, 'IMAP').getByRole('listitem')).toHaveCount(6);
    await expect(column(page, 'IMAP').getByText(/^Removed from the server/)).toHaveCount(0);
  });

  test('a flag set on the server is highlighted in the IMAP column at that step, and only then', async ({
    page,
  }) => {
    const seen = stepWhere('imap', (f, b) =>
      inbox(f).some((m, i) => m.flags.includes('\\Seen') && !inbox(b)[i]!.flags.includes('\\Seen')),
    );
    await stepForwardTo(page, seen);
    const server = serverMail(page, 'IMAP');
    await expect(changedCards(server)).toHaveCount(1);
    await expect(changedCards(server)).toHaveAttribute('data-change', 'updated');
    await expect(changedCards(server)).toContainText('now read');
    await expect(changedCards(server).getByText('\\Seen', { exact: true })).toHaveCount(1);
    // The highlight is what this step changed: the next step changes nothing on the server.
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expectStep(page, seen + 2);
    await expect(changedCards(server)).toHaveCount(0);
  });

  for (const id of ['headers-first', 'phone-after-a-week']) {
    test(`a column that puts no line on the wire at a step highlights nothing there: ${id}`, async ({
      page,
    }) => {
      // The first step at which a column waits just after a step that changed one of its stores
      // (its narration then says so: "No new line in this column at this step").
      const story = scenarioTimeline(findScenario(id)!);
      let found: { step: number; protocol: Protocol } | undefined;
      for (let step = 2; step < story.steps.length && !found; step++) {
        for (const protocol of ['pop3', 'imap'] as const) {
          const at = story.steps[step - 1]![protocol];
          const [now, before] = [story.tracks[protocol][at]!, story.tracks[protocol][at - 1]];
          const changed =
            before &&
            (diffServer(now.server, before.server).changed.size > 0 ||
              [...diffDevices(now.devices, before.devices).values()].some((d) => d.changed.size > 0));
          if (changed && columnWaits(story, step, protocol) && !columnWaits(story, step - 1, protocol)) {
            found = { step, protocol };
            break;
          }
        }
      }
      expect(found).toBeDefined();
      const { step, protocol } = found!;
      const name = protocol === 'pop3' ? 'POP3' : 'IMAP';
      const highlighted = column(page, name).locator('[data-store] :is([data-change], [data-changed])');
      await page.goto(`/?scenario=${id}&step=${step - 1}`);
      await expectStep(page, step);
      await expect(highlighted.first()).toBeVisible();
      await page.getByRole('button', { name: 'Step forward' }).click();
      await expectStep(page, step + 1);
      await expect(column(page, name)).toContainText('No new line in this column at this step');
      await expect(highlighted).toHaveCount(0);
      await expect(column(page, name).locator('[data-store]', { hasText: 'at this step' })).toHaveCount(0);
    });
  }

  test('every icon has a text alternative and hides its picture from screen readers', async ({ page }) => {
    await page.goto('/?scenario=delete-two-phases');
    await expectStep(page, 1);
    await page.keyboard.press('End');
    await expect(page.getByTestId('narration')).not.toContainText('Step 1 of');
    const icons = page.locator('main [data-icon]');
    expect(await icons.count()).toBeGreaterThan(10);
    for (const icon of await icons.all()) {
      expect((await icon.textContent())?.trim()).not.toBe('');
      // The picture is CSS (a mask on ::before) or a hidden SVG: nothing a screen reader reads.
      expect(await icon.locator('svg:not([aria-hidden="true"]), img').count()).toBe(0);
      expect(await icon.evaluate((e) => getComputedStyle(e, '::before').maskImage)).toContain(
        'data:image/svg+xml',
      );
    }
    await column(page, 'POP3').getByText('Key to the icons').click();
    await expect(
      column(page, 'POP3').getByText(
        'gone from the server’s INBOX (the maildrop POP3 sees): the only copy, unless a folder such as Trash keeps one',
      ),
    ).toBeVisible();
  });

  test('cards the step removed fade out where they were, hidden from screen readers; not on a jump or under reduced motion', async ({
    page,
  }) => {
    const quit = stepWhere('pop3', (f, b) => inbox(f).length < inbox(b).length);
    const leaving = serverMail(page, 'POP3').locator('li[data-leaving]');
    await stepForwardTo(page, quit - 1);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expectStep(page, quit + 1);
    // Drawn once more, out of the accessibility tree (the "Removed …" line says it in words)…
    await expect(leaving).toHaveCount(6);
    await expect(leaving.first()).toHaveAttribute('aria-hidden', 'true');
    await expect(serverMail(page, 'POP3').getByRole('listitem')).toHaveText(['empty']);
    // …fading to nothing and folding away.
    await expect.poll(() => leaving.first().evaluate((e) => Number(getComputedStyle(e).opacity))).toBe(0);
    await expect.poll(() => leaving.first().evaluate((e) => e.getBoundingClientRect().height)).toBe(0);
    // A jump to the same step shows the new state at once.
    await page.goto(`/?scenario=one-laptop&step=${quit}`);
    await expectStep(page, quit + 1);
    await expect(column(page, 'POP3').getByText(/^Removed from the server at this step/)).toBeVisible();
    await expect(leaving).toHaveCount(0);
    // Reduced motion: no fade either.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await stepForwardTo(page, quit);
    await expect(column(page, 'POP3').getByText(/^Removed from the server at this step/)).toBeVisible();
    await expect(leaving).toHaveCount(0);
  });

  test('reduced motion: the copy is simply there, without the flight', async ({ page }) => {
    const retr = stepWhere('pop3', (f, b) => laptop(f).messages.length > laptop(b).messages.length);
    const watch = async () => {
      await page.goto(`/?scenario=one-laptop&step=${retr - 1}`);
      await expectStep(page, retr);
      await page.waitForLoadState('networkidle'); // motion's animation features load after first paint
      // Record the new card's transform on every animation frame from the moment it appears.
      await page.evaluate(() => {
        const w = window as unknown as { __seen: string[] };
        w.__seen = [];
        const tick = () => {
          const li = document.querySelector<HTMLElement>(
            'section[data-protocol="pop3"] li[data-change="new"]',
          );
          if (li) w.__seen.push(`${getComputedStyle(li).transform}|${getComputedStyle(li).opacity}`);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await page.getByRole('button', { name: 'Step forward' }).click();
      await expectStep(page, retr + 1);
      await page.waitForTimeout(800);
      return page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    };
    const moving = await watch();
    expect(moving.some((s) => s.startsWith('matrix'))).toBe(true);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const still = await watch();
    expect(still.length).toBeGreaterThan(0);
    expect(new Set(still)).toEqual(new Set(['none|1']));
  });

  // Issue 15: "a student at 1280×720 sees … what each store holds". At the step where the
  // devices hold the most mail (the crowded moment of each story), every store's heading and the
  // first message it holds (a card, or the squares of a long mailbox) must be inside the window
  // and not scrolled or clipped away inside its panel. And at 820×1180 (a tablet held upright),
  // where each column's stores are under its diagram and the page may scroll, inside its panel.
  for (const [width, height] of [
    [1280, 720],
    [820, 1180],
  ] as const)
    test(`at ${width}×${height} every store shows its heading and its first (or changed) message, every story at its fullest step`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width, height });
      for (const { id } of CATALOG.filter((s) => s.id !== 'sandbox')) {
        const story = scenarioTimeline(findScenario(id)!);
        const held = (i: number) =>
          (['pop3', 'imap'] as const).reduce((n, p) => {
            const f = story.tracks[p][story.steps[i]![p]]!;
            return n + f.devices.reduce((m, d) => m + d.messages.length, 0);
          }, 0);
        let fullest = 0;
        for (let i = 1; i < story.steps.length; i++) if (held(i) > held(fullest)) fullest = i;
        await page.goto(`/?scenario=${id}&step=${fullest}`);
        await expectStep(page, fullest + 1);
        await installSeen(page, width === 1280);
        // Once the layout has settled (the diagram measures its width after the first paint; a
        // store that is resized then shows its change again, use-change-in-view.ts).
        const hidden = () =>
          page.evaluate(() => {
            const seen = (window as unknown as { __seen: (el: Element) => boolean }).__seen;
            const out: string[] = [];
            for (const column of document.querySelectorAll('[data-protocol]')) {
              const name = column.getAttribute('data-protocol');
              for (const panel of column.querySelectorAll('[data-store]')) {
                const heading = panel.querySelector(':scope > h3')!;
                if (!seen(heading)) out.push(`${name}: heading ${heading.textContent}`);
                // Its first message, or, when the step changed one, that one (the panel scrolls to it).
                const first =
                  panel.querySelector('[data-change]:not([data-leaving]), [data-changed]') ??
                  panel.querySelector(':scope > ul > li, :scope > div > ul > li, ol[aria-hidden] > li');
                if (first && !seen(first)) out.push(`${name}: first message in ${heading.textContent}`);
              }
            }
            return out;
          });
        await expect.poll(hidden, { message: `${id} at step ${fullest + 1}`, timeout: 3000 }).toEqual([]);
      }
    });

  // In a 720 px window a card is one line: sender, UID and size are read by screen readers and in
  // the tooltip only. A sighted keyboard user, who has no tooltip, sees them while the list has focus.
  test('at 1280×720 a card is one line, and a store list reached by Tab shows its senders, UIDs and sizes', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    // A step where the server's panel holds more than it shows, so that focus scrolls it.
    const story = scenarioTimeline(findScenario('laptop-and-phone')!);
    const step = 40;
    await page.goto(`/?scenario=laptop-and-phone&step=${step}`);
    await expectStep(page, step + 1);
    const list = serverMail(page, 'IMAP');
    const card = list.locator('li').first();
    const sender = card.locator(':scope > span').nth(1);
    const uid = card.getByText(/^UID \d+$/);
    /** The rendered width of the sender, and of the box that holds UID and size. */
    const widths = async () => ({
      sender: await sender.evaluate((el) => el.getBoundingClientRect().width),
      meta: await uid.evaluate((el) => el.parentElement!.getBoundingClientRect().width),
    });
    await expect(sender).toHaveText(inbox(story.tracks.imap[story.steps[step]!.imap]!)[0]!.from);
    const oneLine = await widths();
    expect(oneLine.sender).toBeLessThanOrEqual(1);
    expect(oneLine.meta).toBeLessThanOrEqual(1);

    await list.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(list).toBeFocused();
    await expect.poll(async () => (await widths()).sender).toBeGreaterThan(40);
    expect((await widths()).meta).toBeGreaterThan(20);
    // Focus scrolled the list into its panel's view, not under the panel's heading.
    const covered = await sender.evaluate((el) => {
      const heading = el.closest('[data-store]')!.querySelector(':scope > h3')!;
      return heading.getBoundingClientRect().bottom - el.getBoundingClientRect().top;
    });
    expect(covered).toBeLessThanOrEqual(0);
    // The cards shown whole on focus are axe-clean in both schemes.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(list).toBeFocused();
      expect((await new AxeBuilder({ page }).analyze()).violations, colorScheme).toEqual([]);
    }

    // Focus moves on: the cards are one line again.
    await page.keyboard.press('Tab');
    await expect(list).not.toBeFocused();
    await expect.poll(async () => (await widths()).sender).toBeLessThanOrEqual(1);
  });

  // A store panel that scrolls holds its card lists, which are Tab stops: the panel is not one
  // more (a keyboard user met two stops for one store), the list's focus ring is drawn where the
  // panel does not clip it, and the arrow keys scroll on from the list's end to the rest of the panel.
  test('at 1280×720 a store panel is one Tab stop, its lists, with the focus ring in view and the arrow keys scrolling it', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/?scenario=laptop-and-phone&step=40');
    await expectStep(page, 41);
    const list = serverMail(page, 'IMAP');
    const panel = list.locator('xpath=ancestor::*[@data-store][1]');
    expect(await panel.evaluate((el) => el.scrollHeight > el.clientHeight + 1)).toBe(true);
    await expect(panel).not.toHaveAttribute('tabindex');
    await list.focus();
    await page.keyboard.press('Shift+Tab');
    expect(await panel.evaluate((el) => el === document.activeElement)).toBe(false);
    await page.keyboard.press('Tab');
    await expect(list).toBeFocused();
    // The ring (outline and its offset) lies inside the panel's padding box, which clips its
    // content (the scroll bar aside).
    const ring = await list.evaluate((el) => {
      const style = getComputedStyle(el);
      const out = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
      const box = el.getBoundingClientRect();
      const store = el.closest('[data-store]')!;
      const left = store.getBoundingClientRect().left + store.clientLeft;
      return { left: box.left - out - left, right: left + store.clientWidth - (box.right + out) };
    });
    expect(ring.left).toBeGreaterThanOrEqual(0);
    expect(ring.right).toBeGreaterThanOrEqual(0);
    const top = await panel.evaluate((el) => el.scrollTop);
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => panel.evaluate((el) => el.scrollTop)).toBeGreaterThan(top);
  });

  // What a step changes in a store is highlighted in both columns (issue 15); in a 720 px window
  // a store shows a few cards, so its panel scrolls to the first changed one. Walked step by step
  // (the slider's input event) through stories whose changes fall on cards far down a store.
  for (const id of ['delete-two-phases', 'delete-on-phone', 'two-accounts'])
    test(`at 1280×720 each store shows the first card the step changed: ${id}, every step`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`/?scenario=${id}`);
      await expectStep(page, 1);
      await installSeen(page);
      const hidden = await page.evaluate(() => {
        const seen = (window as unknown as { __seen: (el: Element) => boolean }).__seen;
        const slider = document.querySelector<HTMLInputElement>('input[type="range"]')!;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const out: string[] = [];
        let changes = 0;
        for (let step = 0; step <= Number(slider.max); step++) {
          setValue.call(slider, String(step));
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          for (const panel of document.querySelectorAll('[data-protocol] [data-store]')) {
            // Its heading stays in view as it scrolls.
            if (!seen(panel.querySelector(':scope > h3')!))
              out.push(`step ${step + 1}: the heading of ${panel.getAttribute('data-store')}`);
            const changed = panel.querySelector('[data-change]:not([data-leaving]), [data-changed]');
            if (!changed) continue;
            changes++;
            if (!seen(changed))
              out.push(
                `step ${step + 1}: ${panel.closest('[data-protocol]')!.getAttribute('data-protocol')} ${panel.getAttribute('data-store')}`,
              );
          }
        }
        return { out, changes };
      });
      expect(hidden.changes).toBeGreaterThan(5);
      expect(hidden.out).toEqual([]);
    });

  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`axe finds no violations with highlighted cards, ${scheme}, ${width} px`, async ({
        page,
      }, testInfo) => {
        await page.setViewportSize({ width, height: width === 1280 ? 720 : 844 });
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        const retr = stepWhere('pop3', (f, b) => laptop(f).messages.length > laptop(b).messages.length);
        await stepForwardTo(page, retr + 2);
        await expect(changedCards(laptopMail(page, 'POP3'))).toHaveCount(1);
        const results = await new AxeBuilder({ page }).analyze();
        await page.screenshot({ path: testInfo.outputPath(`stores-${width}-${scheme}.png`) });
        expect(
          results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
      });
    }
  }
});
