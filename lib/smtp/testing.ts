import { seedStore } from '../mailstore/seed';
import { MailStore } from '../mailstore/store';
import { LoopbackConnection } from '../session/loopback';
import {
  createServerContext,
  type ServerContext,
  type ServerContextOptions,
  type SessionIO,
} from '../session/types';
import { SmtpSession } from './session';
import type { SmtpSessionOptions } from './types';

/** The fixed time of the test clock: Tue, 10 Mar 2026 12:00:00 +0000. */
export const TEST_NOW = Date.UTC(2026, 2, 10, 12, 0, 0);

/** A fresh server with the seed account (student / secret) and `bob` / `hunter2`, a fixed clock. */
export function smtpTestServer(options: ServerContextOptions = {}): ServerContext {
  const store = new MailStore({ clock: { now: () => TEST_NOW } });
  seedStore(store);
  store.addAccount('bob', 'hunter2');
  return createServerContext(store, options);
}

/** Connected, the greeting taken. */
export function connectSmtp(
  server: ServerContext = smtpTestServer(),
  options: SmtpSessionOptions & { security?: SessionIO['security'] } = {},
): LoopbackConnection<SmtpSession> {
  const { security, ...sessionOptions } = options;
  const c = new LoopbackConnection((io) => new SmtpSession(server, { ...io, security }, sessionOptions));
  c.take();
  return c;
}

/** AUTH PLAIN's initial response for user and password. */
export function plain(user: string, password: string): string {
  return btoa(`\0${user}\0${password}`);
}

const PASSWORDS: Record<string, string> = { student: 'secret', bob: 'hunter2' };

/** Greeted with EHLO and logged in (default: as student). */
export function loggedInSmtp(server: ServerContext = smtpTestServer(), user = 'student') {
  const c = connectSmtp(server);
  c.send('EHLO client.example');
  const r = c.send(`AUTH PLAIN ${plain(user, PASSWORDS[user] ?? 'secret')}`);
  if (!r.startsWith('235')) throw new Error(`login failed: ${r}`);
  return { server, c };
}
