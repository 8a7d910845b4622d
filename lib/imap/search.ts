import { bytesToText, foldCase } from '../mail/decode';
import { headerValue } from '../mail/mime';
import type { StoredMessage } from '../mailstore/message';
import { normalizeFlag } from '../mailstore/flags';
import { mimeOf } from './fetch-render';
import type { SearchKeyDef, SearchKeyReader } from './extensions/define';
import { registry } from './extensions/registry';
import { isSaved as isInSavedResult } from './extensions/searchres';
import { parseSearchDate } from './format';
import { isAstringAtom, isAtom } from './grammar';
import type { Token } from './parser';
import type { SelectedMailbox, SessionMessage } from './selected';
import { addressValues, bodyText, headerValues, wholeHeader } from './search-text';
import { SequenceSet } from './seqset';
import { bad } from './types';

/** A compiled search key: true when the message matches. */
export type Criterion = (m: SessionMessage, selected: SelectedMailbox) => boolean;

const DAY = 24 * 60 * 60 * 1000;

/** Parses SEARCH criteria (RFC 9051 §6.4.4) into one predicate; all top-level keys must match. */
export function parseCriteria(tokens: readonly Token[]): Criterion {
  return parseSearch(tokens).criterion;
}

/**
 * Parses SEARCH criteria, and says which extension keys they use (anywhere, inside NOT and OR
 * too), since some change the response (RFC 7162 §3.1.5: MODSEQ adds the highest mod-sequence).
 */
export function parseSearch(tokens: readonly Token[]): {
  criterion: Criterion;
  extensionKeys: readonly SearchKeyDef[];
} {
  if (tokens.length === 0) throw bad('Missing search criteria');
  const used = new Set<SearchKeyDef>();
  const reader = new KeyReader(tokens, used);
  const keys: Criterion[] = [];
  while (!reader.done()) keys.push(reader.key());
  return { criterion: (m, s) => keys.every((k) => k(m, s)), extensionKeys: [...used] };
}

