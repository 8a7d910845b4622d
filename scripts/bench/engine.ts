/**
 * npm run bench:engine — prints figures, no pass/fail (targets in the engine issue):
 *  1. in-process, 10,000-message INBOX: SELECT + FETCH 1:* (FLAGS ENVELOPE), UID SEARCH, POP3 LIST + UIDL
 *  2. the same over loopback TCP
 *  3. a mixed load of concurrent IMAP and POP3 sessions over loopback TCP
 * Flags: --messages N (10000), --sessions N (40), --seconds N (20).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ImapSession } from '../../lib/imap/session';
import { startLiveServer } from '../../lib/live/server';
import { generateMessages, seedAccount } from '../../lib/mailstore/seed';
import { MailStore } from '../../lib/mailstore/store';
import { Pop3Session } from '../../lib/pop3/session';
import { LoopbackConnection } from '../../lib/session/loopback';
import { createServerContext } from '../../lib/session/types';
import { LineClient } from './line-client';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000' },
    sessions: { type: 'string', default: '40' },
    seconds: { type: 'string', default: '20' },
  },
});
const MESSAGES = Number(values.messages);
const SESSIONS = Number(values.sessions);
const SECONDS = Number(values.seconds);

function bigStore(): MailStore {
  const store = new MailStore({ clock: { now: () => Date.UTC(2026, 2, 1) } });
  const account = store.addAccount('bulk', 'secret');
  for (const raw of generateMessages(MESSAGES, 10)) account.inbox.append(raw, [], Date.UTC(2026, 1, 1));
  return store;
}

const ms = (t: number) => `${t.toFixed(1)} ms`;

async function timed<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await fn();
  return [performance.now() - t0, result];
}

/** Cold: the first run. Warm: the median of 5 runs after 3 more to let the JIT settle. */
async function coldAndWarm<T>(fn: () => T | Promise<T>): Promise<[number, number, T]> {
  const [cold, result] = await timed(fn);
  for (let i = 0; i < 3; i++) await fn();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push((await timed(fn))[0]);
  runs.sort((a, b) => a - b);
  return [cold, runs[2]!, result];
}

async function inProcess() {
  const context = createServerContext(bigStore());
  const imap = new LoopbackConnection((io) => new ImapSession(context, io), { keepEvents: false });
  imap.take();
  imap.send('a1 LOGIN bulk secret');
  const selectFetch = () => {
    imap.send('a2 SELECT INBOX');
    return imap.send('a3 FETCH 1:* (FLAGS ENVELOPE)').length;
  };
  const [cold, warm] = await coldAndWarm(selectFetch);
  const [search, hits] = await timed(() => imap.send('a4 UID SEARCH FROM sender3 UNSEEN'));
  const pop = new LoopbackConnection((io) => new Pop3Session(context, io), { keepEvents: false });
  pop.take();
  pop.send('USER bulk');
  pop.send('PASS secret');
  const [listUidl] = await timed(() => pop.send('LIST').length + pop.send('UIDL').length);
  console.log(`In-process, ${MESSAGES} messages:`);
  console.log(`  SELECT + FETCH 1:* (FLAGS ENVELOPE)  cold ${ms(cold)}, warm ${ms(warm)}   (target < 50 ms)`);
  console.log(`  UID SEARCH FROM sender3 UNSEEN       ${ms(search)}  (${hits.split(' ').length - 2} hits)`);
  console.log(`  POP3 LIST + UIDL                     ${ms(listUidl)}`);
}

