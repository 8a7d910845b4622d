import { reply } from '../reply';
import { SmtpError, type SmtpCommand } from '../types';
import { noArgs } from './noargs';

/**
 * RFC 3207 §4: the server answers 220 and the TLS handshake starts on the same connection;
 * afterwards the session starts over (§4.2: the server forgets what it learnt, and the client
 * SHOULD send EHLO again). Available only
 * when the connection has a certificate (ConnectionSecurity.tlsAvailable).
 */
export const starttls: SmtpCommand<null> = {
  name: 'STARTTLS',
  states: ['Connected', 'Ready'],
  syntax: 'STARTTLS',
  summary: 'Switch this connection to TLS; everything after is encrypted.',
  rfc: 'RFC 3207 §4',
  parse: noArgs('STARTTLS'),
  explain: () => 'ask to encrypt the connection from here on',
  run(ctx) {
    const security = ctx.io.security;
    if (security?.tlsActive) throw new SmtpError(503, '5.5.1', 'TLS already active');
    if (!security?.tlsAvailable)
      throw new SmtpError(502, '5.5.1', 'STARTTLS not available on this connection');
    ctx.startTls();
    return reply(220, '2.0.0', 'Ready to start TLS');
  },
};
