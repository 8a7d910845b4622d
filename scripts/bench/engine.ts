/**
 * npm run bench:engine — prints figures, no pass/fail (targets in issue 13). The server runs in
 * a child process (engine-server.ts, bundled by esbuild and run by plain node) and this process
 * is the outside load generator, over loopback TCP, so the server's memory and CPU are its own:
 *  1. a 10,000-message INBOX, warm: FETCH 1:* (FLAGS ENVELOPE), FETCH 1:* (FLAGS),
 *     UID SEARCH UNSEEN (median of 7 runs after 3 to warm up), and the server's RSS then;
 *  1b. in process: UID FETCH 1:* (FLAGS) (CHANGEDSINCE n) with 10 of 10,000 changed (changedsince.ts);
 *  2. a mixed load: N sessions, half IMAP (login → select → fetch envelopes → fetch one body →
 *     store → logout), half POP3 (user → pass → stat → list → uidl → retr → quit), looping for
 *     S seconds on 203-message mailboxes: commands/s, errors, p50/p99 latency, server RSS before
 *     and after.
 * Flags: --messages N (10000), --sessions N (50), --seconds N (20), --profile (the server
 * writes a V8 CPU profile to $TMPDIR/bench-profiles/), --heap-profile (a sampling heap profile),
 * --server-flags="..." (node/V8 flags for the server, e.g. --server-flags=--max-semi-space-size=2).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildSync } from 'esbuild';
import { changedSince } from './changedsince';
import { LineClient } from './line-client';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000' },
    sessions: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    profile: { type: 'boolean', default: false },
    'heap-profile': { type: 'boolean', default: false },
    'server-flags': { type: 'string', default: '' },
  },
});
const MESSAGES = Number(values.messages);
const SESSIONS = Number(values.sessions);
const SECONDS = Number(values.seconds);
const MIXED_MESSAGES = 203;

interface Memory {
  usage: NodeJS.MemoryUsage;
  /** V8 heap spaces: committed and used bytes. */
  spaces: { name: string; size: number; used: number }[];
  caches: Record<string, number>;
}

/** The server child: sends requests and waits for the reply of the given type. */
class ServerProcess {
  private constructor(private readonly child: ChildProcess) {}

  static async start(bundle: string): Promise<ServerProcess> {
    const execArgv = ['--expose-gc', ...values['server-flags'].split(' ').filter(Boolean)];
    const dir = join(tmpdir(), 'bench-profiles');
    if (values.profile) execArgv.push('--cpu-prof', `--cpu-prof-dir=${dir}`);
    if (values['heap-profile']) execArgv.push('--heap-prof', `--heap-prof-dir=${dir}`);
    const child = fork(bundle, [], { execArgv });
    const server = new ServerProcess(child);
    await server.reply('ready');
    return server;
  }

  private reply<T>(type: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: { type: string }) => {
        if (m.type !== type) return;
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        resolve(m as T);
      };
      const onExit = (code: number) => reject(new Error(`server exited (${code})`));
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
    });
  }

  async start(request: object): Promise<{ imap: number; pop3: number }> {
    this.child.send({ type: 'start', ...request });
    return this.reply('ports');
  }

  /** The server's memory; `gc: false` reads it as it is, without collecting garbage first. */
  async memory(gc = true): Promise<Memory> {
    this.child.send({ type: 'memory', gc });
    return this.reply('memory');
  }

  /** CPU time the server has used so far (user + system), in ms. */
  async cpu(): Promise<number> {
    this.child.send({ type: 'cpu' });
    const { usage } = await this.reply<{ usage: NodeJS.CpuUsage }>('cpu');
    return (usage.user + usage.system) / 1000;
  }

  async stop(): Promise<void> {
    this.child.send({ type: 'stop' });
    await once(this.child, 'exit');
  }
}

/**
 * The server compiled to one CommonJS file, run by plain node as a deployment would run it: under
 * tsx, its compiler and loader would add 20-30 MiB to the RSS that are not the server's.
 */
