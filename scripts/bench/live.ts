/**
 * npm run bench:live — prints figures, no pass/fail. Serves the production build (with its
 * live mail server), opens the Live page in Chromium, and runs 200 concurrent loopback sessions
 * (half IMAP, half POP3, each on its own account) looping a scripted mix for 60 s.
 * Prints commands per second, errors (target 0), p99 command latency, server memory at start
 * and end (target: flat) and the page's frame time.
 * Flags: --sessions N (200), --seconds N (60).
 */
import { chromium } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { LineClient } from './line-client';
import { CHROMIUM, serveBuild } from './serve-build';

const { values } = parseArgs({
  options: { sessions: { type: 'string', default: '200' }, seconds: { type: 'string', default: '60' } },
});
const SESSIONS = Number(values.sessions);
const SECONDS = Number(values.seconds);
const PORT = 3304;
const BASE = `http://127.0.0.1:${PORT}`;

interface Info {
  running: boolean;
  pop3Port: number;
  imapPort: number;
  memory: { heapUsed: number; rss: number };
}

async function info(): Promise<Info> {
  return ((await (await fetch(`${BASE}/api/live/state/`)).json()) as { info: Info }).info;
}

async function main() {
  const server = await serveBuild(PORT, {
    readyPath: '/api/live/state/',
    env: { LIVE_POP3_PORT: '0', LIVE_IMAP_PORT: '0', LIVE_SMTP_PORT: '0' },
  });
  try {
    const half = Math.floor(SESSIONS / 2);
    for (let i = 0; i < half; i++) {
      await fetch(`${BASE}/api/live/actions/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'addAccount', user: `bench${i}`, password: 'secret' }),
      });
      await fetch(`${BASE}/api/live/actions/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          action: 'deliver',
          user: `bench${i}`,
          from: 'bench@example.org',
          subject: 'Load',
          text: 'x'.repeat(2000),
        }),
      });
    }
    const { pop3Port, imapPort, memory: start } = await info();

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${BASE}/live/`);
    await page.getByText('Connected to the lab server').waitFor();
    await page.evaluate(`(() => {
      window.__frames = [];
      let last = performance.now();
      const tick = (now) => { window.__frames.push(now - last); last = now; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);

    const latencies: number[] = [];
    let commands = 0;
    let errors = 0;
    const deadline = performance.now() + SECONDS * 1000;
    const measure = async (fn: () => Promise<string>, ok: (r: string) => boolean) => {
      const t0 = performance.now();
      const reply = await fn();
      latencies.push(performance.now() - t0);
      commands++;
      if (!ok(reply)) errors++;
    };
    const imap = async (w: number) => {
      let n = 0;
      while (performance.now() < deadline) {
        const c = await LineClient.connect(imapPort);
        await c.greeting();
        for (const cmd of [
          'LOGIN student secret',
          'SELECT INBOX',
          'FETCH 1:* (FLAGS ENVELOPE)',
          'FETCH 2 BODY.PEEK[]',
          'NOOP',
          'LOGOUT',
        ]) {
          const tag = `w${w}n${n++}`;
          await measure(
            () => c.imap(tag, cmd),
            (r) => new RegExp(`(^|\\r\\n)${tag} OK`).test(r),
          );
        }
        c.close();
      }
    };
    const pop3 = async (w: number) => {
      while (performance.now() < deadline) {
        const c = await LineClient.connect(pop3Port);
        await c.greeting();
        for (const [cmd, multi] of [
          [`USER bench${w}`, false],
          ['PASS secret', false],
          ['STAT', false],
          ['UIDL', true],
          ['RETR 1', true],
          ['QUIT', false],
        ] as const) {
          await measure(
            () => c.pop3(cmd, multi),
            (r) => r.startsWith('+OK'),
          );
        }
        c.close();
      }
    };
    const t0 = performance.now();
    await Promise.all([
      ...Array.from({ length: half }, (_, w) => imap(w)),
      ...Array.from({ length: SESSIONS - half }, (_, w) => pop3(w)),
    ]);
    const elapsed = (performance.now() - t0) / 1000;
    const frames = (await page.evaluate('window.__frames.slice(1)')) as number[];
    const laneCount = await page.getByRole('article').count();
    const pageErrors = await page.getByText('Disconnected from the lab server').count();
    await browser.close();
    await new Promise((r) => setTimeout(r, 1000));
    const end = (await info()).memory;

    latencies.sort((a, b) => a - b);
    frames.sort((a, b) => a - b);
    const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
    const mib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
    console.log(
      `Live load: ${half} IMAP + ${SESSIONS - half} POP3 sessions for ${SECONDS} s, the Live page open (${laneCount} lanes shown at the end)`,
    );
    console.log(`  commands/s        ${(commands / elapsed).toFixed(0)}`);
    console.log(`  errors            ${errors} of ${commands}   (target 0)`);
    console.log(
      `  latency           p50 ${pct(latencies, 0.5).toFixed(1)} ms, p99 ${pct(latencies, 0.99).toFixed(1)} ms`,
    );
    console.log(
      `  server memory     heap ${mib(start.heapUsed)} → ${mib(end.heapUsed)}, rss ${mib(start.rss)} → ${mib(end.rss)}   (target: flat)`,
    );
    console.log(`  page              ${pageErrors ? 'lost its connection' : 'stayed connected'}`);
    console.log(
      `  page frame time   median ${pct(frames, 0.5).toFixed(1)} ms, p95 ${pct(frames, 0.95).toFixed(1)} ms over ${frames.length} frames`,
    );
  } finally {
    server.stop();
  }
}

void main();
