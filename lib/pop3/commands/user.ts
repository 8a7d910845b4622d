import { printable } from '../../session/printable';
import { Pop3Error, type Pop3Command } from '../types';

/** RFC 1939 §7. Any name is accepted here, so USER does not reveal which mailboxes exist. */
export const user: Pop3Command = {
  name: 'USER',
  states: ['AUTHORIZATION'],
  syntax: 'USER name',
  summary:
    'Name the mailbox to log in to; PASS follows. Optional (RFC 1939 §7), though nearly every server has it; CAPA lists USER.',
  rfc: 'RFC 1939 §7',
  args: [1, 1],
  explain: ([name]) => `log in as "${name}" (the password follows in PASS)`,
  run(ctx, [name]) {
    // RFC 2595 §2.3: a server MUST be configurable to refuse clear-text logins unless an
    // encryption layer is active. This server's policy: refused before STLS, except on this
    // machine (loopback), as the IMAP side does. Dovecot's words.
    const security = ctx.security;
    if (security && !security.tlsActive && !(security.loopback && ctx.server.plainAuthOnLoopback))
      throw new Pop3Error('Plaintext authentication disallowed on non-secure (SSL/TLS) connections.', 'AUTH');
    ctx.pendingUser = name!;
    // The name is the client's bytes: echo a short, printable part of it (RFC 2449 §4).
    return { text: `Send your password for ${printable(name!, 64)}` };
  },
};
