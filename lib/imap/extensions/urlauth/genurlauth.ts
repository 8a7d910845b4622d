import { imapString } from '../../format';
import { printableName } from '../../mailbox-access';
import { bad, defineCommand } from '../../types';
import { parseImapUrl, readUrl } from '../catenate/url';
import { ensureAccessKey } from './keys';
import { INTERNAL, internalToken } from './token';
import { isOurHost } from './validate';

/** One `url-rump SP mechanism` pair of GENURLAUTH (RFC 4467 §9). */
export interface RumpRequest {
  readonly url: string;
  readonly mechanism: string;
}

/** RFC 4467 §9: `mechanism = "INTERNAL" / 1*(ALPHA / DIGIT / "-" / ".")`. */
export const MECHANISM = /^[A-Za-z0-9.-]+$/;

/**
 * RFC 4467 §7 GENURLAUTH: `GENURLAUTH url-rump mechanism …` answers `* GENURLAUTH url-full …`,
 * each rump URL with `:internal:<token>` appended (§5), in the order asked. Every URL is checked
 * first, and any failure is a tagged BAD with nothing made (§7): it must be an absolute URL of a
 * message (a UID; not a mailbox, list or search) on this server, naming the logged-in user (the
 * owner of the key table, §7 (2)) and an existing mailbox (§7 (1)), message and part (§7 (4)),
 * with `;URLAUTH=access` and no verifier yet; the mechanism must be INTERNAL. A mailbox without
 * an access key gets one now (§7), kept in the store for every session.
 */
export const genurlauth = defineCommand({
  name: 'GENURLAUTH',
  states: ['Authenticated', 'Selected'],
  syntax: 'GENURLAUTH url-rump mechanism [url-rump mechanism …]',
  summary: 'Have the server authorize IMAP URLs, so someone else (e.g. a submission server) may fetch them.',
  rfc: 'RFC 4467 §7',
  parse(a): RumpRequest[] {
    const pairs: RumpRequest[] = [];
    do {
      const url = a.astring('URL');
      const mechanism = a.atom('URLAUTH mechanism');
      if (!MECHANISM.test(mechanism)) throw bad('Invalid URLAUTH mechanism name');
      pairs.push({ url, mechanism });
    } while (a.remaining > 0);
    return pairs;
  },
  explain: (pairs) =>
    `ask the server to authorize ${pairs.length === 1 ? 'a URL' : `${pairs.length} URLs`} (append a token made with the mailbox's secret key), so that whoever the URL names may fetch that part`,
  run(ctx, pairs) {
    const account = ctx.account!;
    const checked = pairs.map(({ url: text, mechanism }) => {
      if (mechanism.toUpperCase() !== INTERNAL)
        throw bad(`Unknown URLAUTH mechanism; this server has ${INTERNAL}`);
      const url = parseImapUrl(text);
      if (!url?.server || !url.urlauth)
        throw bad('Expected an absolute IMAP URL of a message with ;URLAUTH=access');
      if (url.urlauth.verifier) throw bad('The URL is already authorized; send it without :mechanism:token');
      if (url.server.user !== account.user)
        throw bad(`The URL must name the user logged in (${printableName(account.user)})`);
      if (!isOurHost(ctx.server, url.server.host))
        throw bad(`The URL must name this server (${ctx.server.hostname})`);
      const read = readUrl(account, url);
      if ('problem' in read) throw bad(`Invalid URL: ${read.problem}`);
      return { rump: url.urlauth.rump, mailbox: read.mailbox };
    });
    const authorized = checked.map(({ rump, mailbox }) => {
      const key = ensureAccessKey(mailbox, ctx.server.random);
      return `${rump}:internal:${internalToken(rump, key)}`;
    });
    ctx.untagged(`GENURLAUTH ${authorized.map(imapString).join(' ')}`);
    return {};
  },
});
