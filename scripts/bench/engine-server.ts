/**
 * The server side of `npm run bench:engine`, run as a child process so that its memory and CPU
 * are the server's alone (the load generator is the parent). Driven over IPC:
 *  - `{ type: 'start', store: 'bulk', messages }`: one account `bulk` with that many generated
 *    messages in INBOX; `{ type: 'start', store: 'mixed', messages, popAccounts }`: `student`
 *    and `pop0…` accounts, each INBOX the 6 seed messages plus generated ones up to `messages`
 *    (mailboxes.ts: the same messages Dovecot gets with --dovecot).
 *    Replies `{ type: 'ports', imap, pop3 }`.
 *  - `{ type: 'memory', gc? }`: collects garbage (unless gc is false) and waits SETTLE_MS, replies
 *    `{ type: 'memory', usage }` (process.memoryUsage(), bytes), `rssAtGc` (the RSS read at once
 *    after the collection, bytes), `spaces` (V8's heap spaces, committed and used bytes),
 *    `mappings` (resident bytes by kind of mapping, from /proc/self/smaps; null where there is
 *    none) and `caches` (entries held by the engine's bounded caches).
 *  - `{ type: 'cpu' }`: replies `{ type: 'cpu', usage }` (process.cpuUsage(), µs).
 *  - `{ type: 'stop' }`: closes the server and exits.
 */
import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
import { addressCacheSize } from '../../lib/mail/address';
import { fetchCacheSizes } from '../../lib/imap/fetch-render';
import { searchCacheSizes } from '../../lib/imap/search-text';
import { startLiveServer, type LiveServer } from '../../lib/live/server';
import { MailStore } from '../../lib/mailstore/store';
import { benchMailboxes, type BenchMessage } from './mailboxes';

type Request =
  | { type: 'start'; store: 'bulk'; messages: number }
  | { type: 'start'; store: 'mixed'; messages: number; popAccounts: number }
  | { type: 'memory'; gc?: boolean }
  | { type: 'cpu' }
  | { type: 'stop' };

let server: LiveServer | null = null;

/** A store holding `users` of benchMailboxes (mailboxes.ts), the messages Dovecot gets too. */
function store(mailboxes: Map<string, BenchMessage[]>, users: (user: string) => boolean): MailStore {
  const result = new MailStore({ clock: { now: () => Date.UTC(2026, 2, 1) } });
  for (const [user, messages] of mailboxes) {
    if (!users(user)) continue;
    const account = result.addAccount(user, 'secret');
    for (const m of messages) account.inbox.append(m.raw, [], m.internalDate);
  }
  return result;
}

/**
 * How long the memory reply waits after the forced collection, ms. V8 unmaps the pages a full
 * collection emptied on a background thread: an RSS read in the same tick as `gc()` counted up
 * to 19 MiB that were gone 10 ms later (docs/PROTOCOLS.md, Speed and memory).
 */
const SETTLE_MS = 250;

/**
 * Resident bytes by kind of mapping (/proc/self/smaps, Linux): `file` (node's binary and shared
 * libraries), `brk` (the [heap] mapping: malloc's main arena), `v8Pages` (anonymous 256 KiB
 * mappings: V8's regular heap pages), `anonymous` (the other anonymous mappings: V8's large
 * objects and code range, malloc's thread arenas and large blocks, thread stacks). Null if
 * /proc is not there.
 */
function mappings(): Record<string, number> | null {
  let text: string;
  try {
    text = readFileSync('/proc/self/smaps', 'latin1');
  } catch {
    return null;
  }
  const out: Record<string, number> = { file: 0, brk: 0, v8Pages: 0, anonymous: 0 };
  let kind = 'anonymous';
  for (const line of text.split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const size = parseInt(head[2]!, 16) - parseInt(head[1]!, 16);
      const name = head[3]!;
      kind = name.startsWith('/')
        ? 'file'
        : name === '[heap]'
          ? 'brk'
          : name === '' && size === 256 * 1024
            ? 'v8Pages'
            : 'anonymous';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) out[kind]! += Number(rss[1]) * 1024;
  }
  return out;
}

function gc() {
  (globalThis as { gc?: () => void }).gc?.();
}

process.on('message', async (request: Request) => {
  switch (request.type) {
    case 'start': {
      const bulk = request.store === 'bulk';
      const mailboxes = bulk
        ? benchMailboxes(request.messages, 0, 0)
        : benchMailboxes(0, request.messages, request.popAccounts);
      const filled = store(mailboxes, (user) => (user === 'bulk') === bulk);
      server = await startLiveServer({ store: filled, pop3Port: 0, imapPort: 0, maxSessions: 1000 });
      const port = (p: string) => server!.listeners.find((l) => l.protocol === p)!.port;
      process.send!({ type: 'ports', imap: port('imap'), pop3: port('pop3') });
      break;
    }
    case 'memory': {
      let rssAtGc = process.memoryUsage.rss();
      if (request.gc !== false) {
        gc();
        gc();
        rssAtGc = process.memoryUsage.rss();
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      }
      process.send!({
        type: 'memory',
        usage: process.memoryUsage(),
        rssAtGc,
        spaces: getHeapSpaceStatistics().map((s) => ({
          name: s.space_name,
          size: s.space_size,
          used: s.space_used_size,
        })),
        mappings: mappings(),
        caches: { ...fetchCacheSizes(), addresses: addressCacheSize(), ...searchCacheSizes() },
      });
      break;
    }
    case 'cpu':
      process.send!({ type: 'cpu', usage: process.cpuUsage() });
      break;
    case 'stop':
      await server?.close();
      process.exit(0);
  }
});
process.send!({ type: 'ready' });
