import type { SmtpCommand } from '../types';
import { parseDomain } from './ehlo';

/** RFC 5321 §4.1.1.1: the old greeting; no extensions are in effect after it. */
export const helo: SmtpCommand = {
  name: 'HELO',
  states: ['Connected', 'Ready', 'Mail', 'Rcpt'],
  syntax: 'HELO domain',
  summary: 'Say hello the RFC 821 way: no extensions (no AUTH, SIZE or PIPELINING) afterwards.',
  rfc: 'RFC 5321 §4.1.1.1',
  parse: (text) => parseDomain(text, 'HELO'),
  explain: (domain) => `say hello as "${domain}", without extensions`,
  run(ctx, domain) {
    ctx.greet(domain, false);
    return { code: 250, lines: [ctx.server.hostname] };
  },
};
