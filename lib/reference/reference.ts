import { IMAP_COMMANDS } from '../imap/commands';
import { ImapSession } from '../imap/session';
import { seedStore } from '../mailstore/seed';
import { MailStore } from '../mailstore/store';
import { POP3_COMMANDS } from '../pop3/commands';
import { apopDigest } from '../pop3/commands/apop';
import { Pop3Session } from '../pop3/session';
import { LoopbackConnection } from '../session/loopback';
import { createServerContext, type Protocol } from '../session/types';
import { bytesToDisplayText } from '../wire/bytes';
import { exampleRandom, IMAP_EXAMPLES, POP3_EXAMPLES, type CommandExample } from './examples';

/** One command as the reference pages show it: straight from the engine's command table. */
export interface CommandReference {
  readonly name: string;
  readonly syntax: string;
  readonly summary: string;
  readonly states: readonly string[];
  readonly rfc: string;
  /** The example exchange, as the engine answers it: `C:`/`S:` lines. */
  readonly example: readonly { readonly from: 'C' | 'S'; readonly text: string }[];
}

/** Runs an example against a fresh seeded server and returns the command's own exchange. */
function runExample(protocol: Protocol, example: CommandExample): CommandReference['example'] {
  const store = new MailStore({ clock: { now: () => Date.UTC(2026, 2, 10, 12, 0, 0) } });
  seedStore(store);
  if (example.quota) {
    const account = store.getAccount('student')!;
    account.quotaBytes = example.quota.bytes ?? null;
    account.quotaMessages = example.quota.messages ?? null;
  }
  const server = createServerContext(store, { random: exampleRandom() });
  // A connection that can start TLS: the handshake itself is not part of the example.
  const security = example.tls
    ? { loopback: false, tlsAvailable: true, tlsActive: false, startTls() {} }
    : undefined;
  const c = new LoopbackConnection((plain) => {
    const io = security ? { ...plain, security } : plain;
    return protocol === 'pop3' ? new Pop3Session(server, io) : new ImapSession(server, io);
  });
  const greeting = c.take();
  let line = example.line;
  if (line.startsWith('APOP ')) {
    // APOP's digest depends on the greeting's timestamp: compute it as a client would.
    line = `APOP student ${apopDigest(/<[^>]+>/.exec(greeting)![0], 'secret')}`;
  }
  for (const before of example.before) c.send(before);
  const reply = c.sendRaw(line + '\r\n');
  return [
    ...line.split('\r\n').map((text) => ({ from: 'C' as const, text: bytesToDisplayText(text) })),
    ...bytesToDisplayText(reply)
      .replace(/\r\n$/, '')
      .split('\r\n')
      .map((text) => ({ from: 'S' as const, text })),
  ];
}

export function pop3Reference(): CommandReference[] {
  return [...POP3_COMMANDS.values()].map((c) => ({
    name: c.name,
    syntax: c.syntax,
    summary: c.summary,
    states: c.states,
    rfc: c.rfc,
    example: runExample('pop3', POP3_EXAMPLES[c.name]!),
  }));
}

export function imapReference(): CommandReference[] {
  return [...IMAP_COMMANDS.values()].map((c) => ({
    name: c.name,
    syntax: c.syntax,
    summary: c.summary,
    states: c.states,
    rfc: c.rfc,
    example: runExample('imap', IMAP_EXAMPLES[c.name]!),
  }));
}
