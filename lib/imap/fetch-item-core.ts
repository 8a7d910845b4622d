/*
 * FETCH's data items (RFC 9051 §6.4.5) without the extension registry: the engine parses with
 * the registry's items (fetch-items.ts); the explanations (lib/explain), which must not load
 * every extension's code into the page, with the few they name. One rule for both.
 */
import type { ExtensionFetchItem, FetchItemDef } from './extensions/define';
import type { Token } from './parser';
import { parseSection, sectionName, type Section } from './section';
import { bad } from './types';

/** One FETCH data item (RFC 9051 §6.4.5), or one an extension registers (it renders itself). */
export type FetchItem =
  | ExtensionFetchItem
  | {
      readonly kind: 'FLAGS' | 'UID' | 'INTERNALDATE' | 'RFC822.SIZE' | 'ENVELOPE' | 'BODYSTRUCTURE' | 'BODY';
    }
  | { readonly kind: 'RFC822' | 'RFC822.HEADER' | 'RFC822.TEXT' }
  | {
      readonly kind: 'section';
      readonly section: Section;
      readonly peek: boolean;
      readonly partial: { readonly start: number; readonly length: number } | null;
    };

const SIMPLE = new Set([
  'FLAGS',
  'UID',
  'INTERNALDATE',
  'RFC822.SIZE',
  'ENVELOPE',
  'BODYSTRUCTURE',
  'BODY',
  'RFC822',
  'RFC822.HEADER',
  'RFC822.TEXT',
]);

/** The macros (RFC 9051 §6.4.5); they cannot be combined with other items. */
const MACROS: Record<string, string[]> = {
  ALL: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE'],
  FAST: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE'],
  FULL: ['FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'ENVELOPE', 'BODY'],
};

/**
 * Parses FETCH's items argument (one item, a macro, or a parenthesized list; RFC 9051 §6.4.5)
 * with `defs`, the items extensions add (the engine passes the registry's: `parseFetchItems` in
 * fetch-items.ts). Throws a BAD for an item it does not know or a malformed one.
 */
export function parseFetchItemsWith(tokens: readonly Token[], defs: readonly FetchItemDef[]): FetchItem[] {
  if (tokens.length === 0) throw bad('Missing fetch items');
  if (tokens.length > 1) throw bad('Fetch items must be one item or a parenthesized list');
  const t = tokens[0]!;
  if (t.type === 'atom' && MACROS[t.value.toUpperCase()]) {
    return MACROS[t.value.toUpperCase()]!.map((kind) => ({ kind }) as FetchItem);
  }
  const list = t.type === 'list' ? t.items : [t];
  if (list.length === 0) throw bad('Empty fetch item list');
  return list.map((item) => {
    if (item.type !== 'atom') throw bad('Invalid fetch item');
    return parseFetchItem(item.value, defs);
  });
}

/** One FETCH item (an atom such as `BODY.PEEK[TEXT]<0.100>`), with `defs` as above. */
export function parseFetchItem(text: string, defs: readonly FetchItemDef[]): FetchItem {
  const upper = text.toUpperCase();
  if (SIMPLE.has(upper)) return { kind: upper } as FetchItem;
  const m = /^(BODY|BODY\.PEEK)\[([^\]]*)\](?:<(\d{1,10})\.(\d{1,10})>)?$/i.exec(text);
  if (!m) {
    for (const def of defs) {
      const item = def.parse(text);
      if (item) return item;
    }
    throw bad(`Unknown fetch item: ${text.slice(0, 40)}`);
  }
  const length = m[4] !== undefined ? Number(m[4]) : 0;
  if (m[4] !== undefined && length === 0) throw bad('Partial length must be positive');
  return {
    kind: 'section',
    section: parseSection(m[2]!),
    peek: m[1]!.toUpperCase() === 'BODY.PEEK',
    partial: m[3] !== undefined ? { start: Number(m[3]), length } : null,
  };
}

/** True if fetching this item sets \Seen (RFC 9051 §6.4.5: BODY[…] and RFC822/RFC822.TEXT). */
export function setsSeen(item: FetchItem): boolean {
  if (item.kind === 'extension') return item.setsSeen;
  return (item.kind === 'section' && !item.peek) || item.kind === 'RFC822' || item.kind === 'RFC822.TEXT';
}

/** How the item is named in the request, for the explanation. */
export function describeItem(item: FetchItem): string {
  if (item.kind === 'extension') return item.name;
  if (item.kind !== 'section') return item.kind;
  const partial = item.partial ? `<${item.partial.start}.${item.partial.length}>` : '';
  return `${item.peek ? 'BODY.PEEK' : 'BODY'}[${sectionName(item.section)}]${partial}`;
}