async function overTcp() {
  const server = await startLiveServer({ store: bigStore(), pop3Port: 0, imapPort: 0 });
  const port = (p: string) => server.listeners.find((l) => l.protocol === p)!.port;
  const imap = await LineClient.connect(port('imap'));
  await imap.greeting();
  await imap.imap('a1', 'LOGIN bulk secret');
  const round = async () => {
    await imap.imap('a2', 'SELECT INBOX');
    return (await imap.imap('a3', 'FETCH 1:* (FLAGS ENVELOPE)')).length;
  };
  const [cold, warm, bytes] = await coldAndWarm(round);
  const [search] = await timed(() => imap.imap('a4', 'UID SEARCH FROM sender3 UNSEEN'));
  const pop = await LineClient.connect(port('pop3'));
  await pop.greeting();
  await pop.pop3('USER bulk', false);
  await pop.pop3('PASS secret', false);
  const [listUidl] = await timed(
    async () => (await pop.pop3('LIST', true)).length + (await pop.pop3('UIDL', true)).length,
  );
  imap.close();
  pop.close();
  await server.close();
  console.log(`Over loopback TCP, ${MESSAGES} messages:`);
  console.log(
    `  SELECT + FETCH 1:* (FLAGS ENVELOPE)  cold ${ms(cold)}, warm ${ms(warm)}, ${(bytes / 1024 / 1024).toFixed(1)} MiB   (target < 40 ms; Dovecot ~80 ms)`,
  );
  console.log(`  UID SEARCH FROM sender3 UNSEEN       ${ms(search)}`);
  console.log(`  POP3 LIST + UIDL                     ${ms(listUidl)}`);
}

async function mixedLoad() {
  const store = new MailStore();
  seedAccount(store.addAccount('student', 'secret'));
  // POP3 locks the maildrop, so each POP3 worker has its own account.
  for (let i = 0; i < SESSIONS; i++) seedAccount(store.addAccount(`pop${i}`, 'secret'));
  const server = await startLiveServer({ store, pop3Port: 0, imapPort: 0, maxSessions: SESSIONS * 2 + 10 });
  const port = (p: string) => server.listeners.find((l) => l.protocol === p)!.port;
  const latencies: number[] = [];
  let commands = 0;
  let errors = 0;
  const deadline = performance.now() + SECONDS * 1000;
  gc();
  const memStart = process.memoryUsage();

  const measure = async (fn: () => Promise<string>, ok: (reply: string) => boolean) => {
    const t0 = performance.now();
    const reply = await fn();
    latencies.push(performance.now() - t0);
    commands++;
    if (!ok(reply)) errors++;
  };
  const imapOk = (tag: string) => (r: string) => new RegExp(`(^|\\r\\n)${tag} OK`).test(r);
  const popOk = (r: string) => r.startsWith('+OK');

  const imapWorker = async (w: number) => {
    let n = 0;
    while (performance.now() < deadline) {
      const c = await LineClient.connect(port('imap'));
      await c.greeting();
      const t = () => `w${w}n${n++}`;
      for (const [cmd, tag] of [
        ['LOGIN student secret', t()],
        ['SELECT INBOX', t()],
        ['FETCH 1:* (FLAGS ENVELOPE)', t()],
        ['FETCH 2 BODY.PEEK[]', t()],
        ['STORE 2 FLAGS (\\Flagged)', t()],
        ['LOGOUT', t()],
      ] as const) {
        await measure(() => c.imap(tag, cmd), imapOk(tag));
      }
      c.close();
    }
  };
  const popWorker = async (w: number) => {
    while (performance.now() < deadline) {
      const c = await LineClient.connect(port('pop3'));
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
  const t0 = performance.now();
  await Promise.all([
    ...Array.from({ length: SESSIONS / 2 }, (_, w) => imapWorker(w)),
    ...Array.from({ length: SESSIONS / 2 }, (_, w) => popWorker(w)),
  ]);
  const elapsed = (performance.now() - t0) / 1000;
  await server.close();
  gc();
  const memEnd = process.memoryUsage();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!;
  const mib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
  console.log(
    `Mixed load over loopback TCP: ${SESSIONS / 2} IMAP + ${SESSIONS / 2} POP3 sessions looping for ${SECONDS} s (clients in the same process):`,
  );
  console.log(`  commands/s  ${(commands / elapsed).toFixed(0)}   (target >= 2000; Dovecot ~200)`);
  console.log(`  latency     p50 ${ms(pct(0.5))}, p99 ${ms(pct(0.99))}`);
  console.log(`  errors      ${errors} of ${commands}   (target 0)`);
  console.log(`  heap        start ${mib(memStart.heapUsed)}, end ${mib(memEnd.heapUsed)}   (target: flat)`);
}

function gc() {
  (globalThis as { gc?: () => void }).gc?.();
}

async function main() {
  await inProcess();
  await overTcp();
  await mixedLoad();
}

void main();
