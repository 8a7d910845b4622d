/**
 * The Live page under load, for `npm run bench:live`: opens `/live/` in Chromium (Playwright,
 * Debian's binary or CHROMIUM_PATH) while the load runs, and measures what the targets
 * name (issue 14: input to next paint ≤ 100 ms, no long task over 200 ms, lanes stable under the
 * pointer, counts exact):
 * - long tasks (PerformanceObserver 'longtask'): how many, the longest, the share of the time
 *   the main thread was blocked;
 * - input delay: once a second a real click (CDP input) on the sessions list, and the Event
 *   Timing API's `duration` of its pointer and click events (from the input to the next paint);
 * - lanes under the pointer: the lane under the mouse before and after each click's wait;
 *   a change means a lane moved under a pointer that stayed still;
 * - elements drawn (at most, sampled each second), and the open-session count the page states.
 */
import { chromium, type Browser, type Page } from '@playwright/test';

/** Playwright's launch arguments for the Debian Chromium, as in playwright.config.ts. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface PageFigures {
  /** Long tasks seen while the load ran. */
  longTasks: number;
  /** The longest, in ms (0 when none). */
  longestTaskMs: number;
  /** Share of the measured time spent in long tasks, 0–1. */
  blockedShare: number;
  /** Input to next paint of each timed click, in ms, sorted ascending. */
  inputMs: number[];
  /** Clicks after which a different lane was under the still pointer. */
  lanesMoved: number;
  /** Most elements in the document at any sample. */
  maxNodes: number;
}

/** Script run in the page at the start: gathers long tasks and event timings (text, not a function, so tsx adds no helpers). */
const OBSERVE = `(() => {
  window.__bench = { long: [], events: [], t0: performance.now() };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.long.push(e.duration); })
    .observe({ type: 'longtask' });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.interactionId) window.__bench.events.push([e.interactionId, e.duration]);
  }).observe({ type: 'event', durationThreshold: 16 });
})()`;

/** Opens the page; `stop()` ends the measuring and closes the browser. */
export async function watchLivePage(base: string, executablePath: string) {
  const browser: Browser = await chromium.launch({ executablePath, args: ARGS });
  const page: Page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/live/`);
  await page.locator('p[data-status="connected"]').waitFor({ timeout: 30_000 });
  await page.evaluate(OBSERVE);
  let running = true;
  let lanesMoved = 0;
  let clicks = 0;
  let maxNodes = 0;
  const laneAt = (x: number, y: number) =>
    page.evaluate(
      `document.elementFromPoint(${x}, ${y})?.closest('article')?.getAttribute('aria-label') ?? null`,
    ) as Promise<string | null>;
  const loop = (async () => {
    while (running) {
      await page.waitForTimeout(1000);
      if (!running) break;
      const box = await page.locator('#sessions-heading').boundingBox();
      if (!box) continue;
      const x = box.x + 120;
      const y = box.y + 140;
      await page.mouse.move(x, y);
      const lane = await laneAt(x, y);
      await page.mouse.click(x, y);
      clicks++;
      await page.waitForTimeout(400);
      if (lane !== null && (await laneAt(x, y)) !== lane) lanesMoved++;
      maxNodes = Math.max(
        maxNodes,
        (await page.evaluate('document.getElementsByTagName("*").length')) as number,
      );
    }
  })();
  return {
    /** The open-session count the page states now ("N open sessions"), or null. */
    async openCount(): Promise<number | null> {
      const text = (await page.locator('p[data-status]').textContent()) ?? '';
      const match = /(\d+) open session/.exec(text);
      return match ? Number(match[1]) : null;
    },
    async stop(): Promise<PageFigures & { clicks: number }> {
      running = false;
      await loop;
      const raw = (await page.evaluate(
        '({ long: window.__bench.long, events: window.__bench.events, ms: performance.now() - window.__bench.t0 })',
      )) as { long: number[]; events: [number, number][]; ms: number };
      await browser.close();
      const byInteraction = new Map<number, number>();
      for (const [id, d] of raw.events) byInteraction.set(id, Math.max(byInteraction.get(id) ?? 0, d));
      const blocked = raw.long.reduce((a, b) => a + b, 0);
      return {
        longTasks: raw.long.length,
        longestTaskMs: Math.max(0, ...raw.long),
        blockedShare: blocked / raw.ms,
        // Interactions faster than the observer's 16 ms threshold leave no entry: count them as 16.
        inputMs: [
          ...byInteraction.values(),
          ...Array<number>(Math.max(0, clicks - byInteraction.size)).fill(16),
        ].sort((a, b) => a - b),
        lanesMoved,
        maxNodes,
        clicks,
      };
    },
  };
}
