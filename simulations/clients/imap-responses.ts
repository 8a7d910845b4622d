import { tokenize, type Token } from '../../lib/imap/parser';

/**
 * Client-side reading of IMAP responses: what a real client library does with the server's
 * bytes. It reuses the engine's tokenizer, which reads the same grammar (atoms, strings,
 * literals, lists).
 */

/** Splits server output into responses, keeping each literal inside the response it belongs to. */
export function splitResponses(data: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < data.length) {
    let end = i;
    for (;;) {
      const lf = data.indexOf('\r\n', end);
      if (lf < 0) {
        end = data.length;
        break;
      }
      const m = /\{(\d+)\+?\}$/.exec(data.slice(end, lf));
      if (!m) {
        end = lf + 2;
        break;
      }
      end = lf + 2 + Number(m[1]);
    }
    out.push(data.slice(i, end));
    i = end;
  }
  return out;
}

export interface Untagged {
  readonly number: number | null;
  readonly kind: string;
  readonly rest: string;
}

/** `* 3 EXISTS` → {number: 3, kind: 'EXISTS'}; `* OK [UIDNEXT 7] …` → {number: null, kind: 'OK'}. */
export function parseUntagged(response: string): Untagged | null {
  if (!response.startsWith('* ')) return null;
  const line = response.slice(2).replace(/\r\n$/, '');
  const m = /^(\d+) ([A-Z]+)(?: ([\s\S]*))?$/i.exec(line);
  if (m) return { number: Number(m[1]), kind: m[2]!.toUpperCase(), rest: m[3] ?? '' };
  const w = /^([A-Z]+)(?: ([\s\S]*))?$/i.exec(line);
  return w ? { number: null, kind: w[1]!.toUpperCase(), rest: w[2] ?? '' } : null;
}

/** The data items of a FETCH response, by upper-cased name. */
export function fetchItems(rest: string): Map<string, Token> {
  const items = new Map<string, Token>();
  const [list] = tokenize(rest.replace(/\r\n$/, ''));
  if (!list || list.type !== 'list') return items;
  for (let i = 0; i + 1 < list.items.length; i += 2) {
    const name = list.items[i]!;
    if (name.type === 'atom') items.set(name.value.toUpperCase(), list.items[i + 1]!);
  }
  return items;
}

export function tokenText(t: Token | undefined): string | null {
  if (!t || t.type === 'list') return null;
  return t.type === 'atom' && t.value.toUpperCase() === 'NIL' ? null : t.value;
}

export function tokenList(t: Token | undefined): readonly Token[] {
  return t && t.type === 'list' ? t.items : [];
}

/** Subject and first sender of an ENVELOPE. */
export function envelopeSummary(envelope: Token | undefined): { subject: string; from: string } {
  const parts = tokenList(envelope);
  const subject = tokenText(parts[1]) ?? '(no subject)';
  const first = tokenList(tokenList(parts[2])[0]);
  const name = tokenText(first[0]);
  const mailbox = tokenText(first[2]);
  const host = tokenText(first[3]);
  const from = name ?? (mailbox && host ? `${mailbox}@${host}` : '(unknown)');
  return { subject, from };
}

/** The tagged status of a reply, e.g. `OK`, or null if the reply has none. */
export function taggedStatus(reply: string, tag: string): 'OK' | 'NO' | 'BAD' | null {
  const m = new RegExp(`(?:^|\\r\\n)${tag} (OK|NO|BAD)`).exec(reply);
  return m ? (m[1] as 'OK' | 'NO' | 'BAD') : null;
}

/** A response code's argument, e.g. `UIDVALIDITY` → 1700000000. */
export function responseCode(reply: string, code: string): string | null {
  const m = new RegExp(`\\[${code} ([^\\]]+)\\]`).exec(reply);
  return m ? m[1]! : null;
}

/** Where a message's readable text is, from its BODYSTRUCTURE (RFC 9051 §7.5.2). */
export interface TextPart {
  /** The section number to fetch, e.g. `1` or `1.1`. */
  readonly part: string;
  /** Its size in octets, as BODYSTRUCTURE gives it. */
  readonly size: number;
  /** True when the text part is the whole body (a single-part message). */
  readonly whole: boolean;
}

/**
 * The first text/plain part of a BODYSTRUCTURE (else the first text part), as a phone's client
 * picks it to show a message without downloading its attachments.
 */
export function textPartOf(structure: Token | undefined): TextPart | null {
  const items = tokenList(structure);
  if (items.length === 0) return null;
  if (items[0]!.type !== 'list') {
    return { part: '1', size: Number(tokenText(items[6]) ?? 0), whole: true };
  }
  const found = findText(items, '');
  return found && { ...found, whole: false };
}

function findText(items: readonly Token[], prefix: string): { part: string; size: number } | null {
  let fallback: { part: string; size: number } | null = null;
  for (let i = 0; i < items.length && items[i]!.type === 'list'; i++) {
    const child = tokenList(items[i]);
    const part = prefix ? `${prefix}.${i + 1}` : `${i + 1}`;
    if (child[0]?.type === 'list') {
      const nested = findText(child, part);
      if (nested) return nested;
      continue;
    }
    const type = tokenText(child[0])?.toUpperCase();
    const subtype = tokenText(child[1])?.toUpperCase();
    const found = { part, size: Number(tokenText(child[6]) ?? 0) };
    if (type === 'TEXT' && subtype === 'PLAIN') return found;
    if (type === 'TEXT') fallback ??= found;
  }
  return fallback;
}

/** UIDs as a compact UID set, e.g. `[1,2,3,5]` → `1:3,5` (RFC 9051 §9, sequence-set). */
export function uidSet(uids: readonly number[]): string {
  const sorted = [...uids].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}:${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