function serverBundle(): string {
  const outfile = join(tmpdir(), `bench-engine-server-${process.pid}.cjs`);
  buildSync({
    entryPoints: [new URL('./engine-server.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

const ms = (t: number) => `${t.toFixed(1)} ms`;
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await fn();
  return [performance.now() - t0, result];
}

interface Timing<T> {
  cold: number;
  /** Median wall time of the warm runs, ms. */
  warm: number;
  /** The server's CPU time per warm run (mean), ms: less sensitive to other load on the machine. */
  cpu: number;
  result: T;
}

/** Cold: the first run. Warm: the median of 7 runs after 3 more to let the JIT settle. */
async function coldAndWarm<T>(server: ServerProcess, fn: () => Promise<T>): Promise<Timing<T>> {
  const [cold, result] = await timed(fn);
  for (let i = 0; i < 3; i++) await fn();
  const runs: number[] = [];
  const cpu0 = await server.cpu();
  for (let i = 0; i < 7; i++) runs.push((await timed(fn))[0]);
  const cpu = ((await server.cpu()) - cpu0) / 7;
  runs.sort((a, b) => a - b);
  return { cold, warm: runs[3]!, cpu, result };
}

const figure = <T>(t: Timing<T>) => `warm ${ms(t.warm)} (server CPU ${ms(t.cpu)}; cold ${ms(t.cold)})`;

function printMemory(label: string, { usage, spaces, caches }: Memory) {
  const held = Object.entries(caches)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const space = spaces
    .filter((s) => s.size >= 1024 * 1024)
    .map((s) => `${s.name.replace(/_space$/, '')} ${mib(s.used)}/${mib(s.size)}`)
    .join(', ');
  console.log(`  ${label.padEnd(34)} RSS ${mib(usage.rss)}`);
  console.log(
    `    heap used ${mib(usage.heapUsed)} of ${mib(usage.heapTotal)} (${space}), external ${mib(usage.external)}; cached entries: ${held}`,
  );
}

async function bulk(bundle: string) {
  const server = await ServerProcess.start(bundle);
  const empty = await server.memory();
  const { imap: port } = await server.start({ store: 'bulk', messages: MESSAGES });
  const loaded = await server.memory();
  const imap = await LineClient.connect(port);
  await imap.greeting();
  await imap.imap('a1', 'LOGIN bulk secret');
  await imap.imap('a2', 'SELECT INBOX');
  let n = 0;
  const command = (text: string) => () => imap.imap(`b${n++}`, text);
  const env = await coldAndWarm(server, command('FETCH 1:* (FLAGS ENVELOPE)'));
  const flags = await coldAndWarm(server, command('FETCH 1:* (FLAGS)'));
  const search = await coldAndWarm(server, command('UID SEARCH UNSEEN'));
  const hits = search.result.split('\r\n', 1)[0]!.split(' ').length - 2;
  const fetched = await server.memory();
  imap.close();
  await server.stop();
  console.log(`Over loopback TCP, ${MESSAGES} messages (server in a child process), warm = median of 7:`);
  console.log(`  FETCH 1:* (FLAGS ENVELOPE)  ${figure(env)}, ${mib(env.result.length)}   (target <= 59 ms)`);
  console.log(`  FETCH 1:* (FLAGS)           ${figure(flags)}   (target <= 17 ms)`);
  console.log(`  UID SEARCH UNSEEN           ${figure(search)}, ${hits} hits   (target <= 4.2 ms)`);
  printMemory('server with no store', empty);
  printMemory('after loading the messages', loaded);
  printMemory('after FETCH and SEARCH', fetched);
  console.log(`  (target: RSS <= 120 MiB)`);
}

async function mixedLoad(bundle: string) {
  const server = await ServerProcess.start(bundle);
  const imapSessions = Math.ceil(SESSIONS / 2);
  const popSessions = SESSIONS - imapSessions;
  const ports = await server.start({ store: 'mixed', messages: MIXED_MESSAGES, popAccounts: popSessions });
  const memStart = await server.memory();
  const latencies: number[] = [];
  let commands = 0;
  let errors = 0;
  const deadline = performance.now() + SECONDS * 1000;

  const measure = async (fn: () => Promise<string>, ok: (reply: string) => boolean) => {
    const t0 = performance.now();
    const reply = await fn();
    latencies.push(performance.now() - t0);
    commands++;
    if (!ok(reply)) errors++;
  };
  const imapOk = (tag: string) => (r: string) => r.includes(`\r\n${tag} OK`) || r.startsWith(`${tag} OK`);
  const popOk = (r: string) => r.startsWith('+OK');

  const imapWorker = async (w: number) => {
    let n = 0;
    while (performance.now() < deadline) {
      const c = await LineClient.connect(ports.imap);
      await c.greeting();
      for (const cmd of [
        'LOGIN student secret',
        'SELECT INBOX',
        'FETCH 1:* (FLAGS ENVELOPE)',
        'FETCH 2 BODY.PEEK[]',
        'STORE 2 FLAGS (\\Flagged)',
        'LOGOUT',
      ]) {
        const tag = `w${w}n${n++}`;
        await measure(() => c.imap(tag, cmd), imapOk(tag));
      }
      c.close();
    }
  };
  const popWorker = async (w: number) => {
    while (performance.now() < deadline) {
      const c = await LineClient.connect(ports.pop3);
      await c.greeting();
      for (const [cmd, multi] of [
        [`USER pop${w}`, false],
        ['PASS secret', false],
        ['STAT', false],
        ['LIST', true],
        ['UIDL', true],
        ['RETR 1', true],
        ['QUIT', false],
      ] as const) {
        await measure(() => c.pop3(cmd, multi), popOk);
      }
      c.close();
    }
  };
  const cpu0 = await server.cpu();
  // RSS a quarter, half and three quarters of the way, without a forced GC: does it level off?
  const during: Promise<Memory>[] = [];
  for (const k of [1, 2, 3]) setTimeout(() => during.push(server.memory(false)), (SECONDS * 1000 * k) / 4);
  const t0 = performance.now();
  await Promise.all([
    ...Array.from({ length: imapSessions }, (_, w) => imapWorker(w)),
    ...Array.from({ length: popSessions }, (_, w) => popWorker(w)),
  ]);
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = (await server.cpu()) - cpu0;
  // Let the server see the last connections close before measuring.
  await new Promise((r) => setTimeout(r, 200));
  const memEnd = await server.memory();
  await server.stop();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!;
  console.log(
    `Mixed load over loopback TCP: ${imapSessions} IMAP + ${popSessions} POP3 sessions looping for ${SECONDS} s on ${MIXED_MESSAGES}-message mailboxes (load generator in this process):`,
  );
  console.log(
    `  commands/s  ${(commands / elapsed).toFixed(0)}   (target >= 6500; server CPU ${((cpu * 1000) / commands).toFixed(0)} µs a command)`,
  );
  console.log(`  errors      ${errors} of ${commands}   (target 0)`);
  console.log(`  latency     p50 ${ms(pct(0.5))}, p99 ${ms(pct(0.99))}`);
  const rssDuring = (await Promise.all(during)).map((m) => mib(m.usage.rss)).join(', ');
  printMemory('server before', memStart);
  console.log(
    `  server during                      RSS ${rssDuring} (at 1/4, 1/2, 3/4 of the run, no forced GC)`,
  );
  printMemory('server after', memEnd);
  console.log(`  (target: flat)`);
}

async function main() {
  const bundle = serverBundle();
  try {
    // CONDSTORE (issue 16), in process: its own block, see changedsince.ts.
    changedSince();
    console.log();
    await bulk(bundle);
    await mixedLoad(bundle);
  } finally {
    rmSync(bundle, { force: true });
  }
}

void main();
