/**
 * # URLAUTH: URLs that carry their own authorization (RFC 4467)
 *
 * A user asks the server to authorize an IMAP URL of a message part (`GENURLAUTH`); the server
 * appends a token made from the URL and a secret key of the mailbox, and anyone the URL's access
 * identifier admits may then fetch that part with `URLFETCH`, without the owner's password. What
 * it is for: a client forwards an attachment by handing its submission server such a URL (BURL,
 * RFC 4468) instead of downloading and uploading it. `RESETKEY` replaces or removes keys, which
 * invalidates the URLs made with them.
 *
 * - `keys.ts`: the mailbox access keys (RFC 4467 §2.2), kept beside the store's mailboxes;
 * - `token.ts`: the INTERNAL mechanism's token (§2.4.1), HMAC-SHA1 from @noble/hashes;
 * - `validate.ts`: validation (§6) and access identifiers (§3), shared with BURL;
 * - `genurlauth.ts`, `urlfetch.ts`, `resetkey.ts`: the commands (§7);
 * - `urlmech.ts`: the `[URLMECH INTERNAL]` code (§8).
 * The URL grammar (RFC 5092 with RFC 4467 §3's `;EXPIRE=` and `;URLAUTH=`) is CATENATE's (`catenate/url.ts`).
 */
import { defineExtension } from '../define';
import { genurlauth } from './genurlauth';
import { resetkey } from './resetkey';
import { urlfetch } from './urlfetch';
import { keyResetLines, markKeyNoticed, URLMECH_LINE } from './urlmech';

export { fetchAuthorized, type Requester } from './validate';

export const urlauth = defineExtension({
  name: 'urlauth',
  rfc: 'RFC 4467',
  capability: 'URLAUTH',
  commands: [resetkey, genurlauth, urlfetch],
  responseCodes: [
    {
      name: 'URLMECH',
      summary: 'The URLAUTH mechanisms of the selected mailbox (after SELECT/EXAMINE and RESETKEY).',
      rfc: 'RFC 4467 §8',
    },
  ],
  hooks: {
    selected(ctx, selected) {
      ctx.untagged(URLMECH_LINE);
      markKeyNoticed(selected);
    },
    mailboxUpdates(selected, phase) {
      return phase === 'after' ? keyResetLines(selected) : [];
    },
  },
});
