/**
 * npm run bench:size — prints figures, no pass/fail:
 *  1. the gzip size of the JavaScript each route loads first (`/`, `/embed`), next to Next.js's
 *     own not-found page from the same build: an empty page built the same way;
 *  2. Lighthouse (mobile) performance and accessibility scores for `/` and `/embed`.
 * Builds first if there is no production build. Targets: /embed within empty + 60 kB gzip;
 * performance ≥ 98 and accessibility 100.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, serveBuild } from './serve-build';

interface RouteStats {
  route: string;
  firstLoadChunkPaths: string[];
}

const PORT = 3301;

function routeSizes() {
  const stats = JSON.parse(readFileSync('.next/diagnostics/route-bundle-stats.json', 'utf8')) as RouteStats[];
  const size = (route: string) => {
    const r = stats.find((s) => s.route === route);
    if (!r) throw new Error(`no stats for ${route}`);
    let raw = 0;
    let gzip = 0;
    for (const path of r.firstLoadChunkPaths) {
      const bytes = readFileSync(path);
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    return { raw, gzip };
  };
  const empty = size('/_not-found');
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log('First-load JavaScript per route (gzip, level 9):');
  console.log(`  empty page (/_not-found)  ${kb(empty.gzip).padStart(9)}   raw ${kb(empty.raw)}`);
  for (const route of ['/', '/embed']) {
    const s = size(route);
    const extra = s.gzip - empty.gzip;
    const target =
      route === '/embed' ? `   (target: ≤ empty + 60 kB; ${extra <= 60 * 1024 ? 'within' : 'over'})` : '';
    console.log(
      `  ${route.padEnd(24)}  ${kb(s.gzip).padStart(9)}   raw ${kb(s.raw)}   empty + ${kb(extra)}${target}`,
    );
  }
}

async function lighthouseScores() {
  const server = await serveBuild(PORT, { env: { LIVE_MAIL_SERVER: 'off' } });
  try {
    const { default: lighthouse } = await import('lighthouse');
    const chromeLauncher = await import('chrome-launcher');
    const chromePath = CHROMIUM;
    console.log('Lighthouse, mobile (emulated Moto G Power, simulated slow 4G):');
    for (const path of ['/', '/embed/?scenario=laptop-and-phone']) {
      const chrome = await chromeLauncher.launch({
        chromePath,
        chromeFlags: [
          '--headless=new',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
        ],
      });
      try {
        const result = await lighthouse(`http://127.0.0.1:${PORT}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        });
        const c = result!.lhr.categories;
        const score = (x: { score: number | null } | undefined) => Math.round((x?.score ?? 0) * 100);
        console.log(
          `  ${path.padEnd(36)} performance ${score(c.performance)}   accessibility ${score(c.accessibility)}   (targets 98 and 100)`,
        );
      } finally {
        await chrome.kill();
      }
    }
  } finally {
    server.stop();
  }
}

async function main() {
  if (!existsSync('.next/diagnostics/route-bundle-stats.json')) {
    execSync('npx next build', { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  }
  routeSizes();
  await lighthouseScores();
}

void main();
