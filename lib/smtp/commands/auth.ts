import { whoCanRead } from '../../session/secret-words';
import { decodeBase64, encodeBase64 } from '../base64';
import { reply } from '../reply';
import { SmtpError, type AuthExchange, type SmtpCommand, type SmtpContext, type SmtpResult } from '../types';

const SUCCESS = reply(235, '2.7.0', 'Authentication successful');

/** A client response line: `*` cancels (501, RFC 4954 §4); bad base64 is `501 5.5.2`. */
function decodeResponse(line: string): string {
  if (line === '*') throw new SmtpError(501, '5.0.0', 'Authentication cancelled');
  const bytes = decodeBase64(line);
  if (bytes === null) throw new SmtpError(501, '5.5.2', 'Cannot decode response: not base64');
  return bytes;
}

function login(ctx: SmtpContext, user: string, password: string): SmtpResult {
  const account = ctx.server.store.authenticate(user, password);
  if (!account) return ctx.failAuth();
  ctx.login(account);
  return SUCCESS;
}

/** RFC 4616 §2: `[authzid] NUL authcid NUL passwd`; acting for another user is not supported. */
function plainResponse(ctx: SmtpContext, bytes: string): SmtpResult {
  const parts = bytes.split('\0');
  if (parts.length !== 3) throw new SmtpError(501, '5.5.2', 'Malformed PLAIN response');
  const [authzid, authcid, password] = parts as [string, string, string];
  if (authzid !== '' && authzid !== authcid) return ctx.failAuth();
  return login(ctx, authcid, password);
}

const PLAIN: AuthExchange = {
  mechanism: 'PLAIN',
  step: (ctx, line) => plainResponse(ctx, decodeResponse(line)),
};

/** LOGIN (draft-murchison-sasl-login): "Username:" then "Password:", each base64. */
function loginPassword(user: string): AuthExchange {
  return {
    mechanism: 'LOGIN',
    user,
    step: (ctx, line) => login(ctx, user, decodeResponse(line)),
  };
}
const LOGIN_USER: AuthExchange = {
  mechanism: 'LOGIN',
  step: (_ctx, line) => loginPassword(decodeResponse(line)),
};

/** The `334` line that asks for the next response of an exchange. */
export function challengeFor(exchange: AuthExchange): string {
  if (exchange.mechanism === 'PLAIN') return ''; // RFC 4616 §2: an empty challenge
  return encodeBase64(exchange.user === undefined ? 'Username:' : 'Password:');
}

/**
 * RFC 4954 §4: SASL authentication, PLAIN (RFC 4616) and LOGIN, with or without an initial
 * response (`=` for an empty one). Once only per session, never inside a transaction (503).
 * Before TLS it is refused unless the peer is on loopback and the server allows that for
 * teaching (ServerContext.plainAuthOnLoopback): RFC 4954 §4 wants TLS first.
 */
export const auth: SmtpCommand<{ mechanism: string; initial: string | null }> = {
  name: 'AUTH',
  states: ['Ready'],
  syntax: 'AUTH mechanism [SP initial-response]',
  summary:
    'Log in with a SASL mechanism (PLAIN or LOGIN): the password travels base64-encoded, not encrypted.',
  rfc: 'RFC 4954 §4',
  secret: true,
  parse(text) {
    const m = /^([A-Za-z0-9_-]{1,20})(?: ([A-Za-z0-9+/]+=*|=))?$/.exec(text);
    if (!m) throw new SmtpError(501, '5.5.4', 'Syntax: AUTH mechanism [initial-response]');
    return { mechanism: m[1]!.toUpperCase(), initial: m[2] ?? null };
  },
  explain: ({ mechanism, initial }, on) =>
    `log in with ${mechanism}${initial !== null ? ` (the credentials are on this line, base64, which is not encryption: ${whoCanRead(on.tls, 'them')})` : ''}`,
  run(ctx, { mechanism, initial }) {
    if (ctx.account) throw new SmtpError(503, '5.5.1', 'Already authenticated');
    if (!ctx.extended) throw new SmtpError(503, '5.5.1', 'Send EHLO first: AUTH is an extension');
    if (!ctx.authAllowed()) {
      // RFC 3207 §4's reply where STARTTLS can help; without TLS here, RFC 4954 §4's answer to a
      // mechanism that "requires an encryption layer" (538, §6, is kept for history only).
      if (ctx.io.security?.tlsAvailable)
        throw new SmtpError(530, '5.7.0', 'Must issue a STARTTLS command first');
      throw new SmtpError(
        504,
        '5.5.4',
        'Mechanism needs an encrypted connection, which this server cannot offer',
      );
    }
    if (mechanism !== 'PLAIN' && mechanism !== 'LOGIN')
      throw new SmtpError(504, '5.5.4', 'Unrecognized authentication type');
    const start = mechanism === 'PLAIN' ? PLAIN : LOGIN_USER;
    if (initial === null) return start;
    // RFC 4954 §4: "=" is an initial response of zero length.
    return start.step(ctx, initial === '=' ? '' : initial);
  },
};
