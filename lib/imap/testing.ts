import { seedStore } from '../mailstore/seed';
import { MailStore } from '../mailstore/store';
import { LoopbackConnection } from '../session/loopback';
import { createServerContext, type ServerContext } from '../session/types';
import { ImapSession } from './session';

/** A fresh server with the seed account (student / secret) and a fixed clock. */
export function imapTestServer(): ServerContext {
  const store = new MailStore({ clock: { now: () => Date.UTC(2026, 2, 10, 12, 0, 0) } });
  seedStore(store);
  return createServerContext(store);
}

export function connectImap(server: ServerContext): LoopbackConnection<ImapSession> {
  const c = new LoopbackConnection((io) => new ImapSession(server, io));
  c.take();
  return c;
}

/** Logged in as student; with `select`, INBOX selected. */
export function imapSession(options: { server?: ServerContext; select?: boolean } = {}) {
  const server = options.server ?? imapTestServer();
  const c = connectImap(server);
  const login = c.send('a1 LOGIN student secret');
  if (!login.includes('a1 OK')) throw new Error(`login failed: ${login}`);
  if (options.select) {
    const select = c.send('a2 SELECT INBOX');
    if (!select.includes('a2 OK')) throw new Error(`select failed: ${select}`);
  }
  return { server, c, inbox: server.store.getAccount('student')!.inbox };
}

/** The lines of a reply, without the final empty string. */
export function lines(reply: string): string[] {
  return reply.split('\r\n').slice(0, -1);
}
