import emailAddresses from 'email-addresses';
import { addressParser } from 'postal-mime';
import { LruCache } from '../util/lru';

/**
 * One entry of an address list, split the way IMAP's ENVELOPE wants it (RFC 9051 §7.5.2):
 * a mailbox (`name`, `mailbox` = local part, `host` = domain), or the start or end of a group.
 * Strings are as sent: quotes and escapes of a quoted display name are undone, comments
 * dropped, but encoded words (RFC 2047) are left encoded.
 */
export interface Address {
  readonly name: string | null;
  readonly mailbox: string | null;
  readonly host: string | null;
  /** Set on the start of a group (`name:`), with mailbox = group name and host null. */
  readonly groupStart?: boolean;
  /** Set on the end marker of a group (`;`). */
  readonly groupEnd?: boolean;
}

type Parsed = emailAddresses.ParsedMailbox | emailAddresses.ParsedGroup;

/**
 * Parses an address-list header value (To, Cc, From, …) with `email-addresses`, an RFC 5322
 * §3.4 parser (obsolete forms included; 8-bit octets taken as RFC 6532 UTF-8). A group
 * becomes its start, its members and one end marker; `undisclosed-recipients:;` is a start
 * and an end. An empty value gives `[]`.
 *
 * A value that is not RFC 5322 (`user@`, a stray `<`) cannot be parsed by the grammar; then
 * postal-mime's lenient parser (nodemailer's) recovers what it can, its strings still as sent.
 */
export function parseAddressList(value: string): readonly Address[] {
  if (value.trim() === '') return [];
  let list = recent.get(value);
  if (list === undefined) {
    // A header value is a slice of the stored message; a copy, so that a cached entry does not
    // keep a whole (perhaps expunged) message alive.
    const own = detached(value);
    const parsed = emailAddresses.parseAddressList({ input: own, rfc6532: true });
    list = parsed ? parsed.flatMap(fromRfc5322) : lenient(own);
    recent.set(own, list);
  }
  return list;
}

/**
 * The parser is exact but not fast (about 40 µs a value), and a mailbox repeats the same
 * senders and recipients, so the most recently used distinct values are remembered.
 */
export const ADDRESS_CACHE_SIZE = 4096;
const recent = new LruCache<string, readonly Address[]>(ADDRESS_CACHE_SIZE);

/** How many parsed header values are remembered now (at most ADDRESS_CACHE_SIZE), for benchmarks. */
export function addressCacheSize(): number {
  return recent.size;
}

/**
 * The same text in a string of its own. JavaScript engines may share the characters of a
 * substring with the string it was cut from (V8's sliced strings); building a new string
 * and cutting it again copies the characters, since a concatenation is flattened first.
 */
function detached(text: string): string {
  return (' ' + text).slice(1);
}

function fromRfc5322(entry: Parsed): Address[] {
  if (entry.type === 'mailbox') return [mailboxOf(entry)];
  return [
    { name: null, mailbox: entry.name, host: null, groupStart: true },
    ...entry.addresses.map(mailboxOf),
    { name: null, mailbox: null, host: null, groupEnd: true },
  ];
}

/**
 * A mailbox. Without a display name, a comment stands in for it (`ann@x.org (Ann Example)`,
 * the older way of writing a name).
 */
function mailboxOf(m: emailAddresses.ParsedMailbox): Address {
  const comment = m.parts.comments
    .map((c) =>
      c.tokens
        .trim()
        .replace(/^\(|\)$/g, '')
        .trim(),
    )
    .find((text) => text !== '');
  const name = m.name ?? comment ?? null;
  return { name: name === '' ? null : name, mailbox: m.local, host: m.domain };
}

/**
 * What postal-mime's lenient parser makes of a value that is not RFC 5322. That parser decodes
 * encoded words in names; ENVELOPE wants them as sent, so `=?` is hidden from it (as a
 * character no byte string holds) and put back afterwards.
 */
function lenient(value: string): Address[] {
  const hidden = '\ue000?';
  const restore = (text: string) => text.split(hidden).join('=?');
  const out: Address[] = [];
  const mailbox = (m: { name: string; address: string }): Address => {
    const address = restore(m.address);
    const at = address.lastIndexOf('@');
    const local = at < 0 ? address : address.slice(0, at);
    // Dovecot's markers for the parts an invalid address lacks.
    return {
      name: restore(m.name) || null,
      mailbox: local || 'MISSING_MAILBOX',
      host: at < 0 || at === address.length - 1 ? 'MISSING_DOMAIN' : address.slice(at + 1),
    };
  };
  for (const entry of addressParser(value.split('=?').join(hidden))) {
    if (entry.group) {
      out.push({ name: null, mailbox: restore(entry.name), host: null, groupStart: true });
      out.push(...entry.group.map(mailbox));
      out.push({ name: null, mailbox: null, host: null, groupEnd: true });
    } else if (entry.address || entry.name) {
      out.push(mailbox(entry));
    }
  }
  return out;
}
