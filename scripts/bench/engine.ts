/**
 * npm run bench:engine — prints figures, no pass/fail (targets in issue 13). Our server runs in
 * a child process (engine-ours.ts) with the node flags we ship (lib/live/node-flags.json), and
 * this process is the outside load generator, over loopback TCP (engine-measure.ts):
 *  1. a 10,000-message INBOX, warm: FETCH 1:* (FLAGS ENVELOPE), FETCH 1:* (FLAGS),
 *     UID SEARCH UNSEEN (median of 7 runs after 3 to warm up), and the server's RSS then;
 *  1b. in process: UID FETCH 1:* (FLAGS) (CHANGEDSINCE n) with 10 of 10,000 changed (changedsince.ts);
 *  2. a mixed load: N sessions, half IMAP, half POP3, looping for S seconds on 203-message
 *     mailboxes: commands/s, errors, p50/p99 latency, server RSS cold, before (after a 5 s
 *     warm-up of the same load), during and after; flat = after within 10 % of before. Then the
 *     same load again for S seconds (round 2): RSS after round 2 against after round 1, the
 *     steady state a server operator sees. After a forced GC the RSS is read 250 ms later
 *     (engine-server.ts: V8 unmaps emptied pages on a background thread). With --idle N, a
 *     third round, then the RSS every 5 s for N seconds with no forced GC, as
 *     `npm run mail-server` runs (V8's own memory reducer is what gives memory back then).
 * With --dovecot, the same measurements of Dovecot 2.3 (installed from apt if missing and we are
 * root; scripts/bench/dovecot/), with the same messages, printed side by side with ours.
 * Flags: --messages N (10000), --sessions N (50), --seconds N (20), --idle N (0), --dovecot, --profile (the
 * server writes a V8 CPU profile to $TMPDIR/bench-profiles/), --heap-profile (a sampling heap
 * profile), --server-flags="..." (node/V8 flags for our server instead of the shipped ones;
 * --server-flags= for none).
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { changedSince } from './changedsince';
import { ensureDovecot } from './dovecot/install';
import { DovecotInstance } from './dovecot/instance';
import {
  measureBulk,
  measureMixed,
  type BulkFigures,
  type MixedFigures,
  type Timing,
} from './engine-measure';
import {
  mib,
  printMemory,
  serverBundle,
  ServerProcess,
  SHIPPED_NODE_FLAGS,
  type Memory,
} from './engine-ours';
import packageJson from '../../package.json';
import { benchMailboxes } from './mailboxes';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000' },
    sessions: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    idle: { type: 'string', default: '0' },
    dovecot: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'heap-profile': { type: 'boolean', default: false },
    'server-flags': { type: 'string' },
  },
});
const MESSAGES = Number(values.messages);
const SECONDS = Number(values.seconds);
/** Seconds of idle sampling after a third round, no forced GC (0: no third round). */
const IDLE_SECONDS = Number(values.idle);
const IMAP_SESSIONS = Math.ceil(Number(values.sessions) / 2);
const POP_SESSIONS = Number(values.sessions) - IMAP_SESSIONS;
const MIXED_MESSAGES = 203;
const NODE_FLAGS = values['server-flags']?.split(' ').filter(Boolean) ?? SHIPPED_NODE_FLAGS;
/** RSS after the mixed load within this much of before counts as flat. */
const FLAT = 0.1;
/**
 * Seconds of the same mixed load run before "before" is measured: memory a server takes once
 * (JIT-compiled code, its bounded caches filling for these mailboxes, connection buffers) is
 * not growth under load. The cold figure is printed too.
 */
const WARMUP_SECONDS = 5;

/** One server's figures, for the side-by-side table. */
interface Column {
  bulk: BulkFigures;
  /** Memory after the 10,000 messages are loaded, fetched and searched, bytes. */
  rssBulk: number;
  mixed: MixedFigures;
  rssBefore: number;
  /** Without a forced GC (ours), at 1/8 … 7/8 of the load. */
  rssDuring: number[];
  rssAfter: number;
  /** After a second run of the same mixed load (round 2). */
  rssAfter2: number;
  mixed2: MixedFigures;
}

const ms = (t: number) => `${t.toFixed(1)} ms`;
const pct = (from: number, to: number) =>
  `${to >= from ? '+' : ''}${(((to - from) / from) * 100).toFixed(0)} %`;
const figure = (t: Timing) => `warm ${ms(t.warm)} (server CPU ${ms(t.cpu)}; cold ${ms(t.cold)})`;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

