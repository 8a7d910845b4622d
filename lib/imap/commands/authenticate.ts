import { whoCanRead } from '../../session/secret-words';
import { bad, defineCommand, ImapError, type ImapContext } from '../types';

/**
 * RFC 9051 §6.2.2 with the PLAIN mechanism (RFC 4616): base64 of `authzid NUL user NUL password`,
 * sent after a `+` continuation or at once (SASL-IR, RFC 4959).
 */
export const authenticate = defineCommand({
  name: 'AUTHENTICATE',
  states: ['Not Authenticated'],
  syntax: 'AUTHENTICATE mechanism [initial-response]',
  summary: 'Log in with a SASL mechanism; this server offers PLAIN.',
  rfc: 'RFC 9051 §6.2.2',
  secretArgs: [1],
  parse(a) {
    const mechanism = a.atom('mechanism').toUpperCase();
    const initial = a.remaining ? a.atom('initial response') : null;
    a.end();
    return { mechanism, initial };
  },
  explain: ({ mechanism, initial }, on) =>
    initial !== null
      ? `log in with SASL ${mechanism} (the user name and password are on this line, base64-encoded, which is not encryption: ${whoCanRead(on.tls, 'them')})`
      : `log in with SASL ${mechanism} (the user name and password follow, base64-encoded, in answer to the server's +)`,
  run(ctx, { mechanism, initial }) {
    if (mechanism !== 'PLAIN')
      throw new ImapError('NO', `Unsupported mechanism: ${mechanism.slice(0, 20)}`, 'CANNOT');
    // PLAIN carries the password in the clear: refused where LOGIN is (RFC 9051 §6.2.3).
    if (!ctx.plainAuthAllowed())
      throw new ImapError(
        'NO',
        'Plaintext authentication disallowed on non-secure (SSL/TLS) connections.',
        'PRIVACYREQUIRED',
      );
    if (initial !== null) return answer(ctx, initial);
    ctx.continuation('');
    ctx.expectLine((line) => {
      try {
        ctx.complete(answer(ctx, line));
      } catch (error) {
        ctx.complete(error instanceof ImapError ? error : new ImapError('NO', 'Authentication failed'));
      }
    });
    return 'pending';
  },
});

function answer(ctx: ImapContext, response: string) {
  if (response === '*') throw bad('Authentication cancelled');
  const decoded = decodeBase64(response === '=' ? '' : response);
  if (decoded === null) throw bad('Invalid base64 in the SASL response');
  // RFC 4616 §2: `[authzid] NUL authcid NUL passwd`, exactly two NULs, authcid and passwd
  // non-empty (1*SAFE); anything else (a third NUL field, an empty password) is malformed.
  const parts = decoded.split('\0');
  const [authzid, user, password] = parts;
  if (parts.length !== 3 || !user || !password) throw bad('Malformed PLAIN response');
  if (authzid && authzid !== user) return ctx.failAuth('Cannot act as another user');
  const account = ctx.server.store.authenticate(user, password);
  if (!account) return ctx.failAuth('Invalid credentials');
  ctx.login(account);
  return { code: `CAPABILITY ${ctx.capabilities().join(' ')}`, text: 'Logged in' };
}

function decodeBase64(text: string): string | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  try {
    return atob(text);
  } catch {
    return null;
  }
}
