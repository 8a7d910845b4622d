/**
 * npm run bench:ui — prints figures, no pass/fail. Serves the production build, opens the
 * largest scenario in Chromium with 4× CPU throttling (Chrome DevTools Protocol), plays it at
 * 4× and records every animation frame; then seeks to steps spread over the whole run (the
 * timeline slider, three rounds of 13 steps, and Home/End) and times each from the input to the
 * next painted frame. The p95 is taken over all 43 seeks (with 17, as before, it was the maximum).
 * Targets (issue 15): median frame ≤ 16.7 ms, under 1% of frames over 50 ms, seek ≤ 50 ms (p95).
 * Those seeks are script events, timed to the second frame after the narration changed. A last
 * round clicks the timeline with the mouse (13 clicks, real input events) and reads each click's
 * latency from the browser's Event Timing API, as INP does: from the input's hardware timestamp
 * to the frame's presentation. It counts what the first measure leaves out (the pointer events'
 * own work, raster and compositing), so it reads higher; it is printed for that reason.
 * While recording, the page is watched only with cheap DOM reads: Playwright's role queries
 * compute accessible names over the whole page, and under 4× throttling one such poll is itself
 * a frame over 50 ms.
 * Flags: --seconds N (how long to record playback, default 30).
 */
import { chromium, type Page } from '@playwright/test';
import { parseArgs } from 'node:util';
import { CHROMIUM, serveBuild } from './serve-build';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '30' }, port: { type: 'string', default: '3300' } },
});
const PORT = Number(values.port);
const SECONDS = Number(values.seconds);

async function main() {
  const server = await serveBuild(PORT, { env: { LIVE_MAIL_SERVER: 'off' } });
  try {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`http://127.0.0.1:${PORT}/?scenario=headers-first&speed=4`);
    await page.getByTestId('narration').waitFor();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

    // Record frame intervals while the scenario plays. (Scripts are passed as text: the TypeScript
    // runner would otherwise wrap functions in helpers the page does not have.)
    await page.evaluate(`(() => {
      window.__frames = [];
      let last = performance.now();
      const tick = (now) => { window.__frames.push(now - last); last = now; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    // The Play/Pause button, found by a plain selector (no accessibility-tree query; see above).
    const playButton = `[role="group"][aria-label="Player"] button:nth-of-type(3)`;
    await page.locator(playButton).click();
    const deadline = Date.now() + SECONDS * 1000;
    const playing = `document.querySelector('${playButton}')?.textContent === 'Pause'`;
    while (Date.now() < deadline && (await page.evaluate(playing))) await page.waitForTimeout(500);
    const frames = (await page.evaluate('window.__frames.slice(1)')) as number[];
    const steps = await page.getByTestId('narration').textContent();
    if (await page.evaluate(playing)) await page.locator(playButton).click();

    // Seek: to steps spread over the run (the slider, as a learner drags it), then End and Home
    // (the keyboard), each timed from the input to the second frame after the narration changed.
    const last = Number(await page.locator('input[type="range"]').getAttribute('max'));
    const targets = [0.9, 0.1, 0.75, 0.3, 1, 0.5, 0.05, 0.85, 0.2, 0.65, 0.4, 0.95, 0].map((f) =>
      Math.round(f * last),
    );
    const timeTo = (action: string) =>
      page.evaluate(`new Promise((resolve) => {
          const narration = document.querySelector('[data-testid="narration"]');
          const t0 = performance.now();
          const observer = new MutationObserver(() => {
            observer.disconnect();
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
          });
          observer.observe(narration, { childList: true, subtree: true, characterData: true });
          ${action}
        })`) as Promise<number>;
    const seekMs: number[] = [];
    for (const target of [...targets, ...targets, ...targets]) {
      seekMs.push(
        await timeTo(`{
          const slider = document.querySelector('input[type="range"]');
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(slider, '${target}');
          slider.dispatchEvent(new Event('input', { bubbles: true }));
        }`),
      );
      await page.waitForTimeout(200);
    }
    for (const key of ['End', 'Home', 'End', 'Home']) {
      seekMs.push(
        await timeTo(
          `document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '${key}', bubbles: true }));`,
        ),
      );
      await page.waitForTimeout(200);
    }
    const clickMs = await clickSeeks(page, targets.slice(0, 13));
    await browser.close();

    const sorted = [...frames].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    const slow = frames.filter((f) => f > 50).length;
    seekMs.sort((a, b) => a - b);
    const p95 = seekMs[Math.min(seekMs.length - 1, Math.ceil(seekMs.length * 0.95) - 1)]!;
    console.log(
      `headers-first at 4×, CPU throttled 4× (recorded up to ${SECONDS} s; reached: ${steps?.trim()})`,
    );
    console.log(`  frames recorded      ${frames.length}`);
    console.log(`  median frame time    ${median.toFixed(1)} ms   (target ≤ 16.7 ms)`);
    console.log(
      `  frames over 50 ms    ${((slow / Math.max(1, frames.length)) * 100).toFixed(2)}%   (target < 1%)`,
    );
    console.log(
      `  seek, ${seekMs.length} steps      median ${seekMs[Math.floor(seekMs.length / 2)]!.toFixed(1)} ms, ` +
        `p95 ${p95.toFixed(1)} ms, max ${seekMs[seekMs.length - 1]!.toFixed(1)} ms to pixels   (target p95 ≤ 50 ms)`,
    );
    clickMs.sort((a, b) => a - b);
    console.log(
      `  seek by mouse click, ${clickMs.length} clicks   median ${clickMs[Math.floor(clickMs.length / 2)]} ms, ` +
        `max ${clickMs[clickMs.length - 1]} ms to presentation (Event Timing, 8 ms steps; ≤ 16 shows as 16)`,
    );
  } finally {
    server.stop();
  }
}

/**
 * Clicks the timeline at each step of `steps` with the mouse and returns each click's latency in
 * ms: the longest Event Timing entry of its interaction (pointerdown, pointerup, click), which runs
 * from the input's timestamp to the presentation of the frame after its handlers. Entries under
 * 16 ms are not reported by the browser; such a click counts as 16. Throws if a click did not seek.
 */
async function clickSeeks(page: Page, steps: number[]): Promise<number[]> {
  await page.evaluate(`(() => {
    window.__interactions = new Map();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.interactionId) window.__interactions.set(e.interactionId, Math.max(e.duration, window.__interactions.get(e.interactionId) ?? 0));
    }).observe({ type: 'event', durationThreshold: 16 });
  })()`);
  const slider = page.locator('input[type="range"]');
  const box = (await slider.boundingBox())!;
  const last = Number(await slider.getAttribute('max'));
  const latencies: number[] = [];
  for (const step of steps) {
    const before = await page.getByTestId('narration').textContent();
    const known = (await page.evaluate('[...window.__interactions.keys()]')) as number[];
    // The thumb's centre runs from half a thumb in from each end of the track.
    const thumb = box.height;
    await page.mouse.click(box.x + thumb / 2 + (step / last) * (box.width - thumb), box.y + box.height / 2);
    await page.waitForTimeout(400);
    if ((await page.getByTestId('narration').textContent()) === before)
      throw new Error(`a click did not seek (step ${step})`);
    const all = (await page.evaluate('[...window.__interactions]')) as [number, number][];
    const mine = all.filter(([id]) => !known.includes(id)).map(([, ms]) => ms);
    latencies.push(Math.max(16, ...mine));
  }
  return latencies;
}

void main();
