import { fetchAuthorized } from '../../imap/extensions/urlauth';
import type { ByteString } from '../../wire/bytes';
import { deliverMessage } from '../deliver';
import type { Envelope } from '../path';
import { reply } from '../reply';
import { SmtpError, type SmtpCommand } from '../types';

/** `BURL absolute-URI [SP "LAST"]` (RFC 4468 §3.5), parsed. */
export interface BurlArgs {
  readonly url: string;
  readonly last: boolean;
}

/** The message data BURL commands have fetched so far in each transaction (by envelope). */
const pieces = new WeakMap<Envelope, ByteString>();

/** True once a BURL added data to this transaction: DATA may not follow (RFC 4468 §3.2). */
export function hasBurlData(envelope: Envelope | null): boolean {
  return envelope !== null && pieces.has(envelope);
}

/** RFC 3986 `absolute-URI`, loosely: a scheme, ":", then printable non-space ASCII. */
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[\x21-\x7e]+$/;

/**
 * RFC 4468 §3.2: BURL fetches the data a URL names and appends it to the message, in place of
 * DATA: the submission server reads a URLAUTH URL (RFC 4467) from the lab's IMAP store as a
 * submission entity acting for the user logged in (`submit+user`), so a client forwards an
 * attachment without downloading it. With `LAST` the message is complete and delivered as at
 * the end of DATA (`250 2.0.0 Ok: queued as …`); without it the server answers 250 and waits
 * for more. A URL that does not validate, another scheme, or another server's URL is `554 5.6.6`
 * (RFC 4468's "message content not available"), and the transaction is left as it was; past
 * the size limit, `552 5.3.4` ends the transaction as DATA does.
 */
export const burl: SmtpCommand<BurlArgs> = {
  name: 'BURL',
  states: ['Rcpt'],
  syntax: 'BURL absolute-URI [LAST]',
  summary: 'Add message data the server fetches from a URL (an IMAP URLAUTH URL) instead of sending it.',
  rfc: 'RFC 4468 §3.2',
  parse(text) {
    const [url, end, ...rest] = text.split(' ');
    const last = end !== undefined && end.toUpperCase() === 'LAST';
    if (!url || !ABSOLUTE_URI.test(url) || (end !== undefined && !last) || rest.length)
      throw new SmtpError(501, '5.5.4', 'Syntax: BURL absolute-URI [LAST]');
    return { url, last };
  },
  explain: ({ last }) =>
    `have the server fetch message data from an IMAP URL it is authorized to read${last ? ', the last piece: the message is then sent' : ''}`,
  run(ctx, { url, last }) {
    const envelope = ctx.envelope!;
    const account = ctx.account;
    if (!account) throw new SmtpError(530, '5.7.0', 'Authentication required for BURL');
    const data = /^imap:/i.test(url)
      ? fetchAuthorized(ctx.server, url, { kind: 'submit', user: account.user })
      : null;
    if (data === null)
      throw new SmtpError(554, '5.6.6', 'Message content not available: the IMAP URL did not validate');
    const content = (pieces.get(envelope) ?? '') + data;
    if (content.length > ctx.limits.maxMessageBytes) {
      ctx.reset();
      throw new SmtpError(552, '5.3.4', 'Message size exceeds fixed maximum message size');
    }
    if (!last) {
      pieces.set(envelope, content);
      return reply(250, '2.5.0', `${data.length} octets added; BURL … LAST ends the message`);
    }
    ctx.reset();
    return deliverMessage(ctx, envelope, content, ctx.nextQueueId());
  },
};
