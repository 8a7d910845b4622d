/**
 * The server side of `npm run bench:engine`, run as a child process so that its memory and CPU
 * are the server's alone (the load generator is the parent). Driven over IPC:
 *  - `{ type: 'start', store: 'bulk', messages }`: one account `bulk` with that many generated
 *    messages in INBOX; `{ type: 'start', store: 'mixed', messages, popAccounts }`: `student`
 *    and `pop0…` accounts, each INBOX the 6 seed messages plus generated ones up to `messages`.
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
import { generateMessages, seedAccount, SEED_MESSAGES } from '../../lib/mailstore/seed';
import { MailStore } from '../../lib/mailstore/store';

type Request =
  | { type: 'start'; store: 'bulk'; messages: number }
  | { type: 'start'; store: 'mixed'; messages: number; popAccounts: number }
  | { type: 'memory'; gc?: boolean }
  | { type: 'cpu' }
  | { type: 'stop' };

let server: LiveServer | null = null;

function bulkStore(messages: number): MailStore {
  const store = new MailStore({ clock: { now: () => Date.UTC(2026, 2, 1) } });
  const account = store.addAccount('bulk', 'secret');
  for (const raw of generateMessages(messages, 10)) account.inbox.append(raw, [], Date.UTC(2026, 1, 1));
  return store;
}

function mixedStore(messages: number, popAccounts: number): MailStore {
  const store = new MailStore({ clock: { now: () => Date.UTC(2026, 2, 1) } });
  const extra = generateMessages(Math.max(0, messages - SEED_MESSAGES.length), 10);
  const fill = (user: string) => {
    const account = store.addAccount(user, 'secret');
    seedAccount(account);
    for (const raw of extra) account.inbox.append(raw, [], Date.UTC(2026, 2, 10));
  };
  fill('student');
  // POP3 locks the maildrop (RFC 1939 §8), so each POP3 worker has its own account.
  for (let i = 0; i < popAccounts; i++) fill(`pop${i}`);
  return store;
}

function gc() {
  (globalThis as { gc?: () => void }).gc?.();
}

process.on('message', async (request: Request) => {
  switch (request.type) {
    case 'start': {
      const store =
        request.store === 'bulk'
          ? bulkStore(request.messages)
          : mixedStore(request.messages, request.popAccounts);
      server = await startLiveServer({ store, pop3Port: 0, imapPort: 0, maxSessions: 1000 });
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
