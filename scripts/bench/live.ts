/**
 * npm run bench:live — prints figures and each against its target (issue 14). Serves the
 * production build as `npm start` does (lib/live/start-app.mjs, with its live mail server) and
 * runs 200 concurrent loopback sessions (half IMAP, half POP3, each on its own account) looping
 * a scripted mix, four times: with 0, 1 and 20 open readers of the Live page's event stream
 * (/api/live/events/, read and counted as a page would, not rendered), then with the Live page
 * itself open in Chromium (live-page.ts: long tasks, input to next paint, lanes under a still
 * pointer, elements drawn, the open-session count once the load ends).
 * Prints per phase commands per second, errors (target 0), p99 command latency and the octets
 * pushed to each reader; then the server's memory before the load, at its peak (sampled every
 * 2 s) and 30 s after (target: RSS within 20 % of the start). 20 readers should cost under 20 %
 * of the throughput with none.
 * Flags: --sessions N (200), --seconds N per phase (60), --after N seconds (30), --no-page
 * (skip the Chromium phase; it is skipped too when no Chromium is found, see CHROMIUM_PATH).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { LineClient } from './line-client';
import { watchLivePage } from './live-page';
import { CHROMIUM, serveBuild } from './serve-build';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    after: { type: 'string', default: '30' },
    'no-page': { type: 'boolean', default: false },
  },
});
const BROWSER = values['no-page'] ? undefined : (process.env.CHROMIUM_PATH ?? CHROMIUM);
const SESSIONS = Number(values.sessions);
const SECONDS = Number(values.seconds);
const AFTER = Number(values.after);
const PORT = 3304;
const BASE = `http://127.0.0.1:${PORT}`;
/** The trainer's controls accept only same-origin JSON (lib/live/web-guard.ts). */
const ACTION_HEADERS = { 'content-type': 'application/json', origin: BASE, 'sec-fetch-site': 'same-origin' };

interface Info {
  running: boolean;
  pop3Port: number;
  imapPort: number;
  memory: { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };
}

async function info(): Promise<Info> {
  return ((await (await fetch(`${BASE}/api/live/state/`)).json()) as { info: Info }).info;
}

/** An open event stream, read to the end and counted; `close()` stops it. */
function reader() {
  const abort = new AbortController();
  let bytes = 0;
  const done = fetch(`${BASE}/api/live/events/`, { signal: abort.signal })
    .then(async (response) => {
      for await (const chunk of response.body!) bytes += (chunk as Uint8Array).length;
    })
    .catch(() => undefined);
  return {
    bytes: () => bytes,
    close: async () => {
      abort.abort();
      await done;
    },
  };
}

