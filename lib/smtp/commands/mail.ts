import { parsePathArgument, type EsmtpParam, type MailPath } from '../path';
import { reply } from '../reply';
import { SmtpError, type SmtpCommand } from '../types';

export interface MailArgs {
  readonly path: MailPath;
  readonly params: readonly EsmtpParam[];
}

/**
 * RFC 5321 §4.1.1.2: starts a transaction with the reverse-path (where bounces go). Parameters
 * (after EHLO only): SIZE=n (RFC 1870 §6), BODY=7BIT|8BITMIME (RFC 6152), SMTPUTF8
 * (RFC 6531 §3.4), AUTH=xtext (RFC 4954 §5: a server that advertises AUTH MUST accept it; this
 * one trusts no client to vouch for another sender, so, as §5 allows, it checks the syntax and
 * discards the value, as if AUTH=<> had been given). On submission the client must have
 * authenticated (RFC 6409 §4.3, RFC 4954 §6: `530 5.7.0`).
 */

/** RFC 3461 §4 xtext: printable ASCII but "+" and "=", which are written "+XX" in hex. */
const XTEXT = /^(?:[!-*,-<>-~]|\+[0-9A-F]{2})*$/;

export const mail: SmtpCommand<MailArgs> = {
  name: 'MAIL',
  states: ['Ready'],
  syntax: 'MAIL FROM:<reverse-path> [SP mail-parameters]',
  summary: 'Start a message: give the sender address, where failure reports go.',
  rfc: 'RFC 5321 §4.1.1.2',
  parse: (text) => parsePathArgument(text, 'FROM'),
  explain: ({ path }) =>
    path.address === ''
      ? 'start a message with no return address (<>), as bounces do'
      : `start a message from <${path.address}>`,
  run(ctx, { path, params }) {
    if (ctx.requireAuth && !ctx.account)
      throw new SmtpError(530, '5.7.0', 'Authentication required: log in with AUTH first');
    let size: number | null = null;
    let smtputf8 = false;
    for (const { keyword, value } of params) {
      // Parameters belong to extensions, which HELO did not turn on (RFC 5321 §4.1.1.1).
      if (!ctx.extended) throw new SmtpError(555, '5.5.4', `${keyword} parameter needs EHLO`);
      if (keyword === 'SIZE' && value !== null && /^\d{1,20}$/.test(value)) size = Number(value);
      else if (keyword === 'BODY' && value !== null && /^(7BIT|8BITMIME)$/i.test(value)) continue;
      else if (keyword === 'SMTPUTF8' && value === null) smtputf8 = true;
      else if (keyword === 'AUTH' && value !== null && XTEXT.test(value)) continue;
      else if (keyword === 'SIZE' || keyword === 'BODY' || keyword === 'SMTPUTF8' || keyword === 'AUTH')
        throw new SmtpError(501, '5.5.4', `Bad ${keyword} parameter`);
      else throw new SmtpError(555, '5.5.4', `Unsupported parameter: ${keyword}`);
    }
    if (size !== null && size > ctx.limits.maxMessageBytes)
      throw new SmtpError(552, '5.3.4', 'Message size exceeds fixed maximum message size');
    // RFC 6531 §3.4: an address with UTF-8 needs the SMTPUTF8 parameter; §3.5: a MAIL refused
    // for it gets 550 ("mailbox unavailable"), a RCPT 553, both with X.6.7.
    if (path.utf8 && !smtputf8)
      throw new SmtpError(550, '5.6.7', 'Non-ASCII address needs the SMTPUTF8 parameter');
    ctx.begin(path, size, smtputf8);
    return reply(250, '2.1.0', `Sender <${path.address}> ok`);
  },
};
