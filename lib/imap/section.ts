import type { MimePart } from '../mail/mime';
import type { ByteString } from '../wire/bytes';
import { astring } from './format';
import { isAstringAtom } from './grammar';
import { bad } from './types';

/** A body section of FETCH (RFC 9051 §6.4.5), e.g. `1.2.HEADER.FIELDS (FROM)`. */
export interface Section {
  readonly parts: readonly number[];
  readonly text: 'HEADER' | 'HEADER.FIELDS' | 'HEADER.FIELDS.NOT' | 'TEXT' | 'MIME' | null;
  /** Upper-cased field names for HEADER.FIELDS(.NOT). */
  readonly fields: readonly string[];
}

/** Parses what stands between the brackets of `BODY[...]`. */
export function parseSection(spec: string): Section {
  const m =
    /^((?:[1-9][0-9]*\.)*[1-9][0-9]*)?\.?(HEADER\.FIELDS\.NOT|HEADER\.FIELDS|HEADER|TEXT|MIME)?(?: \(([^()]*)\))?$/i.exec(
      spec,
    );
  if (!m) throw bad(`Invalid section: ${spec.slice(0, 60)}`);
  const parts = m[1] ? m[1].split('.').map(Number) : [];
  const text = (m[2]?.toUpperCase() ?? null) as Section['text'];
  const hasFields = text === 'HEADER.FIELDS' || text === 'HEADER.FIELDS.NOT';
  if (hasFields !== (m[3] !== undefined)) throw bad(`Invalid section: ${spec.slice(0, 60)}`);
  if (text === 'MIME' && parts.length === 0) throw bad('MIME needs a part number');
  // "1." without a text part, or a text part glued to digits without a dot, is malformed.
  if (m[1] && m[2] && !spec.slice(m[1].length).startsWith('.'))
    throw bad(`Invalid section: ${spec.slice(0, 60)}`);
  if (m[1] && !m[2] && spec.length !== m[1].length) throw bad(`Invalid section: ${spec.slice(0, 60)}`);
  const fields = hasFields ? headerFieldNames(m[3]!) : [];
  if (hasFields && fields.length === 0) throw bad('HEADER.FIELDS needs at least one field name');
  return { parts, text, fields };
}

/**
 * The names of a `header-list` (RFC 9051 §9: header-fld-name = astring), upper-cased: atoms of
 * ASTRING-CHARs, or quoted strings whose backslash escapes only `"` and `\`. A wildcard, a
 * backslash or a quote in an atom is BAD, as in any astring.
 */
function headerFieldNames(list: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < list.length) {
    if (list[i] === ' ') {
      i++;
      continue;
    }
    let name = '';
    if (list[i] === '"') {
      for (i++; ; i++) {
        if (i >= list.length) throw bad('Unterminated quoted string in HEADER.FIELDS');
        const c = list[i]!;
        if (c === '"') break;
        if (c === '\\') {
          const next = list[++i];
          if (next !== '"' && next !== '\\') throw bad('Invalid escape in a quoted string');
          name += next;
        } else name += c;
      }
      i++;
      if (i < list.length && list[i] !== ' ') throw bad('Expected a space after a quoted header field name');
    } else {
      const end = list.indexOf(' ', i);
      name = list.slice(i, end < 0 ? list.length : end);
      i += name.length;
      if (!isAstringAtom(name)) throw bad('Invalid character in a header field name; quote it as a string');
    }
    names.push(name.toUpperCase());
  }
  return names;
}

/** The section as the response names it, e.g. `HEADER.FIELDS (FROM TO)`. */
export function sectionName(s: Section): string {
  const base = [...s.parts.map(String), ...(s.text ? [s.text] : [])].join('.');
  return s.fields.length ? `${base} (${s.fields.map(astring).join(' ')})` : base;
}

/**
 * The bytes a section names; an empty string where the part does not exist (RFC 9051 §6.4.5).
 * HEADER, TEXT and HEADER.FIELDS after part numbers apply to a message/rfc822 (or
 * message/global) part, i.e. to the message it encloses; MIME to any numbered part.
 */
export function extractSection(raw: ByteString, root: MimePart, s: Section): ByteString {
  const part = s.parts.length ? partAt(root, s.parts) : root;
  if (!part) return '';
  if (s.text === null) {
    return s.parts.length === 0 ? raw.slice(root.headerStart, root.end) : raw.slice(part.bodyStart, part.end);
  }
  if (s.text === 'MIME') return raw.slice(part.headerStart, part.bodyStart);
  const message = s.parts.length === 0 ? root : isMessage(part) ? (part.message ?? null) : null;
  if (!message) return '';
  if (s.text === 'TEXT') return raw.slice(message.bodyStart, message.end);
  const header = raw.slice(message.headerStart, message.bodyStart);
  if (s.text === 'HEADER') return header;
  return filterHeader(header, new Set(s.fields), s.text === 'HEADER.FIELDS');
}

/**
 * The part a list of part numbers names (RFC 9051 §6.4.5). The parts of a message are the
 * children of its multipart body, or, when the body is not multipart, the body itself as
 * part 1. So a number after a message/rfc822 part counts the parts of the message it encloses
 * (`4.2.1`), and a number after a multipart part counts that multipart's children (`4.2.2.1`);
 * a leaf part has no parts below it.
 */
export function partAt(root: MimePart, numbers: readonly number[]): MimePart | null {
  let part: MimePart | null = null;
  for (const n of numbers) {
    if (part === null) part = partOfMessage(root, n);
    else if (isMessage(part)) part = part.message ? partOfMessage(part.message, n) : null;
    else if (part.type === 'multipart') part = part.children[n - 1] ?? null;
    else return null;
    if (!part) return null;
  }
  return part;
}

/** Part `n` of a message: a child of its multipart body, or its single body as part 1. */
function partOfMessage(message: MimePart, n: number): MimePart | null {
  if (message.type === 'multipart') return message.children[n - 1] ?? null;
  return n === 1 ? message : null;
}

function isMessage(part: MimePart): boolean {
  return part.type === 'message' && (part.subtype === 'rfc822' || part.subtype === 'global');
}

/** Keeps (or drops) the named fields, each with its continuation lines, then the blank line. */
function filterHeader(header: ByteString, names: ReadonlySet<string>, keep: boolean): ByteString {
  let out = '';
  let including = false;
  for (const line of header.split('\r\n')) {
    if (line === '') continue;
    if (line[0] !== ' ' && line[0] !== '\t') {
      const colon = line.indexOf(':');
      const name = (colon < 0 ? line : line.slice(0, colon)).trim().toUpperCase();
      including = names.has(name) === keep;
    }
    if (including) out += line + '\r\n';
  }
  return out + '\r\n';
}
