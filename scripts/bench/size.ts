/**
 * npm run bench:size — prints figures, no pass/fail:
 *  1. the gzip size of the JavaScript each page loads (every script the browser fetches until
 *     the network is idle, counted in a real Chromium), next to Next.js's own not-found page
 *     from the same build: an empty page built the same way;
 *  2. Lighthouse (mobile) performance and accessibility scores for `/` and the embed pages,
 *     the median of several runs (LIGHTHOUSE_RUNS, default 7), as Lighthouse's documentation
 *     advises: single runs vary by a few points on a shared 2-core machine. The glossary comes
 *     first as the host's floor: a page of server-rendered text whose only script of ours is its
 *     links, so its score is about what Next.js alone gets here (Lighthouse's simulated 4× CPU multiplies the
 *     host's own speed, and on a slow host even this page scores far below 98).
 * Builds first if there is no production build. Targets (issue 15): the embed within empty +
 * 60 kB gzip, `/` within empty + 100 kB; performance ≥ 98 and accessibility 100.
 */
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, serveBuild } from './serve-build';

const PORT = 3301;
const BASE = `http://127.0.0.1:${PORT}`;
const EMBED = '/embed/laptop-and-phone/';
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 7));
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

/** Every script a page fetches until the network is quiet, gzip level 9. */
async function scriptBytes(browser: import('@playwright/test').Browser, path: string) {
  const page = await browser.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') bodies.push(r.body());
  });
  await page.goto(BASE + path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  let raw = 0;
  let gzip = 0;
  for (const body of await Promise.all(bodies)) {
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  await page.close();
  return { raw, gzip, count: bodies.length };
}

async function routeSizes() {
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    console.log('JavaScript each page loads (all scripts until the network is idle, gzip level 9):');
    const empty = await scriptBytes(browser, '/no-such-page/');
    console.log(
      `  ${'empty page (not found)'.padEnd(28)} ${kb(empty.gzip).padStart(9)}   raw ${kb(empty.raw)}`,
    );
    for (const path of ['/', '/embed/', EMBED]) {
      const s = await scriptBytes(browser, path);
      const extra = s.gzip - empty.gzip;
      // Issue 15: the embed within empty + 60 kB, the compare view within empty + 100 kB.
      const limit = path.startsWith('/embed') ? 60 : 100;
      const target = `   (target: ≤ empty + ${limit} kB; ${extra <= limit * 1024 ? 'within' : 'over'})`;
      console.log(
        `  ${path.padEnd(28)} ${kb(s.gzip).padStart(9)}   raw ${kb(s.raw)}   empty + ${kb(extra)}${target}`,
      );
    }
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function lighthouseScores() {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  console.log(`Lighthouse, mobile (emulated Moto G Power, simulated slow 4G), median of ${RUNS}:`);
  const paths: [string, string][] = [
    // The host's floor: server-rendered text whose only scripts are Next.js's and its links.
    ['/glossary/', '  (floor: Next.js and links, no story)'],
    ['/', ''],
    ['/embed/', ''],
    [EMBED, ''],
    ['/embed/?scenario=laptop-and-phone', '  (query form: the story is drawn once the script runs)'],
  ];
  for (const [path, note] of paths) {
    const perf: number[] = [];
    const a11y: number[] = [];
    const tbt: number[] = [];
    const lcp: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const chrome = await chromeLauncher.launch({
        chromePath: CHROMIUM,
        chromeFlags: [
          '--headless=new',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
        ],
      });
      try {
        const result = await lighthouse(BASE + path, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        });
        const { categories, audits } = result!.lhr;
        perf.push(Math.round((categories.performance?.score ?? 0) * 100));
        a11y.push(Math.round((categories.accessibility?.score ?? 0) * 100));
        tbt.push(audits['total-blocking-time']?.numericValue ?? NaN);
        lcp.push(audits['largest-contentful-paint']?.numericValue ?? NaN);
      } finally {
        await chrome.kill();
      }
    }
    const range = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)}`;
    console.log(
      `  ${path.padEnd(36)} performance ${median(perf)} (${range(perf)})   accessibility ${median(a11y)}   ` +
        `TBT ${Math.round(median(tbt))} ms   LCP ${(median(lcp) / 1000).toFixed(1)} s${note}`,
    );
  }
  console.log('  targets: performance ≥ 98, accessibility 100');
}

async function main() {
  if (!existsSync('.next/BUILD_ID')) {
    execSync('npx next build', { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  }
  const server = await serveBuild(PORT, { env: { LIVE_MAIL_SERVER: 'off' } });
  try {
    await routeSizes();
    await lighthouseScores();
  } finally {
    server.stop();
  }
}

void main();
