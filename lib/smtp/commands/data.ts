import { SmtpError, type SmtpCommand } from '../types';
import { hasBurlData } from './burl';
import { noArgs } from './noargs';

/**
 * RFC 5321 §4.1.1.4: the server answers 354 and reads the message text up to a line holding
 * only `.`; the session collects it (dot-unstuffing, limits) and answers 250 once it is stored.
 */
export const data: SmtpCommand<null> = {
  name: 'DATA',
  states: ['Mail', 'Rcpt'],
  syntax: 'DATA',
  summary: 'Send the message itself (header and body), ended by a line holding only a dot.',
  rfc: 'RFC 5321 §4.1.1.4',
  parse: noArgs('DATA'),
  explain: () => 'announce the message text, which follows up to a line with a single "."',
  run(ctx) {
    // RFC 5321 §3.3: with no accepted recipient, "no valid recipients" (554).
    if (!ctx.envelope?.recipients.length) throw new SmtpError(554, '5.5.1', 'No valid recipients');
    // RFC 4468 §3.2: once BURL has added data, the message is finished with BURL … LAST.
    if (hasBurlData(ctx.envelope)) throw new SmtpError(503, '5.5.1', 'BURL data sent: end with BURL … LAST');
    ctx.startData();
    // A 3xx reply carries no enhanced status code (RFC 2034 §4).
    return { code: 354, lines: ['End data with <CR><LF>.<CR><LF>'] };
  },
};
