/**
 * SORT criteria (RFC 5256 §3, with DISPLAYFROM and DISPLAYTO from RFC 5957 §3): parsing, and
 * the comparison of two messages by them.
 */
import { parseAddressList, type Address } from '../../../mail/address';
import { decodeHeaderValue } from '../../../mail/decode';
import { headerValue } from '../../../mail/mime';
import type { StoredMessage } from '../../../mailstore/message';
import { atomsOf } from '../../args';
import { mimeOf } from '../../fetch-render';
import type { Token } from '../../parser';
import { bad } from '../../types';
import { baseSubject } from './base-subject';
import { compareOctets, unicodeCasemap } from './unicode-casemap';
import { parseSentDate } from './sent-date';

export const SORT_KEYS = [
  'ARRIVAL',
  'CC',
  'DATE',
  'FROM',
  'SIZE',
  'SUBJECT',
  'TO',
  'DISPLAYFROM',
  'DISPLAYTO',
] as const;
export type SortKeyName = (typeof SORT_KEYS)[number];

/** One sort criterion: a key, perhaps REVERSEd. */
export interface SortCriterion {
  readonly key: SortKeyName;
  readonly reverse: boolean;
}

/**
 * `sort-criteria = "(" sort-criterion *(SP sort-criterion) ")"`, `sort-criterion = ["REVERSE"
 * SP] sort-key` (RFC 5256 §5; RFC 5957 §4 adds DISPLAYFROM and DISPLAYTO). BAD for an empty
 * list, an unknown key, or a REVERSE that reverses nothing.
 */
export function parseSortCriteria(items: readonly Token[]): SortCriterion[] {
  const words = atomsOf(items, 'sort key').map((w) => w.toUpperCase());
  if (words.length === 0) throw bad('Missing sort criteria');
  const out: SortCriterion[] = [];
  for (let i = 0; i < words.length; i++) {
    const reverse = words[i] === 'REVERSE';
    if (reverse) i++;
    const key = SORT_KEYS.find((k) => k === words[i]);
    if (!key)
      throw bad(
        words[i] === undefined
          ? 'REVERSE must precede a sort key'
          : `Unknown sort key: ${words[i]!.slice(0, 20)}`,
      );
    out.push({ key, reverse });
  }
  return out;
}

/** The first mailbox of an address header (groups' markers skipped), or null. */
function firstAddress(message: StoredMessage, field: string): Address | null {
  const value = headerValue(mimeOf(message).headers, field);
  if (value === null) return null;
  return parseAddressList(value).find((a) => !a.groupStart && !a.groupEnd && a.mailbox !== null) ?? null;
}

/**
 * A message's value for one key: a number, or a string in i;unicode-casemap's titlecased
 * canonical form (RFC 5051 §2), which `compareOctets` orders.
 */
export function sortValue(message: StoredMessage, key: SortKeyName): number | string {
  switch (key) {
    case 'ARRIVAL':
      return message.internalDate;
    case 'SIZE':
      return message.size;
    case 'DATE':
      // RFC 5256 §2.2: no (readable) Date: header, then the INTERNALDATE.
      return parseSentDate(headerValue(mimeOf(message).headers, 'date')) ?? message.internalDate;
    case 'SUBJECT': {
      const subject = headerValue(mimeOf(message).headers, 'subject');
      return baseSubject(subject === null ? '' : decodeHeaderValue(subject));
    }
    case 'FROM':
    case 'TO':
    case 'CC':
      // RFC 5256 §3: the [IMAP] addr-mailbox (local part) of the first address; an absent
      // header is the empty string, which collates before any other.
      return unicodeCasemap(firstAddress(message, key.toLowerCase())?.mailbox ?? '');
    case 'DISPLAYFROM':
    case 'DISPLAYTO': {
      // RFC 5957 §3: the display name (encoded words decoded), else the addr-spec.
      const a = firstAddress(message, key === 'DISPLAYFROM' ? 'from' : 'to');
      if (!a) return '';
      const name = a.name ? decodeHeaderValue(a.name).trim() : '';
      return unicodeCasemap(name || `${a.mailbox}${a.host ? '@' + a.host : ''}`);
    }
  }
}

/**
 * Orders messages by the criteria, the first deciding and the next breaking ties; messages
 * equal on every key keep their mailbox order (RFC 5256 §3). `messages` are in sequence order.
 */
export function sortMessages<T extends { readonly message: StoredMessage }>(
  messages: readonly T[],
  criteria: readonly SortCriterion[],
): T[] {
  const rows = messages.map((m, index) => ({
    m,
    index,
    values: criteria.map((c) => sortValue(m.message, c.key)),
  }));
  rows.sort((a, b) => {
    for (let i = 0; i < criteria.length; i++) {
      const x = a.values[i]!;
      const y = b.values[i]!;
      const order =
        typeof x === 'string' && typeof y === 'string'
          ? Math.sign(compareOctets(x, y))
          : x < y
            ? -1
            : x > y
              ? 1
              : 0;
      if (order) return criteria[i]!.reverse ? -order : order;
    }
    return a.index - b.index;
  });
  return rows.map((r) => r.m);
}
