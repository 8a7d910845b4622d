/**
 * npm run bench:ui — prints figures, no pass/fail. Serves the production build, opens the
 * largest scenario in Chromium with 4× CPU throttling (Chrome DevTools Protocol), plays it at
 * 4× and records every animation frame; then measures a seek to a far step, to pixels.
 * Targets: median frame ≤ 16.7 ms, under 1% of frames over 50 ms, seek under 100 ms.
 * Flags: --seconds N (how long to record playback, default 30).
 */
import { chromium } from '@playwright/test';
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
    await page.getByRole('button', { name: 'Play' }).click();
    const deadline = Date.now() + SECONDS * 1000;
    while (Date.now() < deadline && (await page.getByRole('button', { name: 'Pause' }).count()) > 0) {
      await page.waitForTimeout(500);
    }
    const frames = (await page.evaluate('window.__frames.slice(1)')) as number[];
    const steps = await page.getByTestId('narration').textContent();
    await page
      .getByRole('button', { name: 'Pause' })
      .click({ timeout: 1000 })
      .catch(() => undefined);

    // Seek: Home, then End, timed from the key press to the next painted frame showing it.
    await page.keyboard.press('Home');
    await page.waitForTimeout(300);
    const seekMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const key = i % 2 === 0 ? 'End' : 'Home';
      seekMs.push(
        (await page.evaluate(`new Promise((resolve) => {
          const narration = document.querySelector('[data-testid="narration"]');
          const t0 = performance.now();
          const observer = new MutationObserver(() => {
            observer.disconnect();
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
          });
          observer.observe(narration, { childList: true, subtree: true, characterData: true });
          document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '${key}', bubbles: true }));
        })`)) as number,
      );
      await page.waitForTimeout(200);
    }
    await browser.close();

    const sorted = [...frames].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    const slow = frames.filter((f) => f > 50).length;
    seekMs.sort((a, b) => a - b);
    console.log(
      `headers-first at 4×, CPU throttled 4× (recorded up to ${SECONDS} s; reached: ${steps?.trim()})`,
    );
    console.log(`  frames recorded      ${frames.length}`);
    console.log(`  median frame time    ${median.toFixed(1)} ms   (target ≤ 16.7 ms)`);
    console.log(
      `  frames over 50 ms    ${((slow / Math.max(1, frames.length)) * 100).toFixed(2)}%   (target < 1%)`,
    );
    console.log(
      `  seek to a far step   median ${seekMs[2]!.toFixed(1)} ms, max ${seekMs[4]!.toFixed(1)} ms to pixels   (target < 100 ms)`,
    );
  } finally {
    server.stop();
  }
}

void main();
