/**
 * A small reader of IMAP's data formats (RFC 9051 §4, RFC 3501 §4) that keeps octet offsets,
 * so that each part of a line can be pointed at: atoms (with `[...]` sections and `<...>`
 * partials kept whole), quoted strings, literals (`{n}` CRLF and n octets, which may hold
 * anything; `~{n}` for a literal8) and parenthesized lists. It never throws: what it cannot read ends the line.
 */
export type Node =
  | { readonly kind: 'atom'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'quoted'; readonly text: string; readonly start: number; readonly end: number }
  | {
      readonly kind: 'literal';
      readonly text: string;
      readonly start: number;
      readonly end: number;
      /** Offset just after `{n}` (the CRLF follows it), and where the n octets begin and end. */
      readonly headerEnd: number;
      readonly contentStart: number;
      readonly size: number;
      readonly nonSync: boolean;
      /** A literal8, `~{n}` (RFC 3516 §7, RFC 9051 §9): its octets may include NUL. */
      readonly binary?: boolean;
    }
  | {
      readonly kind: 'list';
      readonly text: string;
      readonly start: number;
      readonly end: number;
      readonly children: readonly Node[];
    };

/** Reads items from `pos` to the end of the logical line (literals continue it). */
export function readItems(raw: string, pos: number): { nodes: Node[]; end: number } {
  const nodes: Node[] = [];
  let i = pos;
  for (;;) {
    while (raw[i] === ' ') i++;
    if (i >= raw.length || raw[i] === '\r' || raw[i] === '\n' || raw[i] === ')') break;
    const node = readNode(raw, i);
    if (!node) break;
    nodes.push(node);
    i = node.end;
  }
  return { nodes, end: i };
}

function readNode(raw: string, i: number): Node | null {
  const c = raw[i];
  if (c === '(') {
    const { nodes, end } = readItems(raw, i + 1);
    const close = raw[end] === ')' ? end + 1 : end;
    return { kind: 'list', text: raw.slice(i, close), start: i, end: close, children: nodes };
  }
  if (c === '"') {
    let j = i + 1;
    while (j < raw.length && raw[j] !== '"' && raw[j] !== '\r') j += raw[j] === '\\' ? 2 : 1;
    const end = Math.min(raw.length, j + 1);
    return { kind: 'quoted', text: raw.slice(i, end), start: i, end };
  }
  const binary = c === '~' && raw[i + 1] === '{';
  if (c === '{' || binary) {
    const open = binary ? i + 1 : i;
    const m = /^\{(\d+)(\+?)\}\r\n/.exec(raw.slice(open, open + 24));
    if (m) {
      const size = Number(m[1]);
      const headerEnd = open + m[0].length - 2;
      const contentStart = open + m[0].length;
      const end = Math.min(raw.length, contentStart + size);
      return {
        kind: 'literal',
        text: raw.slice(i, headerEnd),
        start: i,
        end,
        headerEnd,
        contentStart,
        size,
        nonSync: m[2] === '+',
        ...(binary ? { binary } : {}),
      };
    }
  }
  let j = i;
  while (j < raw.length && !' ()"\r\n'.includes(raw[j]!)) {
    if (raw[j] === '[') {
      const close = raw.indexOf(']', j);
      j = close < 0 ? raw.length : close + 1;
    } else j++;
  }
  if (j === i) return null;
  return { kind: 'atom', text: raw.slice(i, j), start: i, end: j };
}

/** The first line of a unit, without its CRLF. */
export function firstLine(raw: string): string {
  const crlf = raw.indexOf('\r\n');
  return crlf < 0 ? raw : raw.slice(0, crlf);
}

/** A quoted string's value (escapes undone), an atom's text, or a literal's content. */
export function valueOf(raw: string, node: Node): string {
  if (node.kind === 'quoted') return node.text.slice(1, -1).replace(/\\(.)/g, '$1');
  if (node.kind === 'literal') return raw.slice(node.contentStart, node.end);
  return node.text;
}
