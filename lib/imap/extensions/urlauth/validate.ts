/**
 * Validation of URLAUTH-authorized URLs (RFC 4467 §6), shared by URLFETCH (§7) and the
 * submission server's BURL (RFC 4468 §3.2): the URL must be a full URLAUTH URL of a message on
 * this server, its token must be the one the mailbox's current access key gives for its rump
 * URL, it must not have expired, and its access identifier (§3) must admit whoever asks.
 */
import type { MailStore } from '../../../mailstore/store';
import type { ByteString } from '../../../wire/bytes';
import { parseImapUrl, readUrl, type ImapUrl, type UrlAccess } from '../catenate/url';
import { accessKey, KEY_OCTETS } from './keys';
import { INTERNAL, internalToken, sameToken } from './token';

/**
 * Who is asking for a URL's data: an IMAP session logged in as `user` (URLFETCH), or the
 * submission server acting for its authenticated `user` (BURL, RFC 4468).
 */
export type Requester =
  { readonly kind: 'imap'; readonly user: string } | { readonly kind: 'submit'; readonly user: string };

/** What the validation needs of the server: its store (accounts, clock) and host name. */
export interface UrlServer {
  readonly store: MailStore;
  readonly hostname: string;
}

/**
 * RFC 4467 §3: may `requester` use a URL with this access identifier? `submit+user` admits only
 * a submission entity acting for that user, which no IMAP session of ours is; `user+user` an
 * IMAP session logged in as that user; `authuser` and `anonymous` any session that got this far
 * (every session here is logged in: there is no anonymous login).
 */
export function admits(access: UrlAccess, requester: Requester): boolean {
  switch (access.kind) {
    case 'submit':
      return requester.kind === 'submit' && requester.user === access.user;
    case 'user':
      return requester.kind === 'imap' && requester.user === access.user;
    case 'authuser':
    case 'anonymous':
      return true;
  }
}

/** True when `host` (from a URL) names this server; host names are not case-sensitive. */
export function isOurHost(server: UrlServer, host: string): boolean {
  return host.toLowerCase() === server.hostname.toLowerCase();
}

/**
 * The data a full URLAUTH URL names, if it validates for `requester` (RFC 4467 §6), else null:
 * not an IMAP URL of a message, another server, a mechanism other than INTERNAL, no such user
 * or mailbox or no key for it, a wrong token, expired, an access identifier that does not admit
 * the requester, no such message or part. The data is read without setting \Seen (§7: URLFETCH
 * "does not in any way interfere with any selected mailbox").
 */
export function fetchAuthorized(server: UrlServer, text: string, requester: Requester): ByteString | null {
  const url = parseImapUrl(text);
  const auth = url?.urlauth;
  if (!url || !url.server || !auth?.verifier || url.server.user === null) return null;
  if (!isOurHost(server, url.server.host)) return null;
  if (auth.verifier.mechanism.toUpperCase() !== INTERNAL) return null;
  const owner = server.store.getAccount(url.server.user);
  const read = owner ? readUrl(owner, url) : null;
  const key = read && 'mailbox' in read ? accessKey(read.mailbox) : undefined;
  // §6: with no mailbox or key to check against, a token is still computed (with a key that
  // matches nothing), so the time taken does not tell which mailboxes exist.
  const expected = internalToken(auth.rump, key ?? new Uint8Array(KEY_OCTETS));
  if (!sameToken(auth.verifier.token, expected) || !key || !read || !('data' in read)) return null;
  if (expired(url, server.store.clock.now())) return null;
  if (!admits(auth.access, requester)) return null;
  return read.data;
}

/** True once the URL's `;EXPIRE=` time has passed (RFC 4467 §3). */
function expired(url: ImapUrl, now: number): boolean {
  const expire = url.urlauth?.expire ?? null;
  return expire !== null && now >= expire;
}
