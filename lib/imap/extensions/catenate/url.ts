import type { Account } from '../../../mailstore/account';
import { asUid } from '../../../mailstore/ids';
import type { Mailbox } from '../../../mailstore/mailbox';
import type { ByteString } from '../../../wire/bytes';
import { mimeOf } from '../../fetch-render';
import { isUtf8 } from '../../parser';
import { extractSection, parseSection } from '../../section';
import { ImapError } from '../../types';

/**
 * An IMAP URL naming a message or a part of one (RFC 5092 `imessagepart`), parsed:
 * `[imap://user@host[:port]]/INBOX;UIDVALIDITY=785799047/;UID=20/;SECTION=1.MIME/;PARTIAL=0.1024`
 * and, on an absolute URL, the URLAUTH parts of RFC 4467 §3 (`;EXPIRE=…;URLAUTH=access[:mech:token]`).
 */
export interface ImapUrl {
  /** The URL exactly as given. */
  readonly text: string;
  /** The server part of an absolute URL (`imap://user@host:port`); null for a relative URL. */
  readonly server: {
    readonly user: string | null;
    readonly host: string;
    readonly port: number | null;
  } | null;
  /** The mailbox, percent-decoded to octets (UTF-8 in a valid URL; see {@link mailboxOfUrl}). */
  readonly mailbox: ByteString | null;
  readonly uidValidity: number | null;
  readonly uid: number;
  /** The section as given (percent-encoded), or null. */
  readonly section: string | null;
  readonly partial: { readonly start: number; readonly length: number | null } | null;
  /** RFC 4467 §3 `iurlauth-rump` and, on a full URL, `iua-verifier`. */
  readonly urlauth: UrlAuthPart | null;
}

/** RFC 4467 §3 access identifiers: who may use the URL. */
export type UrlAccess =
  { readonly kind: 'submit' | 'user'; readonly user: string } | { readonly kind: 'authuser' | 'anonymous' };

/** The URLAUTH parts of a URL (RFC 4467 §3, §9 `iurlauth`). */
export interface UrlAuthPart {
  /** `;EXPIRE=` as milliseconds since the epoch, or null when the URL never expires. */
  readonly expire: number | null;
  readonly access: UrlAccess;
  /** The URL up to the verifier (RFC 4467 §6: the rump URL), exactly as given. */
  readonly rump: string;
  /** `:mechanism:token` of a full URL, or null on a rump URL. */
  readonly verifier: { readonly mechanism: string; readonly token: string } | null;
}

/** RFC 5092 `achar` (what `enc-user` is made of): no `;`, `:`, `@` or `/`. */
const ACHAR = "(?:[A-Za-z0-9._~!$'()*+,&=-]|%[0-9A-Fa-f]{2})";
/** `imap://` iserver: `[enc-user [;AUTH=…] "@"] host [":" port]` (RFC 5092 §11). */
const SERVER = `imap://(?:(${ACHAR}+)(?:;AUTH=(?:\\*|${ACHAR}+))?@)?([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::(\\d{1,5}))?`;
/** The message part, as CATENATE has always read it (RFC 5092 `imessagepart`). */
const PART =
  '/([^;?#]+?)(?:;UIDVALIDITY=([1-9]\\d{0,9}))?/;UID=([1-9]\\d{0,9})(?:/;SECTION=([^/;?#]+))?(?:/;PARTIAL=(\\d{1,10})(?:\\.([1-9]\\d{0,9}))?)?';
/** RFC 4467 §9 `iurlauth-rump` and `iua-verifier`. */
const URLAUTH = `(?:;EXPIRE=([^;]+))?;URLAUTH=((?:submit|user)\\+${ACHAR}+|authuser|anonymous)(?::([A-Za-z0-9.-]+):([0-9A-Fa-f]{32,}))?`;
const URL_RE = new RegExp(`^(?:${SERVER})?${PART}(${URLAUTH})?$`, 'i');

/**
 * Parses an IMAP URL of a message or part (RFC 5092), absolute or relative, with the URLAUTH
 * parts of RFC 4467 §3 on an absolute one. Returns null for anything else (no UID, a search, a
 * malformed part, an `;EXPIRE=` that is no RFC 3339 date-time, URLAUTH on a relative URL).
 */
