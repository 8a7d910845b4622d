import { Pop3Error, type Pop3Command } from '../types';

/**
 * RFC 2595 §4: switch the connection to TLS before logging in. Only in AUTHORIZATION, only
 * where the connection can do TLS (a certificate is loaded), and not twice. After the `+OK` the
 * TLS handshake starts on the same connection; the session forgets what the client said before
 * (a pending USER, bytes sent after STLS) and the client asks CAPA again.
 */
export const stls: Pop3Command = {
  name: 'STLS',
  states: ['AUTHORIZATION'],
  syntax: 'STLS',
  summary: 'Start TLS on this connection before logging in.',
  rfc: 'RFC 2595 §4',
  args: [0, 0],
  explain: () => 'switch this connection to TLS before logging in',
  run(ctx) {
    if (ctx.security?.tlsActive) throw new Pop3Error('Command not permitted when TLS active');
    if (!ctx.security?.tlsAvailable) throw new Pop3Error('TLS is not available on this connection');
    ctx.pendingUser = null;
    return { text: 'Begin TLS negotiation', startTls: true };
  },
};
