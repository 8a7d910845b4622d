import { ImapError, defineCommand } from '../types';

/**
 * RFC 9051 §6.2.1 (RFC 3501 §6.2.1): start TLS before logging in. Offered (the STARTTLS
 * capability) only where the connection can do TLS, and never twice. The handshake starts right
 * after the tagged OK's CRLF; the session then drops what the client pipelined after the command,
 * and the client must forget the capabilities it learnt and ask again: after TLS the list no
 * longer names STARTTLS or LOGINDISABLED.
 */
export const starttls = defineCommand({
  name: 'STARTTLS',
  states: ['Not Authenticated'],
  syntax: 'STARTTLS',
  summary: 'Start TLS on this connection before logging in.',
  rfc: 'RFC 9051 §6.2.1',
  updates: 'none',
  parse: (a) => a.end(),
  explain: () => 'switch this connection to TLS before logging in',
  run(ctx) {
    if (ctx.security?.tlsActive) throw new ImapError('BAD', 'TLS is already active');
    if (!ctx.security?.tlsAvailable) throw new ImapError('BAD', 'TLS is not available on this connection');
    ctx.startTls();
    return { text: 'Begin TLS negotiation now' };
  },
});
