/**
 * The server side of `npm run bench:engine`, run as a child process so that its memory and CPU
 * are the server's alone (the load generator is the parent). Driven over IPC:
 *  - `{ type: 'start', store: 'bulk', messages }`: one account `bulk` with that many generated
 *    messages in INBOX; `{ type: 'start', store: 'mixed', messages, popAccounts }`: `student`
 *    and `pop0…` accounts, each INBOX the 6 seed messages plus generated ones up to `messages`
 *    (mailboxes.ts: the same messages Dovecot gets with --dovecot).
 *    Replies `{ type: 'ports', imap, pop3 }`.
 *  - `{ type: 'memory', gc? }`: collects garbage (unless gc is false), replies `{ type: 'memory', usage }`
 *    (process.memoryUsage(), bytes), `spaces` (V8's heap spaces, committed and used bytes) and
 *    `caches` (entries held by the engine's bounded caches).
 *  - `{ type: 'cpu' }`: replies `{ type: 'cpu', usage }` (process.cpuUsage(), µs).
 *  - `{ type: 'stop' }`: closes the server and exits.
 */
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
    case 'memory':
      if (request.gc !== false) {
        gc();
        gc();
      }
      process.send!({
        type: 'memory',
        usage: process.memoryUsage(),
        spaces: getHeapSpaceStatistics().map((s) => ({
          name: s.space_name,
          size: s.space_size,
          used: s.space_used_size,
        })),
        caches: { ...fetchCacheSizes(), addresses: addressCacheSize(), ...searchCacheSizes() },
      });
      break;
    case 'cpu':
      process.send!({ type: 'cpu', usage: process.cpuUsage() });
      break;
    case 'stop':
      await server?.close();
      process.exit(0);
  }
});
process.send!({ type: 'ready' });