function serverOptions() {
  const profileDir = join(tmpdir(), 'bench-profiles');
  return {
    nodeFlags: NODE_FLAGS,
    cpuProfile: values.profile,
    heapProfile: values['heap-profile'],
    profileDir,
  };
}

async function oursBulk(bundle: string): Promise<Pick<Column, 'bulk' | 'rssBulk'>> {
  const server = await ServerProcess.start(bundle, serverOptions());
  const empty = await server.memory();
  const { imap: port } = await server.start({ store: 'bulk', messages: MESSAGES });
  const loaded = await server.memory();
  let fetched: Memory | undefined;
  const bulk = await measureBulk(server, port, 'bulk', async () => void (fetched = await server.memory()));
  await server.stop();
  console.log(
    `Ours, over loopback TCP, ${MESSAGES} messages (server in a child process), warm = median of 7:`,
  );
  console.log(
    `  FETCH 1:* (FLAGS ENVELOPE)  ${figure(bulk.envelope)}, ${mib(bulk.envelope.reply.length)}   (target <= 59 ms)`,
  );
  console.log(`  FETCH 1:* (FLAGS)           ${figure(bulk.flags)}   (target <= 17 ms)`);
  console.log(`  UID SEARCH UNSEEN           ${figure(bulk.search)}, ${bulk.hits} hits   (target <= 4.2 ms)`);
  printMemory('server with no store', empty);
  printMemory('after loading the messages', loaded);
  printMemory('after FETCH and SEARCH', fetched!);
  console.log(`  (target: RSS <= 120 MiB)`);
  return { bulk, rssBulk: fetched!.usage.rss };
}

async function oursMixed(bundle: string): Promise<Omit<Column, 'bulk' | 'rssBulk'>> {
  const server = await ServerProcess.start(bundle, serverOptions());
  const ports = await server.start({ store: 'mixed', messages: MIXED_MESSAGES, popAccounts: POP_SESSIONS });
  const cold = await server.memory();
  await measureMixed(server, ports, IMAP_SESSIONS, POP_SESSIONS, WARMUP_SECONDS, () => {});
  await sleep(200);
  const before = await server.memory();
  const during: Promise<Memory>[] = [];
  const mixed = await measureMixed(server, ports, IMAP_SESSIONS, POP_SESSIONS, SECONDS, () =>
    during.push(server.memory(false)),
  );
  // Let the server see the last connections close before measuring.
  await sleep(200);
  const after = await server.memory();
  const mixed2 = await measureMixed(server, ports, IMAP_SESSIONS, POP_SESSIONS, SECONDS, () => {});
  await sleep(200);
  const after2 = await server.memory();
  const idle: Memory[] = [];
  if (IDLE_SECONDS > 0) {
    await measureMixed(server, ports, IMAP_SESSIONS, POP_SESSIONS, SECONDS, () => {});
    for (let t = 0; t <= IDLE_SECONDS; t += 5) {
      if (t) await sleep(5000);
      idle.push(await server.memory(false));
    }
  }
  await server.stop();
  const rssDuring = (await Promise.all(during)).map((m) => m.usage.rss);
  console.log(
    `Ours, mixed load over loopback TCP: ${IMAP_SESSIONS} IMAP + ${POP_SESSIONS} POP3 sessions looping for ${SECONDS} s on ${MIXED_MESSAGES}-message mailboxes (load generator in this process):`,
  );
  printMixed(mixed);
  printMemory('server cold', cold);
  printMemory(`server before (${WARMUP_SECONDS} s warm-up)`, before);
  console.log(
    `  server during                      RSS ${rssDuring.map(mib).join(', ')} (at 1/8 … 7/8 of the run, no forced GC)`,
  );
  printMemory('server after', after);
  printFlat(before.usage.rss, rssDuring, after.usage.rss);
  console.log(
    `  cold → before: ${mib(cold.usage.rss)} → ${mib(before.usage.rss)} (${pct(cold.usage.rss, before.usage.rss)}), taken once by the warm-up`,
  );
  console.log(`Ours, round 2: the same mixed load again for ${SECONDS} s:`);
  printMixed(mixed2);
  printMemory('server after round 2', after2);
  printSteady(after.usage.rss, after2.usage.rss);
  if (idle.length) {
    const young = (m: Memory) => mib(m.spaces.find((x) => x.name === 'new_space')?.size ?? 0);
    console.log(
      `Ours, round 3 then idle, no forced GC (as npm run mail-server runs), every 5 s from the end of the load:`,
    );
    console.log(`  RSS ${idle.map((m) => mib(m.usage.rss)).join(', ')}`);
    console.log(`  young generation committed ${idle.map(young).join(', ')}`);
  }
  return {
    mixed,
    rssBefore: before.usage.rss,
    rssDuring,
    rssAfter: after.usage.rss,
    mixed2,
    rssAfter2: after2.usage.rss,
  };
}