export function parseImapUrl(text: string): ImapUrl | null {
  const m = URL_RE.exec(text);
  if (!m) return null;
  const server =
    m[2] !== undefined
      ? {
          user: m[1] !== undefined ? percentDecode(m[1]) : null,
          host: m[2],
          port: m[3] ? Number(m[3]) : null,
        }
      : null;
  let urlauth: UrlAuthPart | null = null;
  if (m[10] !== undefined) {
    if (!server) return null; // RFC 4467 §3: URLAUTH is part of an absolute URL
    const expire = m[11] !== undefined ? parseDateTime(m[11]) : null;
    if (expire === undefined) return null;
    const access = accessOf(m[12]!);
    if (!access) return null;
    const verifierAt = m[13] !== undefined ? text.length - m[13].length - m[14]!.length - 2 : text.length;
    urlauth = {
      expire,
      access,
      rump: text.slice(0, verifierAt),
      verifier: m[13] !== undefined ? { mechanism: m[13], token: m[14]! } : null,
    };
  }
  return {
    text,
    server,
    mailbox: percentDecode(m[4]!),
    uidValidity: m[5] !== undefined ? Number(m[5]) : null,
    uid: Number(m[6]),
    section: m[7] ?? null,
    partial:
      m[8] !== undefined ? { start: Number(m[8]), length: m[9] !== undefined ? Number(m[9]) : null } : null,
    urlauth,
  };
}

function accessOf(text: string): UrlAccess | null {
  const lower = text.toLowerCase();
  if (lower === 'authuser' || lower === 'anonymous') return { kind: lower };
  const plus = text.indexOf('+');
  const user = percentDecode(text.slice(plus + 1));
  if (user === null) return null;
  return { kind: lower.startsWith('submit+') ? 'submit' : 'user', user };
}

/**
 * RFC 3339 §5.6 `date-time` (`2026-03-10T12:00:00Z`, `…T12:00:00.5+01:00`) as milliseconds since
 * the epoch; undefined when it is not one (a 13th month, 31 February, an hour 24…).
 */
export function parseDateTime(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/i.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  const days = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > days || h! > 23 || mi! > 59 || s! > 60) return undefined;
  const oh = m[9] !== undefined ? Number(m[9]) : 0;
  const om = m[10] !== undefined ? Number(m[10]) : 0;
  if (oh > 23 || om > 59) return undefined;
  const offset = (m[8]!.startsWith('-') ? -1 : 1) * (oh * 60 + om) * 60_000;
  const fraction = m[7] ? Math.floor(Number(m[7]) * 1000) : 0;
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) + fraction - offset;
}

/** Percent-decoding to octets (RFC 3986 §2.1); null when a `%` is not followed by two hex digits. */
function percentDecode(text: string): ByteString | null {
  if (/%(?![0-9a-f]{2})/i.test(text)) return null;
  return text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The octets a parsed URL names in `account`, as a FETCH of `BODY[section]<partial>` would
 * return them (RFC 4469 §3, RFC 4467 §7 URLFETCH), read without setting \Seen; or a string
 * saying why there are none (no such mailbox, another UIDVALIDITY, no such UID or part). The
 * server part and URLAUTH are the caller's to check.
 */
export function readUrl(
  account: Account,
  url: ImapUrl,
): { data: ByteString; mailbox: Mailbox } | { problem: string } {
  const name =
    url.mailbox !== null && isUtf8(url.mailbox) ? new TextDecoder().decode(toBytes(url.mailbox)) : null;
  const box = name !== null ? account.getMailbox(name) : undefined;
  if (!box) return { problem: 'no such mailbox' };
  if (url.uidValidity !== null && url.uidValidity !== box.uidValidity)
    return { problem: 'UIDVALIDITY has changed' };
  const message = box.findByUid(asUid(url.uid));
  if (!message || message.expunged) return { problem: 'no message with that UID' };
  let data = message.raw;
  if (url.section !== null) {
    const spec = percentDecode(url.section);
    let section;
    try {
      section = spec !== null ? parseSection(spec) : null;
    } catch {
      section = null;
    }
    if (!section) return { problem: 'invalid section' };
    data = extractSection(message.raw, mimeOf(message), section);
    if (data === '') return { problem: 'no such body part' };
  }
  if (url.partial) {
    const { start, length } = url.partial;
    data = length !== null ? data.slice(start, start + length) : data.slice(start);
  }
  return { data, mailbox: box };
}

/**
 * The octets a relative URL names in this account (RFC 4469 §3: CATENATE's URLs are relative,
 * resolved against `imap://user@server/`). Throws `NO [BADURL url]` (§4.1) for anything it
 * cannot resolve: bad syntax, an absolute or URLAUTH URL, an unknown mailbox, another
 * UIDVALIDITY, a UID not there, a part that does not exist.
 */
export function resolveUrl(account: Account, text: string): ByteString {
  const url = parseImapUrl(text);
  if (!url || url.server) throw badUrl(text, 'not a relative IMAP URL of a message');
  const read = readUrl(account, url);
  if ('problem' in read) throw badUrl(text, read.problem);
  return read.data;
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
export function badUrl(url: string, why: string): ImapError {
  const shown = url.replace(/[^\x20-\x5c\x5e-\x7e]/g, '').slice(0, 200) || '?';
  return new ImapError('NO', `CATENATE failed: ${why}`, `BADURL ${shown}`);
}
