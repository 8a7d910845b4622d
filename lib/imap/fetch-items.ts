import type { ExtensionFetchItem } from './extensions/define';
import { registry } from './extensions/registry';
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

export function parseFetchItems(tokens: readonly Token[]): FetchItem[] {
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
    return parseItem(item.value);
  });
}

function parseItem(text: string): FetchItem {
  const upper = text.toUpperCase();
  if (SIMPLE.has(upper)) return { kind: upper } as FetchItem;
  const m = /^(BODY|BODY\.PEEK)\[([^\]]*)\](?:<(\d{1,10})\.(\d{1,10})>)?$/i.exec(text);
  if (!m) {
    for (const def of registry().fetchItems) {
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