async function phase(
  readers: number,
  ports: { imapPort: number; pop3Port: number },
  peak: { rss: number; heapUsed: number },
) {
  const open = Array.from({ length: readers }, reader);
  await new Promise((r) => setTimeout(r, 500));
  const latencies: number[] = [];
  let commands = 0;
  let errors = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const sampler = setInterval(() => {
    info()
      .then((i) => {
        peak.rss = Math.max(peak.rss, i.memory.rss);
        peak.heapUsed = Math.max(peak.heapUsed, i.memory.heapUsed);
      })
      .catch(() => undefined);
  }, 2000);
  const measure = async (fn: () => Promise<string>, ok: (r: string) => boolean) => {
    const t0 = performance.now();
    let reply = '';
    try {
      reply = await fn();
    } catch {
      reply = '';
    }
    latencies.push(performance.now() - t0);
    commands++;
    if (!ok(reply)) errors++;
  };
  const imap = async (w: number) => {
    let n = 0;
    while (performance.now() < deadline) {
      const c = await LineClient.connect(ports.imapPort);
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
      const c = await LineClient.connect(ports.pop3Port);
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
  const half = Math.floor(SESSIONS / 2);
  const t0 = performance.now();
  await Promise.all([
    ...Array.from({ length: half }, (_, w) => imap(w)),
    ...Array.from({ length: SESSIONS - half }, (_, w) => pop3(w)),
  ]);
  const elapsed = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const pushed = open.map((r) => r.bytes());
  await Promise.all(open.map((r) => r.close()));
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return { readers, rate: commands / elapsed, commands, errors, p50: pct(0.5), p99: pct(0.99), pushed };
}

const mib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

function printPhase(label: string, r: Awaited<ReturnType<typeof phase>>) {
  const perReader = r.pushed.length ? `, ${mib(Math.max(...r.pushed))} pushed per reader` : '';
  console.log(
    `  ${label.padEnd(10)} ${r.rate.toFixed(0).padStart(5)} commands/s, errors ${r.errors} of ${r.commands}, ` +
      `p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms${perReader}`,
  );
}

async function main() {
  const server = await serveBuild(PORT, {
    readyPath: '/api/live/state/',
    asNpmStart: true,
    env: {
      LIVE_POP3_PORT: '0',
      LIVE_IMAP_PORT: '0',
      LIVE_SMTP_PORT: '0',
      LIVE_IMAPS_PORT: '0',
      LIVE_POP3S_PORT: '0',
      LIVE_SUBMISSIONS_PORT: '0',
    },
  });
  try {
    const half = Math.floor(SESSIONS / 2);
    for (let i = 0; i < half; i++) {
      const add = await fetch(`${BASE}/api/live/actions/`, {
        method: 'POST',
        headers: ACTION_HEADERS,
        body: JSON.stringify({ action: 'addAccount', user: `bench${i}`, password: 'secret' }),
      });
      if (!add.ok) throw new Error(`addAccount answered ${add.status}: ${await add.text()}`);
      await fetch(`${BASE}/api/live/actions/`, {
        method: 'POST',
        headers: ACTION_HEADERS,
        body: JSON.stringify({
          action: 'deliver',
          user: `bench${i}`,
          from: 'bench@example.org',
          subject: 'Load',
          text: 'x'.repeat(2000),
        }),
      });
    }
    const before = await info();
    const peak = { rss: before.memory.rss, heapUsed: before.memory.heapUsed };
    console.log(`Live load: ${half} IMAP + ${SESSIONS - half} POP3 sessions, ${SECONDS} s per phase`);
    const results = [];
    for (const readers of [0, 1, 20]) {
      const r = await phase(readers, before, peak);
      results.push(r);
      printPhase(`${readers} readers`, r);
    }
    const cost = 1 - results[2]!.rate / results[0]!.rate;
    console.log(
      `  20 readers cost  ${(cost * 100).toFixed(0)} % of the throughput   (target < 20 %: ${verdict(cost < 0.2)})`,
    );
    if (BROWSER) {
      const page = await watchLivePage(BASE, BROWSER);
      const r = await phase(0, before, peak);
      printPhase('Live page', r);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const open = await page.openCount();
      const p = await page.stop();
      const worstInput = p.inputMs[p.inputMs.length - 1] ?? NaN;
      const medianInput = p.inputMs[Math.floor(p.inputMs.length / 2)] ?? NaN;
      console.log(
        `  page long tasks  ${p.longTasks}, longest ${p.longestTaskMs.toFixed(0)} ms, main thread blocked ${(p.blockedShare * 100).toFixed(0)} % ` +
          `of the time   (target: none over 200 ms: ${verdict(p.longestTaskMs <= 200)})`,
      );
      console.log(
        `  page input       ${p.clicks} clicks, input to next paint median ${medianInput.toFixed(0)} ms, worst ${worstInput.toFixed(0)} ms   (target ≤ 100 ms: ${verdict(worstInput <= 100)})`,
      );
      console.log(
        `  page lanes       moved under a still pointer ${p.lanesMoved} times of ${p.clicks} (target 0: ${verdict(p.lanesMoved === 0)}); ` +
          `at most ${p.maxNodes} elements; "${open ?? '?'} open sessions" once the load ended (target 0: ${verdict(open === 0)})`,
      );
    } else {
      console.log('  Live page        not measured (--no-page, or no Chromium: set CHROMIUM_PATH)');
    }
    await new Promise((r) => setTimeout(r, AFTER * 1000));
    const after = (await info()).memory;
    const m = before.memory;
    console.log(
      `  server RSS       before ${mib(m.rss)}, peak ${mib(peak.rss)}, ${AFTER} s after ${mib(after.rss)}   ` +
        `(target: within 20 % of before: ${verdict(after.rss <= m.rss * 1.2)})`,
    );
    console.log(
      `  server heap      used before ${mib(m.heapUsed)}, peak ${mib(peak.heapUsed)}, after ${mib(after.heapUsed)}; ` +
        `reserved ${mib(m.heapTotal)} → ${mib(after.heapTotal)}; external ${mib(m.external)} → ${mib(after.external)} ` +
        `(Buffers ${mib(m.arrayBuffers)} → ${mib(after.arrayBuffers)})`,
    );
  } finally {
    server.stop();
  }
}

void main();
