import { whoCanRead } from '../../session/secret-words';
import { ImapError, defineCommand } from '../types';

/**
 * RFC 9051 §6.2.3. The password is plain text on the wire; real servers refuse LOGIN without TLS
 * (LOGINDISABLED). This teaching server allows it on loopback so the exchange can be seen.
 */
export const login = defineCommand({
  name: 'LOGIN',
  states: ['Not Authenticated'],
  syntax: 'LOGIN user password',
  summary: 'Log in with a user name and a password (in plain text without TLS).',
  rfc: 'RFC 9051 §6.2.3',
  secretArgs: [1],
  parse(a) {
    const user = a.astring('user name');
    const password = a.astring('password');
    a.end();
    return { user, password };
  },
  explain: ({ user }, on) =>
    `log in as "${user}" (the password is on this line: ${whoCanRead(on.tls, 'it')})`,
  run(ctx, { user, password }) {
    // LOGINDISABLED (RFC 9051 §6.2.3): no password in the clear from elsewhere; Dovecot's words.
    if (!ctx.plainAuthAllowed())
      throw new ImapError(
        'NO',
        'Plaintext authentication disallowed on non-secure (SSL/TLS) connections.',
        'PRIVACYREQUIRED',
      );
    const account = ctx.server.store.authenticate(user, password);
    if (!account) return ctx.failAuth('Invalid credentials');
    ctx.login(account);
    return { code: `CAPABILITY ${ctx.capabilities().join(' ')}`, text: 'Logged in' };
  },
});
