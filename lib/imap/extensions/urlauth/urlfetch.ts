import { imapString } from '../../format';
import { defineCommand } from '../../types';
import { fetchAuthorized } from './validate';

/**
 * RFC 4467 §7 URLFETCH: `URLFETCH url-full …` answers one `* URLFETCH url data …` (§8), each
 * URL followed by the octets it names as a literal, or NIL when it does not validate for this
 * session for any reason (§6; a NO is for server failures only, and none happens here). It needs
 * no selected mailbox and changes nothing in one: no \Seen is set. A URL is read with the access
 * of the user it names, so a URL another user authorized for this one (`user+name`, `authuser`,
 * `anonymous`) works; `submit+name` is for the submission server (BURL) and is NIL here.
 */
export const urlfetch = defineCommand({
  name: 'URLFETCH',
  states: ['Authenticated', 'Selected'],
  syntax: 'URLFETCH url-full [url-full …]',
  summary: 'Fetch the message parts that URLAUTH-authorized URLs name.',
  rfc: 'RFC 4467 §7',
  parse(a): string[] {
    const urls: string[] = [];
    do urls.push(a.astring('URL'));
    while (a.remaining > 0);
    return urls;
  },
  explain: (urls) =>
    `fetch what ${urls.length === 1 ? 'an authorized URL names' : `${urls.length} authorized URLs name`}; the server checks each URL's token against the mailbox's key`,
  run(ctx, urls) {
    const requester = { kind: 'imap', user: ctx.account!.user } as const;
    const pairs = urls.map((url) => {
      const data = fetchAuthorized(ctx.server, url, requester);
      return `${imapString(url)} ${data === null ? 'NIL' : `{${data.length}}\r\n${data}`}`;
    });
    ctx.untagged(`URLFETCH ${pairs.join(' ')}`);
    return {};
  },
});
