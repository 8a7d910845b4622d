import { addressParser } from 'postal-mime';
import { bytesToText, decodeHeaderBlock, decodeHeaderValue, decodePartBody, foldCase } from '../mail/decode';
import type { MimePart } from '../mail/mime';
import type { StoredMessage } from '../mailstore/message';
import { LruCache } from '../util/lru';
import type { ByteString } from '../wire/bytes';
import { mimeOf } from './fetch-render';

/**
 * The text SEARCH compares (RFC 9051 §6.4.4): decoded and case-folded, made only when a text
 * key asks for it (a flag-only search never parses a message). Both are kept for the most
 * recently searched messages only, so memory stays bounded: header text for
 * HEADER_CACHE_SIZE messages, and, since decoded bodies can be as large as the mail itself,
 * bodies for BODY_CACHE_SIZE.
 */

interface HeaderText {
  /** Folded, decoded values by lower-case field name, in order. */
  readonly fields: ReadonlyMap<string, readonly string[]>;
  /** Folded `Name: value` lines of the whole header. */
  readonly all: string;
  /** FROM/TO/CC/BCC comparison values by field, made on first use (see addressValues). */
  readonly addresses: Map<string, readonly string[]>;
}

/** How many messages' decoded header text is kept (a few KiB each at most). */
export const HEADER_CACHE_SIZE = 4096;
const headerCache = new LruCache<StoredMessage, HeaderText>(HEADER_CACHE_SIZE);

function headerText(message: StoredMessage): HeaderText {
  let text = headerCache.get(message);
  if (!text) {
    const headers = mimeOf(message).headers;
    const fields = new Map<string, string[]>();
    for (const h of headers) {
      const key = h.name.toLowerCase();
      const list = fields.get(key) ?? [];
      list.push(foldCase(decodeHeaderValue(h.value)));
      fields.set(key, list);
    }
    text = { fields, all: foldCase(decodeHeaderBlock(headers)), addresses: new Map() };
    headerCache.set(message, text);
  }
  return text;
}

/** The folded, decoded values of every `field` header of the message (none: `[]`). */
export function headerValues(message: StoredMessage, field: string): readonly string[] {
  return headerText(message).fields.get(field.toLowerCase()) ?? [];
}

const ADDRESS_FIELDS = new Set(['from', 'to', 'cc', 'bcc']);

/**
 * What FROM, TO, CC and BCC compare: the decoded field value as written, and each address as
 * `display name <local@domain>`, so a search finds a person by name or by address.
 */
export function addressValues(message: StoredMessage, field: string): readonly string[] {
  const key = field.toLowerCase();
  if (!ADDRESS_FIELDS.has(key)) return headerValues(message, key);
  const byField = headerText(message).addresses;
  let values = byField.get(key);
  if (!values) {
    const raw = mimeOf(message).headers.filter((h) => h.name.toLowerCase() === key);
    const out = [...headerValues(message, key)];
    for (const h of raw) {
      // postal-mime decodes the names' encoded words; 8-bit octets are read as UTF-8 first.
      for (const entry of addressParser(bytesToText(h.value), { flatten: true }))
        out.push(foldCase(`${entry.name} <${entry.address}>`));
    }
    values = out;
    byField.set(key, values);
  }
  return values;
}

/** The folded header text of the message, for SEARCH TEXT. */
export function wholeHeader(message: StoredMessage): string {
  return headerText(message).all;
}

/** How many decoded bodies are kept: enough for a mailbox page, bounded for a large mailbox. */
export const BODY_CACHE_SIZE = 256;
const bodyCache = new LruCache<StoredMessage, string>(BODY_CACHE_SIZE);

/** Entries held by SEARCH's bounded caches now, for benchmarks. */
export function searchCacheSizes(): { headers: number; bodies: number } {
  return { headers: headerCache.size, bodies: bodyCache.size };
}

/**
 * The folded, decoded text of the message's body: every text part, after its transfer encoding
 * and charset, and the header and text of each enclosed message. Parts of other types
 * (images, application data) hold no text to search.
 */
export function bodyText(message: StoredMessage): string {
  const cached = bodyCache.get(message);
  if (cached !== undefined) return cached;
  const root = mimeOf(message);
  const out: string[] = [];
  collect(message.raw, root, out);
  const text = foldCase(out.join('\n'));
  bodyCache.set(message, text);
  return text;
}

function collect(raw: ByteString, part: MimePart, out: string[]): void {
  if (part.type === 'multipart') {
    for (const child of part.children) collect(raw, child, out);
  } else if (part.message) {
    out.push(decodeHeaderBlock(part.message.headers));
    collect(raw, part.message, out);
  } else if (part.type === 'text') {
    out.push(decodePartBody(raw, part));
  }
}
