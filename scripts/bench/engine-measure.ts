/**
 * The measurements of `npm run bench:engine`, the same for every server measured (ours, and
 * Dovecot with `--dovecot`): the load generator is this process, over loopback TCP.
 */
import { performance } from 'node:perf_hooks';
import { LineClient } from './line-client';

/** What a measurement needs of the server beyond its ports: the CPU time it has used so far, ms. */
export interface MeasuredServer {
  cpu(): Promise<number>;
}

/** One command timed: the first run, and the warm runs after it. */
export interface Timing {
  /** The first run's wall time, ms. */
  cold: number;
  /** Median wall time of 7 warm runs, ms. */
  warm: number;
  /** The server's CPU time per warm run (mean), ms: less sensitive to other load on the machine. */
  cpu: number;
  /** The first run's reply. */
  reply: string;
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await fn();
  return [performance.now() - t0, result];
}

/** Cold: the first run. Warm: the median of 7 runs after 3 more to let caches and the JIT settle. */
async function coldAndWarm(server: MeasuredServer, fn: () => Promise<string>): Promise<Timing> {
  const [cold, reply] = await timed(fn);
  for (let i = 0; i < 3; i++) await fn();
  const runs: number[] = [];
  const cpu0 = await server.cpu();
  for (let i = 0; i < 7; i++) runs.push((await timed(fn))[0]);
  const cpu = ((await server.cpu()) - cpu0) / 7;
  runs.sort((a, b) => a - b);
  return { cold, warm: runs[3]!, cpu, reply };
}

/** The large-mailbox figures. */
export interface BulkFigures {
  envelope: Timing;
  flags: Timing;
  search: Timing;
  /** UIDs the SEARCH found. */
  hits: number;
}

/**
 * Logs in as `user` (password `secret`), selects INBOX and times `FETCH 1:* (FLAGS ENVELOPE)`,
 * `FETCH 1:* (FLAGS)` and `UID SEARCH UNSEEN`. `whileOpen` runs before the session ends (to read
 * the server's memory with the mailbox still selected).
 */
export async function measureBulk(
  server: MeasuredServer,
  port: number,
  user: string,
  whileOpen: () => Promise<void>,
): Promise<BulkFigures> {
  const imap = await LineClient.connect(port);
  try {
    await imap.greeting();
    await imap.imap('a1', `LOGIN ${user} secret`);
    await imap.imap('a2', 'SELECT INBOX');
    let n = 0;
    const command = (text: string) => () => imap.imap(`b${n++}`, text);
    const envelope = await coldAndWarm(server, command('FETCH 1:* (FLAGS ENVELOPE)'));
    const flags = await coldAndWarm(server, command('FETCH 1:* (FLAGS)'));
    const search = await coldAndWarm(server, command('UID SEARCH UNSEEN'));
    const hits = search.reply.split('\r\n', 1)[0]!.split(' ').length - 2;
    await whileOpen();
    return { envelope, flags, search, hits };
  } finally {
    imap.close();
  }
}

/** The mixed-load figures. */
export interface MixedFigures {
  commands: number;
  /** Wall time of the load, s. */
  seconds: number;
  /** The server's CPU time over the load, ms. */
  cpu: number;
  errors: number;
  /** The first failed reply (its first 200 characters), to say why. */
  firstError: string | null;
  p50: number;
  p99: number;
}

/**
 * Runs the mixed load: `imapSessions` sessions as `student` looping LOGIN → SELECT →
 * `FETCH 1:* (FLAGS ENVELOPE)` → `FETCH 2 BODY.PEEK[]` → STORE → LOGOUT, and `popSessions`
 * sessions as `pop0…` (this POP3 server locks the maildrop for a session, RFC 1939 §4) looping USER → PASS → STAT → LIST
 * → UIDL → RETR 1 → QUIT, for `seconds`; `sample(k)` is called at k/8 of the way (k = 1…7).
 */
export async function measureMixed(
  server: MeasuredServer,
  ports: { imap: number; pop3: number },
  imapSessions: number,
  popSessions: number,
  seconds: number,
  sample: (k: number) => void,
): Promise<MixedFigures> {
  const latencies: number[] = [];
  let commands = 0;
  let errors = 0;
  let firstError: string | null = null;
  const deadline = performance.now() + seconds * 1000;

  const measure = async (fn: () => Promise<string>, ok: (reply: string) => boolean) => {
    const t0 = performance.now();
    const reply = await fn();
    latencies.push(performance.now() - t0);
    commands++;
    if (!ok(reply)) {
      errors++;
      firstError ??= reply.slice(0, 200);
    }
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
  const timers = [1, 2, 3, 4, 5, 6, 7].map((k) => setTimeout(() => sample(k), (seconds * 1000 * k) / 8));
  const t0 = performance.now();
  await Promise.all([
    ...Array.from({ length: imapSessions }, (_, w) => imapWorker(w)),
    ...Array.from({ length: popSessions }, (_, w) => popWorker(w)),
  ]);
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = (await server.cpu()) - cpu0;
  timers.forEach(clearTimeout);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return { commands, seconds: elapsed, cpu, errors, firstError, p50: pct(0.5), p99: pct(0.99) };
}
