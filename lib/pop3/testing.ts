import { seedStore } from '../mailstore/seed';
import { MailStore } from '../mailstore/store';
import { LoopbackConnection } from '../session/loopback';
import { createServerContext, type ServerContext } from '../session/types';
import { Pop3Session } from './session';

/** A fresh server with the seed account (student / secret) and a fixed clock. */
export function pop3TestServer(): ServerContext {
  const store = new MailStore({ clock: { now: () => Date.UTC(2026, 2, 10, 12, 0, 0) } });
  seedStore(store);
  return createServerContext(store);
}

export function connectPop3(server: ServerContext): LoopbackConnection<Pop3Session> {
  return new LoopbackConnection((io) => new Pop3Session(server, io));
}

/** Connected and logged in as student, in TRANSACTION. */
export function loggedInPop3(server = pop3TestServer()) {
  const c = connectPop3(server);
  c.take();
  c.send('USER student');
  const reply = c.send('PASS secret');
  if (!reply.startsWith('+OK')) throw new Error(`login failed: ${reply}`);
  return { server, c };
}