class KeyReader implements SearchKeyReader {
  private i = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly used: Set<SearchKeyDef>,
  ) {}

  peek(): Token | undefined {
    return this.tokens[this.i];
  }

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  private next(what: string): Token {
    const t = this.tokens[this.i++];
    if (!t) throw bad(`Missing ${what} in search`);
    return t;
  }

  /** An `astring` (RFC 9051 §9): a string, or an atom that may hold `]` but no wildcard. */
  text(what: string): string {
    const t = this.next(what);
    if (t.type === 'list' || t.type === 'literal8') throw bad(`Expected ${what} in search`);
    if (t.type === 'atom' && !isAstringAtom(t.value))
      throw bad(`Invalid character in ${what} in search; quote it as a string`);
    return t.value;
  }

  private date(): number {
    const value = parseSearchDate(this.text('date'));
    if (value === null) throw bad('Invalid date in search (expected e.g. 1-Feb-2026)');
    return value;
  }

  number(): number {
    const value = this.text('number');
    if (!/^\d{1,15}$/.test(value)) throw bad('Invalid number in search');
    return Number(value);
  }

  /** A search string: its octets read as UTF-8 (the charsets we accept), folded for comparison. */
  private needle(): string {
    return foldCase(bytesToText(this.text('string')));
  }

  /** KEYWORD and UNKEYWORD take a `flag-keyword`, an atom (RFC 9051 §9). */
  private flag(): string {
    const t = this.next('flag');
    const flag = t.type === 'atom' && isAtom(t.value) ? normalizeFlag(t.value) : null;
    if (flag === null) throw bad('Invalid flag in search');
    return flag;
  }

  key(): Criterion {
    const t = this.next('search key');
    if (t.type === 'list') {
      const inner = new KeyReader(t.items, this.used);
      const keys: Criterion[] = [];
      while (!inner.done()) keys.push(inner.key());
      if (keys.length === 0) throw bad('Empty parenthesized search key');
      return (m, s) => keys.every((k) => k(m, s));
    }
    if (t.type === 'string' || t.type === 'literal8') throw bad('Unexpected string in search');
    const word = t.value.toUpperCase();
    const has =
      (flag: string): Criterion =>
      ({ message }) =>
        message.flags.has(flag);
    const not =
      (c: Criterion): Criterion =>
      (m, s) =>
        !c(m, s);
    switch (word) {
      case 'ALL':
        return () => true;
      case 'ANSWERED':
        return has('\\Answered');
      case 'DELETED':
        return has('\\Deleted');
      case 'DRAFT':
        return has('\\Draft');
      case 'FLAGGED':
        return has('\\Flagged');
      case 'SEEN':
        return has('\\Seen');
      case 'UNANSWERED':
        return not(has('\\Answered'));
      case 'UNDELETED':
        return not(has('\\Deleted'));
      case 'UNDRAFT':
        return not(has('\\Draft'));
      case 'UNFLAGGED':
        return not(has('\\Flagged'));
      case 'UNSEEN':
        return not(has('\\Seen'));
      case 'KEYWORD':
        return has(this.flag());
      case 'UNKEYWORD':
        return not(has(this.flag()));
      // IMAP4rev1's (RFC 3501 §6.4.4), deprecated in IMAP4rev2 (RFC 9051 Appendix E): \Recent is per session.
      case 'RECENT':
        return ({ message }, s) => s.recent.has(message);
      case 'NEW':
        return ({ message }, s) => s.recent.has(message) && !message.flags.has('\\Seen');
      case 'OLD':
        return ({ message }, s) => !s.recent.has(message);
      // Text keys compare decoded, case-folded text (search-text.ts): encoded words,
      // transfer encodings and charsets undone; FROM/TO/CC/BCC also by display name.
      case 'FROM':
      case 'TO':
      case 'CC':
      case 'BCC': {
        const field = word.toLowerCase();
        const needle = this.needle();
        return ({ message }) => addressValues(message, field).some((v) => v.includes(needle));
      }
      case 'SUBJECT':
        return headerContains('subject', this.needle());
      case 'HEADER': {
        const field = this.text('header field name');
        return headerContains(field, this.needle());
      }
      case 'BODY': {
        const needle = this.needle();
        return ({ message }) => bodyText(message).includes(needle);
      }
      case 'TEXT': {
        const needle = this.needle();
        return ({ message }) => wholeHeader(message).includes(needle) || bodyText(message).includes(needle);
      }
      case 'LARGER': {
        const n = this.number();
        return ({ message }) => message.size > n;
      }
      case 'SMALLER': {
        const n = this.number();
        return ({ message }) => message.size < n;
      }
      // Internal date, by day, disregarding time (RFC 9051 §6.4.4).
      case 'BEFORE': {
        const d = this.date();
        return ({ message }) => dayOf(message.internalDate) < d;
      }
      case 'ON': {
        const d = this.date();
        return ({ message }) => dayOf(message.internalDate) === d;
      }
      case 'SINCE': {
        const d = this.date();
        return ({ message }) => dayOf(message.internalDate) >= d;
      }
      // The Date: header, by day.
      case 'SENTBEFORE': {
        const d = this.date();
        return ({ message }) => sentDay(message) !== null && sentDay(message)! < d;
      }
      case 'SENTON': {
        const d = this.date();
        return ({ message }) => sentDay(message) === d;
      }
      case 'SENTSINCE': {
        const d = this.date();
        return ({ message }) => sentDay(message) !== null && sentDay(message)! >= d;
      }
      case 'UID': {
        const set = SequenceSet.parse(this.text('UID set'));
        if (set.isSavedResult) return isSaved;
        return (m, s) => set.containsUid(m.message.uid, s.maxUid) || (set.includesSaved && isSaved(m, s));
      }
      case 'NOT':
        return not(this.key());
      case 'OR': {
        const a = this.key();
        const b = this.key();
        return (m, s) => a(m, s) || b(m, s);
      }
      default: {
        // `$`: the saved search result (RFC 5182 §2.1), whether SEARCH or UID SEARCH.
        if (word === '$') return isSaved;
        if (/^[0-9*:,$]+$/.test(word)) {
          // `1,$`: these numbers, and the saved result (RFC 5182 §3).
          const set = SequenceSet.parse(word);
          return (m, s) => {
            // Search tolerates numbers past the end: they simply match nothing.
            const count = s.exists;
            const inRanges = set.ranges.some((r) => {
              const a = r.from ?? count;
              const b = r.to ?? count;
              return m.seq >= Math.min(a, b) && m.seq <= Math.max(a, b);
            });
            return inRanges || (set.includesSaved && isSaved(m, s));
          };
        }
        const def = registry().searchKeys.get(word);
        if (def) {
          this.used.add(def);
          return def.parse(this);
        }
        throw bad(`Unknown search key: ${word.slice(0, 30)}`);
      }
    }
  }
}

/** The `$` key: the message is in the saved search result. */
const isSaved: Criterion = (m, s) => isInSavedResult(s, m);

function headerContains(field: string, needle: string): Criterion {
  // An empty string matches every message that has the field (RFC 9051 §6.4.4 HEADER).
  return ({ message }) => headerValues(message, field).some((v) => v.includes(needle));
}

function dayOf(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** The day written in the Date: header, ignoring time and zone. */
function sentDay(message: StoredMessage): number | null {
  const value = headerValue(mimeOf(message).headers, 'date');
  const m = value && /(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})/.exec(value);
  return m ? parseSearchDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}
