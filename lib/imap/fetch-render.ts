import { parseMime, type MimePart } from '../mail/mime';
import type { StoredMessage } from '../mailstore/message';
import { LruCache } from '../util/lru';
import type { ByteString } from '../wire/bytes';
import { bodyStructure } from './bodystructure';
import { envelope } from './envelope';
import type { FetchItem } from './fetch-items';
import { dateTime } from './format';
import { extractSection, sectionName } from './section';

/**
 * Messages never change their bytes, so what is parsed from them can be kept, within bounds
 * (so memory does not grow with the mailbox): the MIME trees of the most recently used
 * messages, which sections, BODYSTRUCTURE and SEARCH read, and the rendered ENVELOPE of many
 * more, one flat string each (about a third of a short message's size), so that a client
 * listing a large mailbox again is answered without parsing.
 */
export const MIME_CACHE_SIZE = 1024;
export const ENVELOPE_CACHE_SIZE = 16384;
const mimeCache = new LruCache<StoredMessage, MimePart>(MIME_CACHE_SIZE);
const envelopeCache = new LruCache<StoredMessage, string>(ENVELOPE_CACHE_SIZE);
const parse = (message: StoredMessage) => parseMime(message.raw);
const render = (message: StoredMessage) => envelope(mimeOf(message).headers);

/** The message's MIME structure (see {@link parseMime}), parsed on first use. */
export function mimeOf(message: StoredMessage): MimePart {
  return mimeCache.getOrSet(message, parse);
}

function envelopeOf(message: StoredMessage): string {
  return envelopeCache.getOrSet(message, render);
}

/** Entries held by FETCH's bounded caches now, for benchmarks. */
export function fetchCacheSizes(): { mime: number; envelopes: number } {
  return { mime: mimeCache.size, envelopes: envelopeCache.size };
}

/** A literal, always: message data may hold any byte (RFC 9051 §4.3). */
function literal(data: ByteString): ByteString {
  return `{${data.length}}\r\n${data}`;
}

/**
 * One data item of a FETCH response, e.g. `RFC822.SIZE 2012` or `BODY[HEADER] {342}\r\n…`.
 * `flags` is the message's flag list as written, e.g. `(\Seen)` (SelectedMailbox.flagText);
 * only FLAGS reads it.
 */
export function renderItem(item: FetchItem, message: StoredMessage, flags: string): ByteString {
  const raw = message.raw;
  switch (item.kind) {
    case 'extension':
      return item.render(message, flags);
    case 'FLAGS':
      return `FLAGS ${flags}`;
    case 'UID':
      return `UID ${message.uid}`;
    case 'INTERNALDATE':
      return `INTERNALDATE ${dateTime(message.internalDate)}`;
    case 'RFC822.SIZE':
      return `RFC822.SIZE ${message.size}`;
    case 'ENVELOPE':
      return `ENVELOPE ${envelopeOf(message)}`;
    case 'BODYSTRUCTURE':
      return `BODYSTRUCTURE ${bodyStructure(raw, mimeOf(message), true)}`;
    case 'BODY':
      return `BODY ${bodyStructure(raw, mimeOf(message), false)}`;
    case 'RFC822':
      return `RFC822 ${literal(raw)}`;
    case 'RFC822.HEADER':
      return `RFC822.HEADER ${literal(raw.slice(0, mimeOf(message).bodyStart))}`;
    case 'RFC822.TEXT':
      return `RFC822.TEXT ${literal(raw.slice(mimeOf(message).bodyStart))}`;
    case 'section': {
      let data = extractSection(raw, mimeOf(message), item.section);
      let origin = '';
      if (item.partial) {
        // RFC 9051 §6.4.5: the response names only the origin octet.
        data = data.slice(item.partial.start, item.partial.start + item.partial.length);
        origin = `<${item.partial.start}>`;
      }
      return `BODY[${sectionName(item.section)}]${origin} ${literal(data)}`;
    }
  }
}
