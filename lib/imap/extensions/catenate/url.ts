import type { Account } from '../../../mailstore/account';
import { asUid } from '../../../mailstore/ids';
import type { StoredMessage } from '../../../mailstore/message';
import type { ByteString } from '../../../wire/bytes';
import { mimeOf } from '../../fetch-render';
import { isUtf8 } from '../../parser';
import { extractSection, parseSection } from '../../section';
import { ImapError } from '../../types';

/**
 * A relative IMAP URL naming a message or a part of one in this account (RFC 5092, the only
 * kind RFC 4469 §3 uses: no scheme, no server, resolved against `imap://user@server/`):
 * `/INBOX;UIDVALIDITY=785799047/;UID=20/;SECTION=1.MIME/;PARTIAL=0.1024`. The mailbox is UTF-8,
 * percent-encoded (RFC 5092 converts modified UTF-7 names to UTF-8 before %-encoding them); UIDVALIDITY, SECTION and PARTIAL are optional, and the names
 * of the parts are not case-sensitive (RFC 4469's examples write `;section=`).
 */
const URL =
  /^\/([^;?#]+?)(?:;UIDVALIDITY=([1-9]\d{0,9}))?\/;UID=([1-9]\d{0,9})(?:\/;SECTION=([^/;?#]+))?(?:\/;PARTIAL=(\d{1,10})(?:\.([1-9]\d{0,9}))?)?$/i;

/** Percent-decoding to octets (RFC 3986 §2.1); null when a `%` is not followed by two hex digits. */
function percentDecode(text: string): ByteString | null {
  if (/%(?![0-9a-f]{2})/i.test(text)) return null;
  return text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The octets a URL names, as a FETCH of `BODY[section]<partial>` would return them (RFC 4469
 * §3), read without setting \Seen. Throws `NO [BADURL url]` (§4.1) for anything it cannot
 * resolve: bad syntax, an absolute or URLAUTH URL, an unknown mailbox, another UIDVALIDITY, a
 * UID not there, a part that does not exist.
 */
export function resolveUrl(account: Account, url: string): ByteString {
  const m = URL.exec(url);
  const encoded = m ? percentDecode(m[1]!) : null;
  const name = encoded !== null && isUtf8(encoded) ? new TextDecoder().decode(toBytes(encoded)) : null;
  const box = name !== null ? account.getMailbox(name) : undefined;
  if (!m || !box) throw badUrl(url, m ? 'no such mailbox' : 'not a relative IMAP URL of a message');
  if (m[2] !== undefined && Number(m[2]) !== box.uidValidity) throw badUrl(url, 'UIDVALIDITY has changed');
  const message: StoredMessage | undefined = box.findByUid(asUid(Number(m[3])));
  if (!message || message.expunged) throw badUrl(url, 'no message with that UID');
  let data = message.raw;
  if (m[4] !== undefined) {
    const spec = percentDecode(m[4]);
    let section;
    try {
      section = spec !== null ? parseSection(spec) : null;
    } catch {
      section = null;
    }
    if (!section) throw badUrl(url, 'invalid section');
    data = extractSection(message.raw, mimeOf(message), section);
    if (data === '') throw badUrl(url, 'no such body part');
  }
  if (m[5] !== undefined) {
    const start = Number(m[5]);
    data = m[6] !== undefined ? data.slice(start, start + Number(m[6])) : data.slice(start);
  }
  return data;
}

function toBytes(s: ByteString): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * `NO [BADURL url]` (RFC 4469 §4.1). The code's text is `url-resp-text`, any TEXT-CHAR but `]`:
 * other octets are dropped, so the line stays well-formed whatever the client sent.
 */
function badUrl(url: string, why: string): ImapError {
  const shown = url.replace(/[^\x20-\x5c\x5e-\x7e]/g, '').slice(0, 200) || '?';
  return new ImapError('NO', `CATENATE failed: ${why}`, `BADURL ${shown}`);
}
