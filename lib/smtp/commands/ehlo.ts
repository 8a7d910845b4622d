import { SmtpError, type SmtpCommand, type SmtpContext } from '../types';

/** The extensions EHLO lists (RFC 5321 §4.1.1.1), in order; STARTTLS and AUTH only when usable. */
export function extensions(ctx: SmtpContext): string[] {
  const security = ctx.io.security;
  return [
    'PIPELINING', // RFC 2920
    `SIZE ${ctx.limits.maxMessageBytes}`, // RFC 1870 §3 (its limit, §4)
    ...(security?.tlsAvailable && !security.tlsActive ? ['STARTTLS'] : []), // RFC 3207 §3; not once TLS is up, §4.2
    // RFC 4954 §4: AUTH is offered only where it is allowed (as Postfix's
    // smtpd_tls_auth_only does): after TLS, or on loopback when the server allows it.
    ...(ctx.authAllowed() && !ctx.account ? ['AUTH PLAIN LOGIN'] : []),
    // RFC 4468 §3.3: the submission server fetches IMAP URLAUTH URLs from the lab's own store.
    ...(ctx.requireAuth ? ['BURL imap'] : []),
    'ENHANCEDSTATUSCODES', // RFC 2034
    '8BITMIME', // RFC 6152
    'SMTPUTF8', // RFC 6531
    'HELP',
  ];
}

/** The client's name: a domain or an address literal (RFC 5321 §4.1.1.1); taken as given. */
export function parseDomain(text: string, command: string): string {
  if (!/^[\x21-\x7e\x80-\xff]+$/.test(text)) throw new SmtpError(501, '5.5.4', `Syntax: ${command} domain`);
  return text;
}

/** RFC 5321 §4.1.1.1: greet, say which extensions the server has; any transaction is reset. */
export const ehlo: SmtpCommand = {
  name: 'EHLO',
  states: ['Connected', 'Ready', 'Mail', 'Rcpt'],
  syntax: 'EHLO domain',
  summary: 'Say hello with the client’s name and ask which extensions the server supports.',
  rfc: 'RFC 5321 §4.1.1.1',
  parse: (text) => parseDomain(text, 'EHLO'),
  explain: (domain) => `say hello as "${domain}" and ask for the server's extensions`,
  run(ctx, domain) {
    ctx.greet(domain, true);
    // No enhanced status codes on the EHLO reply (RFC 2034 §3).
    return { code: 250, lines: [`${ctx.server.hostname} Hello ${domain}`, ...extensions(ctx)] };
  },
};