function printMixed(m: MixedFigures) {
  const cpuEach = m.commands ? `${((m.cpu * 1000) / m.commands).toFixed(0)} µs` : '-';
  console.log(
    `  commands/s  ${(m.commands / m.seconds).toFixed(0)}   (target >= 6500; server CPU ${cpuEach} a command)`,
  );
  console.log(
    `  errors      ${m.errors} of ${m.commands}   (target 0)${m.firstError ? `; first: ${JSON.stringify(m.firstError)}` : ''}`,
  );
  console.log(`  latency     p50 ${ms(m.p50)}, p99 ${ms(m.p99)}`);
}

/**
 * Flat: the RSS after the load (after a forced GC) within FLAT of the RSS before it. Also shown:
 * the change while the load runs, from 2/8 to 7/8 of the way (no forced GC), which a leak grows.
 */
function printFlat(before: number, during: number[], after: number) {
  const verdict = Math.abs(after - before) <= before * FLAT ? 'flat' : 'NOT flat';
  console.log(
    `  RSS before → after: ${mib(before)} → ${mib(after)} (${pct(before, after)}): ${verdict} (flat: within ${FLAT * 100} %)`,
  );
  const [early, late] = [during[1], during[6]];
  if (early && late)
    console.log(`  RSS under load, 2/8 → 7/8 of the run: ${mib(early)} → ${mib(late)} (${pct(early, late)})`);
}

/**
 * The steady state: RSS after round 2 within FLAT of after round 1 (both after a forced GC, for
 * ours). What the first load took once is in both; what a load leaves behind would be in round 2
 * twice.
 */
function printSteady(after1: number, after2: number) {
  const verdict = Math.abs(after2 - after1) <= after1 * FLAT ? 'flat' : 'NOT flat';
  console.log(
    `  RSS after round 1 → after round 2: ${mib(after1)} → ${mib(after2)} (${pct(after1, after2)}): ${verdict} (steady state; flat: within ${FLAT * 100} %)`,
  );
}

async function dovecot(): Promise<(Column & { version: string }) | string> {
  const available = ensureDovecot();
  if (!available.ok) return available.why;
  const mailboxes = benchMailboxes(MESSAGES, MIXED_MESSAGES, POP_SESSIONS);
  const instance = await DovecotInstance.start(mailboxes);
  try {
    const server = { cpu: async () => instance.cpu() };
    let bulkMemory = instance.memory();
    const bulk = await measureBulk(server, instance.imapPort, 'bulk', async () => {
      bulkMemory = instance.memory();
    });
    const rssBulk = bulkMemory.rss;
    await sleep(500); // the bulk session's process exits
    const ports = { imap: instance.imapPort, pop3: instance.pop3Port };
    const rssCold = instance.memory().rss;
    await measureMixed(server, ports, IMAP_SESSIONS, POP_SESSIONS, WARMUP_SECONDS, () => {});
    await sleep(500);
    const rssBefore = instance.memory().rss;
    const rssDuring: number[] = [];
    const mixed = await measureMixed(server, ports, IMAP_SESSIONS, POP_SESSIONS, SECONDS, () =>
      rssDuring.push(instance.memory().rss),
    );
    await sleep(500);
    const rssAfter = instance.memory().rss;
    const mixed2 = await measureMixed(server, ports, IMAP_SESSIONS, POP_SESSIONS, SECONDS, () => {});
    await sleep(500);
    const rssAfter2 = instance.memory().rss;
    console.log(`Dovecot ${available.version}, the same measurements (RSS summed over its processes):`);
    console.log(`  FETCH 1:* (FLAGS ENVELOPE)  ${figure(bulk.envelope)}, ${mib(bulk.envelope.reply.length)}`);
    console.log(`  FETCH 1:* (FLAGS)           ${figure(bulk.flags)}`);
    console.log(`  UID SEARCH UNSEEN           ${figure(bulk.search)}, ${bulk.hits} hits`);
    console.log(
      `  RSS after FETCH and SEARCH  ${mib(rssBulk)} (PSS ${mib(bulkMemory.pss)}: shared pages divided among its ${bulkMemory.processes} processes)`,
    );
    printMixed(mixed);
    console.log(
      `  RSS cold → before           ${mib(rssCold)} → ${mib(rssBefore)} (${WARMUP_SECONDS} s warm-up of the same load)`,
    );
    console.log(`  RSS during                  ${rssDuring.map(mib).join(', ')} (at 1/8 … 7/8 of the run)`);
    printFlat(rssBefore, rssDuring, rssAfter);
    console.log(`  round 2 (the same load again):`);
    printMixed(mixed2);
    printSteady(rssAfter, rssAfter2);
    if (mixed.errors || mixed2.errors)
      console.log(`  Dovecot's log, last lines:\n${instance.log().split('\n').slice(-10).join('\n')}`);
    return {
      version: available.version,
      bulk,
      rssBulk,
      mixed,
      rssBefore,
      rssDuring,
      rssAfter,
      mixed2,
      rssAfter2,
    };
  } finally {
    await instance.stop();
  }
}

/** Ours and Dovecot's figures in two columns. */
function sideBySide(ours: Column, theirs: Column & { version: string }) {
  const rows: [string, (c: Column) => string][] = [
    [
      'FETCH 1:* (FLAGS ENVELOPE), warm (CPU)',
      (c) => `${ms(c.bulk.envelope.warm)} (${ms(c.bulk.envelope.cpu)})`,
    ],
    ['FETCH 1:* (FLAGS), warm (CPU)', (c) => `${ms(c.bulk.flags.warm)} (${ms(c.bulk.flags.cpu)})`],
    ['UID SEARCH UNSEEN, warm (CPU)', (c) => `${ms(c.bulk.search.warm)} (${ms(c.bulk.search.cpu)})`],
    [`RSS after ${MESSAGES} messages`, (c) => mib(c.rssBulk)],
    ['mixed: commands/s', (c) => (c.mixed.commands / c.mixed.seconds).toFixed(0)],
    [
      'mixed: server CPU a command',
      (c) => `${((c.mixed.cpu * 1000) / Math.max(1, c.mixed.commands)).toFixed(0)} µs`,
    ],
    ['mixed: errors', (c) => `${c.mixed.errors} of ${c.mixed.commands}`],
    ['mixed: p50 / p99', (c) => `${ms(c.mixed.p50)} / ${ms(c.mixed.p99)}`],
    [
      'mixed: RSS before → after',
      (c) => `${mib(c.rssBefore)} → ${mib(c.rssAfter)} (${pct(c.rssBefore, c.rssAfter)})`,
    ],
    [
      'mixed: RSS after round 1 → round 2',
      (c) => `${mib(c.rssAfter)} → ${mib(c.rssAfter2)} (${pct(c.rssAfter, c.rssAfter2)})`,
    ],
    ['mixed round 2: errors, p99', (c) => `${c.mixed2.errors} of ${c.mixed2.commands}, ${ms(c.mixed2.p99)}`],
    [
      'mixed: RSS during, min–max',
      (c) => `${mib(Math.min(...c.rssDuring))}–${mib(Math.max(...c.rssDuring))}`,
    ],
  ];
  console.log(`\nSide by side (ours with node ${NODE_FLAGS.join(' ') || '(no flags)'}):`);
  console.log(`  ${''.padEnd(40)} ${'ours'.padEnd(30)} Dovecot ${theirs.version.split(' ')[0]}`);
  for (const [label, cell] of rows)
    console.log(`  ${label.padEnd(40)} ${cell(ours).padEnd(30)} ${cell(theirs)}`);
}

async function main() {
  const bundle = serverBundle();
  try {
    // CONDSTORE (issue 16), in process: its own block, see changedsince.ts.
    changedSince();
    console.log();
    const missing = SHIPPED_NODE_FLAGS.filter((f) => !packageJson.scripts['mail-server'].includes(f));
    if (missing.length)
      console.log(`Warning: npm run mail-server lacks the shipped node flags ${missing.join(' ')}`);
    console.log(
      `Our server runs with node ${NODE_FLAGS.join(' ') || '(no flags)'} (shipped: ${SHIPPED_NODE_FLAGS.join(' ')})`,
    );
    const ours = { ...(await oursBulk(bundle)), ...(await oursMixed(bundle)) };
    if (!values.dovecot) return;
    console.log();
    const theirs = await dovecot();
    if (typeof theirs === 'string') console.log(`No Dovecot column: ${theirs}`);
    else sideBySide(ours, theirs);
  } finally {
    rmSync(bundle, { force: true });
  }
}

void main();
